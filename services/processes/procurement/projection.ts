import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProcurementInput, ProcurementState } from '../../../workflows/procurement/types.js';
import { procurementRow } from './report.js';

// The procurement's projection: its row and its bids, written whole from the workflow's state
// at each step (and once by publishProcurement before the workflow starts, so the answer never
// waits for the worker). Run on the caller's transaction.

/**
 * Writes the state as of `revision`; a write of an older revision (a slower local activity)
 * changes nothing, its bids included: the row lock taken by the upsert orders concurrent
 * writers. Bids go in one statement, and rows that did not change are left alone.
 */
export async function writeProjection(
  em: EntityManager,
  input: ProcurementInput,
  state: ProcurementState,
  revision: number,
): Promise<boolean> {
  const row = procurementRow(input, state);
  // Nullable columns get SQL null; the others JSON (null included, as the rules may be JSON null).
  const json = (value: unknown) => JSON.stringify(value);
  const jsonOrNull = (value: unknown) => (value == null ? null : JSON.stringify(value));
  const written = await em.execute<{ affectedRows: number }>(
    `insert into processes.procurement (id, workflow_id, agency_id, agency_name, category_code, category_name, title, description, budget_fen, method,
       weights, eligibility, committee, notice_days, year, round, closes_at, stage, awarded_bid_id, provider_id, recusals, objections, contract, performance,
       cancel_reason, close_reason, published_by, published_at, updated_at, revision)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now(), ?)
     on conflict (id) do update set round = excluded.round, closes_at = excluded.closes_at, stage = excluded.stage, awarded_bid_id = excluded.awarded_bid_id,
       provider_id = excluded.provider_id, recusals = excluded.recusals, objections = excluded.objections, contract = excluded.contract,
       performance = excluded.performance, cancel_reason = excluded.cancel_reason, close_reason = excluded.close_reason, updated_at = now(), revision = excluded.revision
     where procurement.revision < excluded.revision`,
    [
      row.id,
      row.workflowId,
      row.agencyId,
      row.agencyName,
      row.categoryCode,
      row.categoryName,
      row.title,
      row.description,
      row.budgetFen,
      row.method,
      json(row.weights),
      json(row.eligibility),
      json(row.committee),
      row.noticeDays,
      row.year,
      row.round,
      row.closesAt,
      row.stage,
      row.awardedBidId,
      row.providerId,
      json(row.recusals),
      json(row.objections),
      jsonOrNull(row.contract),
      jsonOrNull(row.performance),
      row.cancelReason,
      row.closeReason,
      row.publishedBy,
      revision,
    ],
    'run',
  );
  if (!written.affectedRows) return false;
  if (!state.bids.length) return true;
  const bids = state.bids.map((b) => ({
    id: b.bidId,
    round: b.round,
    organization_id: b.organizationId,
    price_fen: b.priceFen,
    proposal: b.proposal,
    status: b.status,
    version: b.version,
    reasons: b.reasons,
    technical_scores: b.technicalScores,
    price_score: b.priceScore,
    total: b.total,
    rank: b.rank,
    submitted_by: b.submittedBy,
    submitted_at: b.submittedAt,
  }));
  await em.execute(
    `insert into processes.procurement_bid (id, procurement_id, round, organization_id, price_fen, proposal, status, version, reasons, technical_scores,
       price_score, total, rank, submitted_by, submitted_at)
     select b.id, ?::uuid, b.round, b.organization_id, b.price_fen, b.proposal, b.status, b.version, b.reasons, b.technical_scores,
       b.price_score, b.total, b.rank, b.submitted_by, to_timestamp(b.submitted_at / 1000.0)
     from jsonb_to_recordset(?::jsonb) as b(id uuid, round int, organization_id uuid, price_fen bigint, proposal text, status text, version int, reasons jsonb,
       technical_scores jsonb, price_score float8, total float8, rank int, submitted_by text, submitted_at float8)
     on conflict (id) do update set price_fen = excluded.price_fen, proposal = excluded.proposal, status = excluded.status, version = excluded.version,
       reasons = excluded.reasons, technical_scores = excluded.technical_scores, price_score = excluded.price_score, total = excluded.total,
       rank = excluded.rank, submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at
     where (procurement_bid.version, procurement_bid.status, procurement_bid.reasons, procurement_bid.technical_scores, procurement_bid.total, procurement_bid.rank)
       is distinct from (excluded.version, excluded.status, excluded.reasons, excluded.technical_scores, excluded.total, excluded.rank)`,
    [input.procurementId, JSON.stringify(bids)],
    'run',
  );
  return true;
}
