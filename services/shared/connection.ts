import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import type { Cursor } from '@mikro-orm/core';
import { badInput } from './errors.js';

// Relay-style connections shared by every list the hub serves.

// Both subgraphs serve connections, so PageInfo is a shared value type.
@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Makes `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function Connection<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => node) node!: T;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'How many items match, over all pages' }) totalCount!: number;
  }
  return ConnectionType;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20)' })
  @Min(1) @Max(100)
  first?: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string;
}

/** Pages come from MikroORM's keyset cursors (em.findByCursor); this shapes one for GraphQL. */
export function fromCursor<T extends object>(cursor: Cursor<T, never, never, never, true>): ConnectionShape<T> {
  const edges = cursor.items.map((node) => ({ node: node as T, cursor: cursor.from(node) }));
  return {
    edges,
    totalCount: cursor.totalCount,
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: cursor.hasPrevPage,
      startCursor: cursor.startCursor,
      endCursor: cursor.endCursor,
    },
  };
}

/** MikroORM throws on a cursor it cannot decode; the client gets BAD_USER_INPUT instead. */
export async function pageOrBadCursor<T>(fetch: () => Promise<T>, after: string | undefined): Promise<T> {
  try {
    return await fetch();
  } catch (error) {
    if (after !== undefined && /cursor|JSON|Unexpected token|base64/i.test(String(error))) {
      throw badInput(`"${after}" is not a cursor this list gave out`, 'after');
    }
    throw error;
  }
}
