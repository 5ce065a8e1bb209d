import DataLoader from 'dataloader';
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../common/identity.js';
import { forbidden, notFound } from '../../common/errors.js';
import { todayInChina } from '../../common/dates.js';
import { scopedFederation, supervisionEnds, unplacedSql, visibleNamedSql, visibleParams, visibleSql } from './rules.js';
import { personVisible, recordVisible, type Condition } from './records.js';

// The caller's jurisdiction for one request: which Federation bounds it (from the token) and
// the day (today in China). Lists take it as one more condition in their own statement;
// a single record is checked by one batched statement (a DataLoader), so a request costs at
// most one statement more. Nothing is kept beyond the request: an edge written now counts
// on the next request.

export class RequestJurisdiction {
  readonly federationId: string | undefined;
  readonly day: string;
  private readonly visibleIds: DataLoader<string, boolean>;
  private readonly visiblePeople: DataLoader<string, boolean>;

  constructor(
    private readonly em: EntityManager,
    identity: Identity,
    day = todayInChina(),
  ) {
    this.federationId = scopedFederation(identity);
    this.day = day;
    this.visibleIds = new DataLoader(async (ids) => {
      const rows = await this.em.execute<{ id: string }[]>(
        `select o.id from registry.organization o where o.id in (?) and ${visibleSql('o.id')}`,
        [[...ids], ...visibleParams(this.federationId!, this.day)],
      );
      const seen = new Set(rows.map((row) => row.id));
      return ids.map((id) => seen.has(id));
    });
    this.visiblePeople = new DataLoader(async (ids) => {
      const visible = personVisible('p0.id', this.federationId!, this.day);
      const rows = await this.em.execute<{ id: string }[]>(
        `select p0.id from registry.person p0 where p0.id in (?) and ${visible.sql}`,
        [[...ids], ...visible.params],
      );
      const seen = new Set(rows.map((row) => row.id));
      return ids.map((id) => seen.has(id));
    });
  }

  /** A condition for a query over organizations: those the caller may see (everything when unscoped). */
  organizationCondition<T extends object>(): FilterQuery<T> {
    if (!this.federationId) return {};
    const params = visibleParams(this.federationId, this.day);
    return { [raw((alias: string) => visibleSql(`${alias}.id`), params)]: [] } as FilterQuery<T>;
  }

  /** A condition for a query over records that belong to an organization (its id in `column`): those of organizations the caller sees. */
  recordCondition<T extends object>(column = 'organization_id'): FilterQuery<T> {
    if (!this.federationId) return {};
    const params = visibleParams(this.federationId, this.day);
    return { [raw((alias: string) => visibleSql(`${alias}.${column}`), params)]: [] } as FilterQuery<T>;
  }

  /** A condition for records linked to organizations through `pivot` (activities, meetings): one of them the caller sees. */
  linkedCondition<T extends object>(pivot: string, ownerColumn: string): FilterQuery<T> {
    if (!this.federationId) return {};
    const params = visibleParams(this.federationId, this.day);
    return {
      [raw(
        (alias: string) =>
          `exists (select 1 from registry.${pivot} x where x.${ownerColumn} = ${alias}.id and ${visibleSql('x.organization_id')})`,
        params,
      )]: [],
    } as FilterQuery<T>;
  }

  /** A condition for a query over people: those holding or having held a position in an organization the caller sees, or none. */
  personCondition<T extends object>(): FilterQuery<T> {
    if (!this.federationId) return {};
    const params = visibleParams(this.federationId, this.day);
    return {
      [raw((alias: string) => personVisible(`${alias}.id`, this.federationId!, this.day).sql, params)]: [],
    } as FilterQuery<T>;
  }

  /** Whether the caller may see the person (one batched statement per request; nothing is read when unscoped). */
  async seesPerson(personId: string): Promise<boolean> {
    if (!this.federationId) return true;
    return this.visiblePeople.load(personId.toLowerCase());
  }

  /** A condition for audit entries: those of records the caller sees (records.ts says whose a record is). */
  auditCondition<T extends object>(): FilterQuery<T> {
    if (!this.federationId) return {};
    const columns = (alias: string) => ({
      type: `${alias}.entity_type`,
      id: `${alias}.entity_id`,
      values: `coalesce(${alias}.after, ${alias}.before)`,
      camelKeys: true,
    });
    const params = recordVisible(columns('a'), this.federationId, this.day).params;
    return {
      [raw((alias: string) => recordVisible(columns(alias), this.federationId!, this.day).sql, params)]: [],
    } as FilterQuery<T>;
  }

  /** A condition for the change feed's rows (alias `c` of registry.change): changes of records the caller sees; undefined when unscoped. */
  changeCondition(): Condition | undefined {
    if (!this.federationId) return undefined;
    return recordVisible(
      { type: 'c.entity_type', id: 'c.entity_id', values: 'c.after', camelKeys: false },
      this.federationId,
      this.day,
    );
  }

  /**
   * For a traversal: the ends named must be visible (else NOT_FOUND, as if there were none),
   * and the walk may step only onto visible organizations: the condition on the node reached
   * (named bindings), or undefined when unscoped.
   */
  async traversalScope(...ends: string[]): Promise<NamedCondition | undefined> {
    if (!this.federationId) return undefined;
    const seen = await Promise.all(ends.map((id) => this.sees(id)));
    const hidden = ends.find((_, i) => !seen[i]);
    if (hidden !== undefined) throw notFound(`No organization has id ${hidden}`);
    return {
      sql: visibleNamedSql,
      params: { jurisdictionFederation: this.federationId, jurisdictionDay: this.day },
    };
  }

  /** Whether the caller may see the organization (an unscoped caller sees all; nothing is read then). */
  async sees(organizationId: string): Promise<boolean> {
    if (!this.federationId) return true;
    return this.visibleIds.load(organizationId.toLowerCase());
  }

  /**
   * Refuses (FORBIDDEN) a write that touches an organization outside the caller's
   * jurisdiction. Ids of no organization pass: the write itself answers NOT_FOUND for them.
   */
  async requireKeeps(...organizationIds: string[]): Promise<void> {
    if (!this.federationId) return;
    const ids = [...new Set(organizationIds.map((id) => id.toLowerCase()))];
    const rows = await this.em.execute<{ id: string; name: string; visible: boolean }[]>(
      `select o.id, o.name, ${visibleSql('o.id')} as visible from registry.organization o where o.id in (?)`,
      [...visibleParams(this.federationId, this.day), ids],
    );
    const outside = rows.filter((row) => !row.visible);
    if (outside.length)
      throw forbidden(
        `${outside.map((row) => row.name).join('、')}不在你所在工商联的管辖范围内（它不监管该组织），不能修改其登记信息`,
      );
  }

  /**
   * For a new edge: both ends in the caller's jurisdiction (or common ground); for an edge
   * jurisdiction follows, the lower end may also be a Federation no other one reaches yet, so
   * that an admin can place a new county's Federation under their own (and so make it theirs).
   */
  async requireEdgeKept(type: string, fromId: string, toId: string): Promise<void> {
    if (!this.federationId) return;
    const lower = supervisionEnds(type, fromId.toLowerCase(), toId.toLowerCase())?.lower;
    const rows = await this.em.execute<{ id: string; name: string; visible: boolean; unplaced: boolean }[]>(
      `select o.id, o.name, ${visibleSql('o.id')} as visible, ${unplacedSql('o.id')} as unplaced
       from registry.organization o where o.id in (?)`,
      [...visibleParams(this.federationId, this.day), this.day, this.day, [fromId, toId]],
    );
    const outside = rows.filter((row) => !row.visible && !(row.id === lower && row.unplaced));
    if (outside.length)
      throw forbidden(
        `${outside.map((row) => row.name).join('、')}不在你所在工商联的管辖范围内（它不监管该组织），不能为其添加关系`,
      );
  }

  /**
   * The same for a record that belongs to an organization (a rating, a penalty, an edge): one
   * statement reads the record's organizations and judges them. A record that does not exist passes.
   */
  async requireKeepsRecord(
    table: string,
    id: string,
    organizationColumns: string[] = ['organization_id'],
  ): Promise<void> {
    if (!this.federationId) return;
    const rows = await this.em.execute<{ outside: string | null }[]>(
      `select (select string_agg(o.name, '、') from registry.organization o
         where o.id in (${organizationColumns.map((c) => `r.${c}`).join(', ')}) and not ${visibleSql('o.id')}) as outside
       from registry.${table} r where r.id = ?::uuid`,
      [...visibleParams(this.federationId, this.day), id],
    );
    const outside = rows[0]?.outside;
    if (outside) throw forbidden(`${outside}不在你所在工商联的管辖范围内（它不监管该组织），不能修改其记录`);
  }
}

/** A condition on an organization column with named bindings (for statements written with names). */
export interface NamedCondition {
  sql: (organization: string) => string;
  params: Record<string, unknown>;
}

const perRequest = new WeakMap<EntityManager, RequestJurisdiction>();

/** The request's jurisdiction, made once per request (keyed by its EntityManager fork, made per request). */
export function jurisdictionOf({ identity, em }: { identity: Identity; em: EntityManager }): RequestJurisdiction {
  let known = perRequest.get(em);
  if (!known) perRequest.set(em, (known = new RequestJurisdiction(em, identity)));
  return known;
}
