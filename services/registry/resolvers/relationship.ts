import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Organization } from '../entities/organization.js';
import { Relationship } from '../entities/relationship.js';
import type { RegistryContext } from '../context.js';

@Resolver(() => Relationship)
export class RelationshipResolver {
  @FieldResolver(() => Organization)
  async from(@Root() edge: Relationship, @Ctx() { loaders }: RegistryContext): Promise<Organization> {
    return (await loaders.organization.load(edge.from.id))!;
  }

  @FieldResolver(() => Organization)
  async to(@Root() edge: Relationship, @Ctx() { loaders }: RegistryContext): Promise<Organization> {
    return (await loaders.organization.load(edge.to.id))!;
  }
}
