import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Rating } from '../entities/rating.js';
import { Honour } from '../entities/honour.js';
import { Organization } from '../entities/organization.js';
import { honourInForce, ratingInForce, validUntil } from '../rules/in-force.js';
import { asOfDate } from '../dates.js';
import type { RegistryContext } from '../context.js';

// Grades and honours are read from their organization's lists; these resolve their own fields.

@Resolver(() => Rating)
export class RatingResolver {
  @FieldResolver(() => Organization)
  async organization(@Root() rating: Rating, @Ctx() { loaders }: RegistryContext): Promise<Organization> {
    return (await loaders.organization.load(rating.organization.id))!;
  }

  @FieldResolver(() => String, {
    description: 'ISO date the grade lapses (awardedOn + 5 years); in force on the days before',
  })
  validUntil(@Root() rating: Rating): string {
    return validUntil(rating.awardedOn);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the grade is in force on asOf (default today): awarded, not lapsed, not revoked',
  })
  inForce(@Root() rating: Rating, @Arg('asOf', () => String, { nullable: true }) asOf: string | undefined): boolean {
    return ratingInForce(rating, asOfDate(asOf));
  }
}

@Resolver(() => Honour)
export class HonourResolver {
  @FieldResolver(() => Organization)
  async organization(@Root() honour: Honour, @Ctx() { loaders }: RegistryContext): Promise<Organization> {
    return (await loaders.organization.load(honour.organization.id))!;
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the honour counts on asOf (default today): its year begun, within validUntil, not revoked',
  })
  inForce(@Root() honour: Honour, @Arg('asOf', () => String, { nullable: true }) asOf: string | undefined): boolean {
    return honourInForce(honour, asOfDate(asOf));
  }
}
