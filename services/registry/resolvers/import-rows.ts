import { Authorized, Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver, registerEnumType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Organization } from '../entities/organization.js';
import { AdministrativePenalty, AnnualInspection, ListEntry } from '../entities/evaluation-facts.js';
import { LIST_WORDS } from '../words.js';
import { ImportBatch, type StoredRowOutcome } from '../entities/import-batch.js';
import type { Versioned } from '../audit.js';
import { writeBatch, type Correction } from '../import/write-batch.js';
import {
  ImportedRowKind,
  readBatchRows,
  type ImportedInspection,
  type ImportedListEntry,
  type ImportedOrganization,
  type ImportedPenalty,
} from '../import/batch-rows.js';
import { actAs } from '../changes/actor.js';
import {
  inspectionYearViolations,
  listPeriodsOverlap,
  socialOrganizationViolations,
  type ListPeriod,
} from '../rules/facts.js';
import { creditCodeProblemZh, regionProblemZh, type RowProblem } from '../import/rows.js';
import { currentYear, requireReason } from './keeping.js';
import type { RegistryContext } from '../context.js';
import { badInput } from '../../common/errors.js';

// The bulk import's way into the registry (the registry-import process calls it as SYSTEM): a
// batch of rows upserted by natural key (credit code; credit code + year) in one transaction,
// each change audited. `dryRun` says what each row would do and writes nothing (the preview);
// otherwise the batch is applied once per `key`: a second call with that key is answered from
// the first and writes nothing, so a retried activity or a second approval changes nothing twice.

export enum ImportOutcome {
  CREATED = 'CREATED',
  CHANGED = 'CHANGED',
  UNCHANGED = 'UNCHANGED',
  INVALID = 'INVALID',
}
registerEnumType(ImportOutcome, { name: 'ImportOutcome', description: '新增 / 变更 / 未变 / 无效' });

/** Rows a batch may have: the import sends 2,000 (one transaction; bench:import measures it). */
const MAX_ROWS = 2000;

@ObjectType({ description: 'What is wrong with a cell' })
class ImportRowProblem {
  @Field(() => String) column!: string;
  @Field(() => String) value!: string;
  @Field(() => String, { description: 'In Chinese' }) message!: string;
}

@ObjectType({ description: 'What a row did (or would do)' })
class ImportRowOutcome {
  @Field(() => Int) row!: number;
  @Field(() => ImportOutcome) outcome!: ImportOutcome;
  @Field(() => ID, { nullable: true }) entityId!: string | null;
  @Field(() => [String]) changedFields!: string[];
  @Field(() => [ImportRowProblem]) problems!: ImportRowProblem[];
}

@ObjectType({ description: 'A batch of imported rows, applied or tried' })
class ImportBatchResult {
  @Field(() => String) key!: string;
  @Field(() => Boolean, { description: 'True when the key had been applied before: nothing was written now' })
  replayed!: boolean;
  @Field(() => [ImportRowOutcome]) outcomes!: ImportRowOutcome[];
}

// The batch reads records to compare them and writes with its own statements (writeBatch), so
// what it reads stays out of the identity map: the transaction's flush at commit would otherwise
// compare every one of a batch's thousands of records with its snapshot, to find nothing.
const UNMANAGED = { disableIdentityMap: true } as const;
/** An organisation a fact row names: what its rules and messages read, not the whole record. */
const NAMED = { ...UNMANAGED, fields: ['id', 'name', 'kind', 'creditCode', 'registeredOn'] } as const;

const invalid = (row: number, problems: RowProblem[]): StoredRowOutcome => ({
  row,
  outcome: ImportOutcome.INVALID,
  entityId: null,
  changedFields: [],
  problems,
});

async function upsertOrganizations(
  tx: EntityManager,
  actor: string,
  rows: ImportedOrganization[],
  write: boolean,
  reason: string | null,
) {
  const existing = await tx.find(Organization, { creditCode: { $in: rows.map((r) => r.creditCode) } }, UNMANAGED);
  const byCode = new Map(existing.map((o) => [o.creditCode!, o]));
  const outcomes: StoredRowOutcome[] = [];
  const creates: Organization[] = [];
  const corrections: Correction<Organization>[] = [];
  for (const row of rows) {
    const problems: RowProblem[] = [];
    const codeProblem = creditCodeProblemZh(row.creditCode);
    if (codeProblem) problems.push({ column: '统一社会信用代码', value: row.creditCode, message: codeProblem });
    const regionProblem = regionProblemZh(row.regionCode);
    if (regionProblem) problems.push({ column: '行政区划代码', value: row.regionCode, message: regionProblem });
    if (problems.length) {
      outcomes.push(invalid(row.row, problems));
      continue;
    }
    const wanted = {
      name: row.name,
      kind: row.kind,
      regionCode: row.regionCode,
      registeredOn: row.registeredOn ?? null,
    };
    const organization = byCode.get(row.creditCode);
    if (!organization) {
      const created = write ? Object.assign(new Organization(), { ...wanted, creditCode: row.creditCode }) : null;
      outcomes.push({
        row: row.row,
        outcome: ImportOutcome.CREATED,
        entityId: created?.id ?? null,
        changedFields: [],
        problems: [],
      });
      if (created) {
        byCode.set(row.creditCode, created);
        creates.push(created);
      }
      continue;
    }
    outcomes.push(corrected(row.row, organization, wanted, write ? corrections : null));
  }
  if (write) await writeBatch(tx, Organization, { creates, corrections, actor, reason });
  return outcomes;
}

async function upsertInspections(
  tx: EntityManager,
  actor: string,
  rows: ImportedInspection[],
  write: boolean,
  reason: string | null,
) {
  const organizations = await tx.find(Organization, { creditCode: { $in: rows.map((r) => r.creditCode) } }, NAMED);
  const byCode = new Map(organizations.map((o) => [o.creditCode!, o]));
  const inspections = await tx.find(
    AnnualInspection,
    { organization: { $in: organizations.map((o) => o.id) }, year: { $in: [...new Set(rows.map((r) => r.year))] } },
    UNMANAGED,
  );
  const byKey = new Map(inspections.map((i) => [`${i.organization.id}/${i.year}`, i]));
  const outcomes: StoredRowOutcome[] = [];
  const created: AnnualInspection[] = [];
  const corrections: Correction<AnnualInspection>[] = [];
  const thisYear = currentYear();
  for (const row of rows) {
    const organization = byCode.get(row.creditCode);
    if (!organization) {
      const message = creditCodeProblemZh(row.creditCode) ?? `登记库中没有统一社会信用代码为 ${row.creditCode} 的组织`;
      outcomes.push(invalid(row.row, [{ column: '统一社会信用代码', value: row.creditCode, message }]));
      continue;
    }
    const violations = [
      ...socialOrganizationViolations(organization),
      ...inspectionYearViolations(row.year, thisYear, organization.registeredOn),
    ];
    if (violations.length) {
      outcomes.push(
        invalid(
          row.row,
          violations.map((v) =>
            v.field === 'year'
              ? { column: '年度', value: String(row.year), message: v.message }
              : { column: '统一社会信用代码', value: row.creditCode, message: v.message },
          ),
        ),
      );
      continue;
    }
    const key = `${organization.id}/${row.year}`;
    const earlier = byKey.get(key);
    if (!earlier) {
      const inspection = write
        ? Object.assign(new AnnualInspection(), { organization, year: row.year, result: row.result })
        : null;
      if (inspection) {
        byKey.set(key, inspection);
        created.push(inspection);
      }
      outcomes.push({
        row: row.row,
        outcome: ImportOutcome.CREATED,
        entityId: inspection?.id ?? null,
        changedFields: [],
        problems: [],
      });
      continue;
    }
    outcomes.push(corrected(row.row, earlier, { result: row.result }, write ? corrections : null));
  }
  if (write) await writeBatch(tx, AnnualInspection, { creates: created, corrections, actor, reason });
  return outcomes;
}

/** Penalties by authority and document number: a decision the file names again is corrected, not repeated. */
async function upsertPenalties(
  tx: EntityManager,
  actor: string,
  rows: ImportedPenalty[],
  write: boolean,
  reason: string | null,
) {
  const organizations = await tx.find(Organization, { creditCode: { $in: rows.map((r) => r.creditCode) } }, NAMED);
  const byCode = new Map(organizations.map((o) => [o.creditCode!, o]));
  const earlier = await tx.find(
    AdministrativePenalty,
    { documentNumber: { $in: rows.map((r) => r.documentNumber) } },
    { populate: ['organization'], ...UNMANAGED },
  );
  const byKey = new Map(earlier.map((p) => [`${p.authority}/${p.documentNumber}`, p]));
  const outcomes: StoredRowOutcome[] = [];
  const created: AdministrativePenalty[] = [];
  const corrections: Correction<AdministrativePenalty>[] = [];
  for (const row of rows) {
    const organization = byCode.get(row.creditCode);
    if (!organization) {
      const message = creditCodeProblemZh(row.creditCode) ?? `登记库中没有统一社会信用代码为 ${row.creditCode} 的组织`;
      outcomes.push(invalid(row.row, [{ column: '统一社会信用代码', value: row.creditCode, message }]));
      continue;
    }
    const penalty = byKey.get(`${row.authority}/${row.documentNumber}`);
    if (penalty && penalty.organization.id !== organization.id) {
      outcomes.push(
        invalid(row.row, [
          {
            column: '处罚决定书文号',
            value: row.documentNumber,
            message: `${row.authority}的 ${row.documentNumber} 已登记为对${penalty.organization.name}的处罚，不是对${organization.name}的`,
          },
        ]),
      );
      continue;
    }
    const wanted = {
      decidedOn: row.decidedOn,
      kind: row.kind,
      description: row.description,
      servedUntil: row.servedUntil ?? null,
    };
    if (!penalty) {
      const made = write
        ? Object.assign(new AdministrativePenalty(), {
            organization,
            authority: row.authority,
            documentNumber: row.documentNumber,
            ...wanted,
          })
        : null;
      if (made) {
        byKey.set(`${row.authority}/${row.documentNumber}`, made);
        created.push(made);
      }
      outcomes.push({
        row: row.row,
        outcome: ImportOutcome.CREATED,
        entityId: made?.id ?? null,
        changedFields: [],
        problems: [],
      });
      continue;
    }
    outcomes.push(corrected(row.row, penalty, wanted, write ? corrections : null));
  }
  if (write) await writeBatch(tx, AdministrativePenalty, { creates: created, corrections, actor, reason });
  return outcomes;
}

/** The other stays of one organisation on one list that `stay` shares a day with (as `ended` ends them). */
function overlapping(
  stays: ListEntry[],
  stay: ListPeriod,
  ended: Map<ListEntry, string>,
  own?: ListEntry,
): ListEntry | undefined {
  return stays.find(
    (other) =>
      other !== own &&
      listPeriodsOverlap({ listedOn: other.listedOn, removedOn: ended.get(other) ?? other.removedOn }, stay),
  );
}

/**
 * Stays on 活动异常名录 / 严重违法失信名单 by organisation, list and day listed: a row the registry
 * has corrects its reason and, when the row has one, its removal (移出); a row without a removal
 * day never re-opens a stay the registry has ended (that is correctListEntry's, with a reason).
 * One stay at a time per list, as for an officer's own entry: an overlapping row is invalid.
 */
async function upsertListEntries(
  tx: EntityManager,
  actor: string,
  rows: ImportedListEntry[],
  write: boolean,
  reason: string | null,
) {
  const organizations = await tx.find(Organization, { creditCode: { $in: rows.map((r) => r.creditCode) } }, NAMED);
  const byCode = new Map(organizations.map((o) => [o.creditCode!, o]));
  if (write) {
    // The keeper's lock on (organisation, list), in one order so two writers never wait on each other.
    const locks = [
      ...new Set(rows.flatMap((r) => (byCode.has(r.creditCode) ? [`${byCode.get(r.creditCode)!.id}:${r.list}`] : []))),
    ];
    for (const lock of locks.sort())
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`list-entry:${lock}`]);
  }
  const entries = organizations.length
    ? await tx.find(ListEntry, { organization: { $in: organizations.map((o) => o.id) } }, UNMANAGED)
    : [];
  const stays = new Map<string, ListEntry[]>();
  const staysOf = (organizationId: string, list: string) => {
    const key = `${organizationId}/${list}`;
    if (!stays.has(key)) stays.set(key, []);
    return stays.get(key)!;
  };
  for (const entry of entries) staysOf(entry.organization.id, entry.list).push(entry);
  const outcomes: StoredRowOutcome[] = [];
  const created: ListEntry[] = [];
  const corrections: Correction<ListEntry>[] = [];
  const ended = new Map<ListEntry, string>();
  for (const row of rows) {
    const organization = byCode.get(row.creditCode);
    if (!organization) {
      const message = creditCodeProblemZh(row.creditCode) ?? `登记库中没有统一社会信用代码为 ${row.creditCode} 的组织`;
      outcomes.push(invalid(row.row, [{ column: '统一社会信用代码', value: row.creditCode, message }]));
      continue;
    }
    const violations = socialOrganizationViolations(organization);
    if (violations.length) {
      outcomes.push(
        invalid(
          row.row,
          violations.map((v) => ({ column: '统一社会信用代码', value: row.creditCode, message: v.message })),
        ),
      );
      continue;
    }
    const same = staysOf(organization.id, row.list);
    const earlier = same.find((entry) => entry.listedOn === row.listedOn);
    const wanted: Partial<ListEntry> = { reason: row.reason };
    if (row.removedOn) Object.assign(wanted, { removedOn: row.removedOn, removalReason: row.removalReason ?? null });
    const stay = { listedOn: row.listedOn, removedOn: row.removedOn ?? earlier?.removedOn ?? null };
    const other = overlapping(same, stay, ended, earlier);
    if (other) {
      const listed = `${other.listedOn} 列入${LIST_WORDS[row.list]}${other.removedOn ? `（${other.removedOn} 移出）` : '，尚未移出'}`;
      outcomes.push(
        invalid(row.row, [
          {
            column: '列入日期',
            value: row.listedOn,
            message: `${organization.name}已于 ${listed}，与这一行的期间重叠；同一名录同时只能有一次列入`,
          },
        ]),
      );
      continue;
    }
    if (!earlier) {
      const made = write
        ? Object.assign(new ListEntry(), { organization, list: row.list, listedOn: row.listedOn, ...wanted })
        : null;
      // The dry run remembers the stay too, so a later row of the batch that overlaps it is refused.
      same.push(made ?? Object.assign(new ListEntry(), { organization, list: row.list, ...stay }));
      if (made) created.push(made);
      outcomes.push({
        row: row.row,
        outcome: ImportOutcome.CREATED,
        entityId: made?.id ?? null,
        changedFields: [],
        problems: [],
      });
      continue;
    }
    // A removal this batch makes counts for its later rows (a stay ended, the next one begun).
    if (row.removedOn) ended.set(earlier, row.removedOn);
    outcomes.push(corrected(row.row, earlier, wanted, write ? corrections : null));
  }
  if (write) await writeBatch(tx, ListEntry, { creates: created, corrections, actor, reason });
  return outcomes;
}

@Resolver()
export class ImportRowsResolver {
  @Authorized('SYSTEM')
  @Mutation(() => ImportBatchResult, {
    description:
      'SYSTEM (the bulk import): upsert a batch of rows by natural key, once per key; dryRun says what each row would do and writes nothing',
  })
  async importRegistryRows(
    @Arg('key', () => String, { description: 'The batch idempotency key, e.g. <import id>:<first row>+<rows>' })
    key: string,
    @Arg('dryRun', () => Boolean) dryRun: boolean,
    @Arg('kind', () => ImportedRowKind) kind: ImportedRowKind,
    @Arg('rows', () => String, {
      description:
        'The rows as one JSON array: objects with `row` (the file row) and the fields of the kind (creditCode, name, kind, regionCode, registeredOn; creditCode, year, result; creditCode, decidedOn, authority, documentNumber, kind, description, servedUntil; creditCode, list, listedOn, reason, removedOn, removalReason)',
    })
    rowsJson: string,
    @Arg('reason', () => String, { nullable: true, description: 'For the audit trail, e.g. 批量导入 <file>' })
    reason: string | null,
    @Ctx() { em, identity }: RegistryContext,
  ): Promise<ImportBatchResult> {
    if (!key.trim() || key.length > 200) throw badInput('批次键（key）不能为空，最长 200 个字符', 'key');
    const rows = readBatchRows(kind, rowsJson, MAX_ROWS);
    const why = requireReason(reason, true);
    const actor = identity.subject;
    const answer = (outcomes: StoredRowOutcome[], replayed: boolean) =>
      Object.assign(new ImportBatchResult(), { key, replayed, outcomes: outcomes as ImportRowOutcome[] });
    const run = async (tx: EntityManager, write: boolean): Promise<StoredRowOutcome[]> => {
      if (!rows.length) return [];
      if (kind === ImportedRowKind.ORGANIZATIONS)
        return upsertOrganizations(tx, actor, rows as unknown as ImportedOrganization[], write, why);
      if (kind === ImportedRowKind.INSPECTIONS)
        return upsertInspections(tx, actor, rows as unknown as ImportedInspection[], write, why);
      if (kind === ImportedRowKind.PENALTIES)
        return upsertPenalties(tx, actor, rows as unknown as ImportedPenalty[], write, why);
      return upsertListEntries(tx, actor, rows as unknown as ImportedListEntry[], write, why);
    };
    if (dryRun) return answer(await run(em.fork(), false), false);
    return em.fork().transactional(async (tx) => {
      // The batch's key first: a concurrent second call waits on this row and then sees it.
      const inserted = await tx.execute(
        `insert into registry.import_batch (key, actor, outcomes, applied_at) values (?, ?, '[]', now()) on conflict (key) do nothing returning key`,
        [key, actor],
      );
      if (inserted.length === 0) {
        const stored = await tx.findOneOrFail(ImportBatch, { key });
        return answer(stored.outcomes, true);
      }
      await actAs(tx, actor);
      const outcomes = await run(tx, true);
      await tx.execute(`update registry.import_batch set outcomes = ? where key = ?`, [JSON.stringify(outcomes), key]);
      return answer(outcomes, false);
    });
  }
} /**
 * A row whose record exists already: the fields the row would change (none when they are equal),
 * and the row's outcome; a change is added to `corrections` when the batch is written.
 */
function corrected<T extends Versioned & { id: string }>(
  row: number,
  entity: T,
  wanted: Partial<T>,
  corrections: Correction<T>[] | null,
): StoredRowOutcome {
  const changedFields = (Object.keys(wanted) as (keyof T & string)[]).filter(
    (field) => (entity[field] ?? null) !== wanted[field],
  );
  if (changedFields.length && corrections) corrections.push({ entity, wanted });
  const outcome = changedFields.length ? ImportOutcome.CHANGED : ImportOutcome.UNCHANGED;
  return { row, outcome, entityId: entity.id, changedFields, problems: [] };
}
