import { Ctx, Query, Resolver } from 'type-graphql';
import { ServiceCategory } from '../entities/service-category.js';
import type { RegistryContext } from '../context.js';

// What government procurement (issue 9) reads from the registry besides organisations and their
// officers: the guidance catalogue. A short seeded list, so one query returns all of it.

@Resolver()
export class ServiceCategoryResolver {
  @Query(() => [ServiceCategory], { description: 'The guidance catalogue (政府购买服务指导性目录), by code; any role' })
  serviceCategories(@Ctx() { em }: RegistryContext): Promise<ServiceCategory[]> {
    return em.find(ServiceCategory, {}, { orderBy: { code: 'asc' } });
  }
}
