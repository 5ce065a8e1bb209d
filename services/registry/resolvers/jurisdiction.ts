import { Authorized, Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RegistryContext } from '../context.js';
import { asOfDate } from '../dates.js';
import { requireUuid } from '../../common/ids.js';
import { visibleParams, visibleSql } from '../jurisdiction/rules.js';

// Jurisdiction as the processes side needs it (docs/jurisdiction.md): which Federations an
// organisation's officer task goes to, and which organisations a Federation's admin must not
// see runs of. Both read the closure table on one day; the supervision graph they reveal is
// public (the edges are), so any officer, admin or the worker may ask.

@Resolver()
export class JurisdictionResolver {
  @Authorized('SYSTEM', 'ADMIN', 'FEDERATION_OFFICER')
  @Query(() => [ID], {
    description:
      'The Federations whose jurisdiction holds the organization on asOf (ISO date; default today in China), itself when it is one; none: common ground, or no such organization',
  })
  async supervisingFederations(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('asOf', () => String, { nullable: true }) asOfArgument: string | undefined,
    @Ctx() { em }: RegistryContext,
  ): Promise<string[]> {
    const id = requireUuid(organizationId, 'organizationId');
    const asOf = asOfDate(asOfArgument);
    const rows = await em.execute<{ federation_id: string }[]>(
      `select distinct j.federation_id from registry.jurisdiction j
        where j.organization_id = ?::uuid and j.valid_from <= ?::date and (j.valid_to is null or j.valid_to >= ?::date)
        order by j.federation_id`,
      [id, asOf, asOf],
    );
    return rows.map((row) => row.federation_id);
  }

  @Authorized('SYSTEM', 'ADMIN', 'FEDERATION_OFFICER')
  @Query(() => [ID], {
    description:
      "The organizations outside the Federation's jurisdiction on asOf: those another Federation supervises and it does not (common ground is nobody's outside)",
  })
  async organizationsOutsideJurisdiction(
    @Arg('federationId', () => ID) federationId: string,
    @Arg('asOf', () => String, { nullable: true }) asOfArgument: string | undefined,
    @Ctx() { em }: RegistryContext,
  ): Promise<string[]> {
    const id = requireUuid(federationId, 'federationId');
    const asOf = asOfDate(asOfArgument);
    const rows = await em.execute<{ organization_id: string }[]>(
      // The outer alias is not visibleSql's own (j), which would shadow it.
      `select distinct r.organization_id from registry.jurisdiction r
        where r.valid_from <= ?::date and (r.valid_to is null or r.valid_to >= ?::date)
          and not ${visibleSql('r.organization_id')}
        order by r.organization_id`,
      [asOf, asOf, ...visibleParams(id, asOf)],
    );
    return rows.map((row) => row.organization_id);
  }
}
