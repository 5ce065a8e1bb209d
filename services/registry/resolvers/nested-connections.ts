import { Args, ArgsType, Ctx, Field, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Organization } from '../entities/organization.js';
import { Person } from '../entities/person.js';
import { Position } from '../entities/position.js';
import { Rating } from '../entities/rating.js';
import { Honour } from '../entities/honour.js';
import { Certification } from '../entities/certification.js';
import { HonourLevel, PositionRole } from '../entities/kinds.js';
import { inEffect } from '../rules/in-force.js';
import { requireIsoDate } from '../../common/dates.js';
import type { RegistryContext } from '../context.js';
import { Connection, PageArgs, pageOf } from '../../common/connection.js';
import type { KeyType } from '../../common/cursor.js';

// The in-memory pages' sort keys, for the cursor decoder (common/cursor.ts).
const DAY_ID: KeyType[] = ['date', 'uuid'];
const YEAR_ID: KeyType[] = ['integer', 'uuid'];

// The nested lists as Relay connections too. Each reads the same per-request batch as its
// plain list field (so a list of organizations still costs one query per relation) and cuts
// the page in memory, in the batch's own order.

const PositionConnection = Connection('Position', Position);
const RatingConnection = Connection('Rating', Rating);
const HonourConnection = Connection('Honour', Honour);
const CertificationConnection = Connection('Certification', Certification);

@ArgsType()
class PositionPageArgs extends PageArgs {
  @Field(() => PositionRole, { nullable: true }) role?: PositionRole;
  @Field(() => String, { nullable: true, description: 'Only positions held on this ISO date' }) activeOn?: string;
}

@ArgsType()
class HonourPageArgs extends PageArgs {
  @Field(() => HonourLevel, { nullable: true }) level?: HonourLevel;
  @Field(() => Int, { nullable: true }) year?: number;
}

/** Positions with the given role, held on `activeOn` (an ISO date), when those are given. */
export function heldOn(
  positions: Position[],
  role: PositionRole | undefined,
  activeOn: string | undefined,
): Position[] {
  const day = activeOn === undefined ? undefined : requireIsoDate(activeOn, 'activeOn');
  return positions.filter((p) => (!role || p.role === role) && (!day || inEffect(p.validFrom, p.validTo, day)));
}

@Resolver(() => Organization)
export class OrganizationConnectionsResolver {
  @FieldResolver(() => PositionConnection, {
    description: 'The same positions as `positions`, as a connection (earliest first)',
  })
  async positionsConnection(
    @Root() organization: Organization,
    @Args(() => PositionPageArgs) { role, activeOn, ...page }: PositionPageArgs,
    @Ctx() { loaders }: RegistryContext,
  ) {
    const positions = heldOn(await loaders.positionsByOrganization.load(organization.id), role, activeOn);
    return pageOf(positions, (p) => [p.validFrom, p.id], DAY_ID, page);
  }

  @FieldResolver(() => RatingConnection, {
    description: 'The same grades as `ratings`, as a connection (newest first)',
  })
  async ratingsConnection(
    @Root() organization: Organization,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { loaders }: RegistryContext,
  ) {
    return pageOf(
      await loaders.ratingsByOrganization.load(organization.id),
      (r) => [r.awardedOn, r.id],
      DAY_ID,
      page,
      'desc',
    );
  }

  @FieldResolver(() => HonourConnection, {
    description: 'The same honours as `honours`, as a connection (newest first)',
  })
  async honoursConnection(
    @Root() organization: Organization,
    @Args(() => HonourPageArgs) { level, year, ...page }: HonourPageArgs,
    @Ctx() { loaders }: RegistryContext,
  ) {
    const honours = (await loaders.honoursByOrganization.load(organization.id)).filter(
      (h) => (!level || h.level === level) && (year == null || h.year === year),
    );
    return pageOf(honours, (h) => [h.year, h.id], YEAR_ID, page, 'desc');
  }
}

@Resolver(() => Person)
export class PersonConnectionsResolver {
  @FieldResolver(() => PositionConnection, {
    description: 'The same roles as `positions`, as a connection (earliest first)',
  })
  async positionsConnection(
    @Root() person: Person,
    @Args(() => PositionPageArgs) { role, activeOn, ...page }: PositionPageArgs,
    @Ctx() { loaders }: RegistryContext,
  ) {
    const positions = heldOn(await loaders.positionsByPerson.load(person.id), role, activeOn);
    return pageOf(positions, (p) => [p.validFrom, p.id], DAY_ID, page);
  }

  @FieldResolver(() => CertificationConnection, {
    description: 'The same certifications as `certifications`, as a connection (newest first)',
  })
  async certificationsConnection(
    @Root() person: Person,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { loaders }: RegistryContext,
  ) {
    return pageOf(
      await loaders.certificationsByPerson.load(person.id),
      (c) => [c.issuedOn, c.id],
      DAY_ID,
      page,
      'desc',
    );
  }
}
