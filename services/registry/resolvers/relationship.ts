import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Organization } from '../entities/organization.js';
import { Relationship } from '../entities/relationship.js';
import type { RegistryContext } from '../context.js';

@Resolver(() => Relationship)
export class RelationshipResolver {
  // The end read with the edge when its loader joined them (Organization.relationships does when
  // the answer asks for an end), else the loader's promise as it is (no async wrapper): two per
  // edge, and a chamber's detail has over a hundred edges.
  @FieldResolver(() => Organization)
  from(@Root() edge: Relationship, @Ctx() { loaders }: RegistryContext): Organization | Promise<Organization | null> {
    return loaders.endsOf(edge)?.from ?? loaders.organization.load(edge.from.id);
  }

  @FieldResolver(() => Organization)
  to(@Root() edge: Relationship, @Ctx() { loaders }: RegistryContext): Organization | Promise<Organization | null> {
    return loaders.endsOf(edge)?.to ?? loaders.organization.load(edge.to.id);
  }
}
