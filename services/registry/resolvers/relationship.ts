import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Organization } from '../entities/organization.js';
import { Relationship } from '../entities/relationship.js';
import type { RegistryContext } from '../context.js';

@Resolver(() => Relationship)
export class RelationshipResolver {
  // The loader's promise as it is (no async wrapper): two per edge, a detail may have hundreds.
  @FieldResolver(() => Organization)
  from(@Root() edge: Relationship, @Ctx() { loaders }: RegistryContext): Promise<Organization | null> {
    return loaders.organization.load(edge.from.id);
  }

  @FieldResolver(() => Organization)
  to(@Root() edge: Relationship, @Ctx() { loaders }: RegistryContext): Promise<Organization | null> {
    return loaders.organization.load(edge.to.id);
  }
}
