import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The registry's Organization as this subgraph sees it: only the key. The gateway fetches the
 * rest from the registry; this subgraph adds the processes' fields to it.
 */
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class OrganizationRef {
  @Field(() => ID)
  id!: string;
}

export const organizationRef = (id: string): OrganizationRef => ({ id });
