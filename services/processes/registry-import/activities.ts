import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { RegistryImportActivities } from '../../../workflows/registry-import/activities.js';
import type { ImportApplied, ImportSummary } from '../../../workflows/registry-import/contracts.js';
import type { RegistryClient } from '../registry/client.js';
import { permanentOnRefusal } from '../registry/refusals.js';
import { todayInChina } from '../../common/dates.js';
import { RegistryImport, RegistryImportFile, type ImportChange } from './entities.js';
import { fileRows, ImportFileProblem, type FileFormat } from './parse.js';
import { checkRow, duplicateError, naturalKey, readHeader, type ImportRow, type RowError } from './rules.js';
import { MAX_HTTP_ROWS, type ImportKind } from './formats.js';

// The import's side effects. The preview reads the stored file (its hash checked), checks every
// row, asks the registry what each valid row would do (its dry run, in batches) and keeps the
// result in the import's row. Applying sends the valid rows in batches, each with the key
// <import id>:<batch>: the registry applies a key once, so a retried activity or a replayed
// workflow writes nothing twice.

/**
 * Rows per dry-run call of the preview, three in flight: small enough that the calls overlap.
 */
const PREVIEW_ROWS = 400;
/**
 * Rows per applied batch (the registry takes at most 2,000): each call costs a transaction, an
 * HTTP round trip and its statements' planning whatever its size, so a batch is as large as the
 * registry takes (bench:import, docs/benchmarks.md).
 */
const APPLY_ROWS = 2000;
/** Dry-run calls in flight at once during the preview. */
const PREVIEW_CALLS = 3;

interface RowOutcome {
  row: number;
  outcome: 'CREATED' | 'CHANGED' | 'UNCHANGED' | 'INVALID';
  entityId: string | null;
  changedFields: string[];
  problems: { column: string; value: string; message: string }[];
}

// The rows travel as one JSON text, not a GraphQL list the registry would coerce field by field.
const IMPORT_ROWS = `mutation ($key: String!, $dryRun: Boolean!, $kind: ImportedRowKind!, $rows: String!, $reason: String) {
  importRegistryRows(key: $key, dryRun: $dryRun, kind: $kind, rows: $rows, reason: $reason) {
    replayed outcomes { row outcome entityId changedFields problems { column value message } } } }`;

/** `items` in batches of `size`, each with the index of its first item. */
function batches<T>(items: T[], size: number): { start: number; batch: T[] }[] {
  const out: { start: number; batch: T[] }[] = [];
  for (let start = 0; start < items.length; start += size) out.push({ start, batch: items.slice(start, start + size) });
  return out;
}

export function createRegistryImportActivities({
  orm,
  registry,
  maxRows,
}: {
  orm: MikroORM;
  registry: RegistryClient;
  /** The upload's row limit unless given (the benchmark reads larger files). */
  maxRows?: number;
}): RegistryImportActivities {
  const inTransaction = <T>(work: (em: EntityManager) => Promise<T>) => orm.em.fork().transactional(work);

  async function sendRows(kind: ImportKind, rows: ImportRow[], key: string, dryRun: boolean, reason: string | null) {
    const data = await permanentOnRefusal(() =>
      registry.asSystem<{ importRegistryRows: { replayed: boolean; outcomes: RowOutcome[] } }>(IMPORT_ROWS, {
        key,
        dryRun,
        reason,
        kind,
        rows: JSON.stringify(rows),
      }),
    );
    return data.importRegistryRows.outcomes;
  }

  return {
    async previewImport({ importId, sha256 }) {
      const em = orm.em.fork();
      const run = await em.findOneOrFail(RegistryImport, importId);
      const file = await em.findOneOrFail(RegistryImportFile, run.fileId, { populate: ['content'] });
      const digest = createHash('sha256').update(file.content).digest('hex');
      if (digest !== sha256)
        throw ApplicationFailure.nonRetryable(`The stored file of import ${importId} does not have its hash ${sha256}`);
      const kind = run.kind as ImportKind;
      const today = todayInChina();
      const errors: RowError[] = [];
      const valid: ImportRow[] = [];
      const seen = new Map<string, number>();
      let header: Map<string, number> | undefined;
      let rows = 0;
      try {
        // The upload counted its rows against its own limit (GraphQL's or HTTP's, the larger).
        for await (const fileRow of fileRows(file.format as FileFormat, file.content, maxRows ?? MAX_HTTP_ROWS)) {
          if (!header) {
            header = readHeader(kind, fileRow.cells);
            continue;
          }
          if (fileRow.cells.every((cell) => cell.trim() === '')) continue;
          rows++;
          const { parsed, errors: rowErrors } = checkRow(kind, header, fileRow, today);
          errors.push(...rowErrors);
          if (!parsed) continue;
          const first = seen.get(naturalKey(parsed));
          if (first !== undefined) errors.push(duplicateError(parsed, first));
          else {
            seen.set(naturalKey(parsed), parsed.row);
            valid.push(parsed);
          }
        }
      } catch (error) {
        // The upload read this file; a second read cannot see it otherwise.
        if (error instanceof ImportFileProblem)
          throw ApplicationFailure.nonRetryable(error.message, 'ImportFileProblem');
        throw error;
      }
      // The registry's own checks and what each row would do, with nothing written.
      const counts = { created: 0, changed: 0, unchanged: 0 };
      const accepted = new Set<number>();
      // The dry run writes nothing, so its batches go PREVIEW_CALLS at a time (each waits mostly
      // on the registry); their answers are taken in order.
      const pending = batches(valid, PREVIEW_ROWS).map(({ batch }) => batch);
      const answers: RowOutcome[][] = [];
      let next = 0;
      const caller = async () => {
        for (let n = next++; n < pending.length; n = next++)
          answers[n] = await sendRows(kind, pending[n], `${importId}:preview:${n}`, true, null);
      };
      await Promise.all(Array.from({ length: PREVIEW_CALLS }, caller));
      for (const answer of answers) {
        for (const outcome of answer) {
          if (outcome.outcome === 'INVALID') errors.push(...outcome.problems.map((p) => ({ row: outcome.row, ...p })));
          else {
            accepted.add(outcome.row);
            counts[
              outcome.outcome === 'CREATED' ? 'created' : outcome.outcome === 'CHANGED' ? 'changed' : 'unchanged'
            ]++;
          }
        }
      }
      errors.sort((a, b) => a.row - b.row);
      const applicable = valid.filter((row) => accepted.has(row.row));
      const summary: ImportSummary = { rows, valid: applicable.length, invalid: rows - applicable.length, ...counts };
      await inTransaction(async (tx) => {
        const row = await tx.findOneOrFail(RegistryImport, importId);
        Object.assign(row, { preview: summary, errors, validRows: applicable });
      });
      return summary;
    },

    async applyImport({ importId }) {
      const em = orm.em.fork();
      const run = await em.findOneOrFail(RegistryImport, importId, { populate: ['validRows'] });
      const rows = (run.validRows ?? []) as ImportRow[];
      const applied: ImportApplied = { created: 0, changed: 0, unchanged: 0, refused: 0 };
      const changes: ImportChange[] = [];
      const refusedErrors: RowError[] = [];
      const reason = `批量导入 ${run.fileName}（${run.id}）`;
      // A batch's key names its rows (the first valid row's index and their count), not its
      // number: a run whose earlier batches were of another size never takes a key of theirs as
      // its own (it would skip rows); their rows come back unchanged, by natural key.
      for (const { start, batch } of batches(rows, APPLY_ROWS)) {
        const key = `${importId}:${start}+${batch.length}`;
        for (const outcome of await sendRows(run.kind as ImportKind, batch, key, false, reason)) {
          if (outcome.outcome === 'INVALID') {
            applied.refused++;
            refusedErrors.push(...outcome.problems.map((p) => ({ row: outcome.row, ...p })));
            continue;
          }
          applied[
            outcome.outcome === 'CREATED' ? 'created' : outcome.outcome === 'CHANGED' ? 'changed' : 'unchanged'
          ]++;
          const { row, outcome: what, entityId, changedFields } = outcome;
          changes.push({ row, outcome: what, entityId, changedFields });
        }
      }
      await inTransaction(async (tx) => {
        const row = await tx.findOneOrFail(RegistryImport, importId);
        if (refusedErrors.length) row.errors = [...(row.errors ?? []), ...refusedErrors].sort((a, b) => a.row - b.row);
        Object.assign(row, { applied, changes, appliedAt: new Date() });
      });
      return applied;
    },

    async recordImportStage({ importId, stage, decision, reviewedBy, reason }) {
      await inTransaction(async (tx) => {
        const row = await tx.findOneOrFail(RegistryImport, importId);
        row.stage = stage;
        if (decision !== undefined) row.decision = decision;
        if (reviewedBy !== undefined) row.reviewedBy = reviewedBy;
        if (reason !== undefined) row.rejectionReason = reason;
      });
    },
  };
}
