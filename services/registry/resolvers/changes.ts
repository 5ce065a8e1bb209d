import {
  Authorized,
  Args,
  ArgsType,
  Ctx,
  Field,
  GraphQLISODateTime,
  ID,
  Int,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from 'type-graphql';
import { Max, Min } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { decodeCursor, encodeCursor, readChanges, TRACKED_TYPES, type FeedChange } from '../changes/feed.js';
import { jurisdictionOf } from '../jurisdiction/request.js';
import type { RegistryContext } from '../context.js';
import { PageInfo } from '../../common/connection.js';
import { badInput } from '../../common/errors.js';

// registryChanges: how an integrator keeps a copy of the registry in step (docs/integrators-change-feed.md).

export enum ChangeOperation {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}
registerEnumType(ChangeOperation, { name: 'ChangeOperation' });

@ObjectType({ description: 'One committed change of a registry record' })
class RegistryChange {
  @Field(() => String, { description: 'The GraphQL type of the record, e.g. Organization, AnnualInspection' })
  entityType!: string;
  @Field(() => ID) entityId!: string;
  @Field(() => ChangeOperation) operation!: ChangeOperation;
  @Field(() => Int, { nullable: true, description: "The record's version after the change, for types that have one" })
  version!: number | null;
  @Field(() => [String], { description: 'The fields the change set (all of them for CREATE), by GraphQL field name' })
  changedFields!: string[];
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'The record after the change, by field name (a relation as <field>Id, a list such as organizers as ids); for an UPDATE of a list only that list; null for DELETE',
  })
  values!: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'The fields that place the record in time after the change (validFrom/validTo, year, listedOn/removedOn …)',
  })
  asOf!: Record<string, unknown> | null;
  @Field(() => String, {
    description: 'Who: the subject of the token that wrote it, seed, migration, or database:<user>',
  })
  actor!: string;
  @Field(() => GraphQLISODateTime, { description: 'When its transaction committed' })
  committedAt!: Date;
}

@ObjectType()
class RegistryChangeEdge {
  @Field(() => String) cursor!: string;
  @Field(() => RegistryChange) node!: RegistryChange;
}

@ObjectType({ description: 'A page of the change feed, oldest first; no totalCount (it grows while you read)' })
class RegistryChangeFeed {
  @Field(() => [RegistryChangeEdge]) edges!: RegistryChangeEdge[];
  @Field(() => PageInfo, {
    description: 'endCursor: pass it as `after` next time (the same cursor when nothing is new)',
  })
  pageInfo!: PageInfo;
}

@ArgsType()
class RegistryChangesArgs {
  @Field(() => String, {
    nullable: true,
    description: 'endCursor of the previous page; from the beginning when left out',
  })
  after?: string;
  @Field(() => Int, { defaultValue: 100, description: 'Page size, 1 to 1000' })
  @Min(1)
  @Max(1000)
  first!: number;
  @Field(() => [String], { nullable: true, description: `Only changes of these types: ${TRACKED_TYPES.join(', ')}` })
  types?: string[];
}

const node = (change: FeedChange): RegistryChange => ({ ...change, operation: change.operation as ChangeOperation });

@Resolver()
export class RegistryChangesResolver {
  @Authorized('INTEGRATOR', 'FEDERATION_OFFICER', 'ADMIN', 'SYSTEM')
  @Query(() => RegistryChangeFeed, {
    description:
      'INTEGRATOR, FEDERATION_OFFICER, ADMIN: every committed change of the registry in commit order, after a cursor; a cursor never skips a change',
  })
  async registryChanges(
    @Args(() => RegistryChangesArgs) { after, first, types }: RegistryChangesArgs,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<RegistryChangeFeed> {
    if (types && types.length === 0)
      throw badInput('types lists the registry types to follow; leave it out to follow all of them', 'types');
    const unknown = types?.find((type) => !(TRACKED_TYPES as readonly string[]).includes(type));
    if (unknown !== undefined)
      throw badInput(`"${unknown}" is not a registry type of the feed (one of ${TRACKED_TYPES.join(', ')})`, 'types');
    const from = after == null ? null : decodeCursor(after);
    const found = await readChanges(
      em,
      from,
      first + 1,
      types ?? null,
      jurisdictionOf({ em, identity }).changeCondition(),
    );
    const changes = found.slice(0, first);
    const edges = changes.map((change) => ({ cursor: encodeCursor(change.position), node: node(change) }));
    return {
      edges,
      pageInfo: {
        hasNextPage: found.length > first,
        hasPreviousPage: from != null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? after ?? null,
      },
    };
  }
}
