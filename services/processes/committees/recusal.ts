import { createHash } from 'node:crypto';
import { addYears } from '../../common/dates.js';

// Recusal (回避): who may not assess an organisation, in words; and a draw from the pool that is
// fixed for an application (the same seed gives the same order), so a retried activity draws
// the same people. Shared by the evaluation (its experts) and procurement (its committee).

/** An expert or committee member with the positions recusal looks at. */
export interface ExpertFacts {
  id: string;
  name: string;
  positions: { role: string; validFrom: string; validTo: string | null; organization: { id: string } }[];
}

/** The organisation being assessed, as recusal sees it: its name and live edges. */
export interface AssessedFacts {
  id: string;
  name: string;
  /** Live edges at the organisation: the other end's id and the type. */
  edges: { type: string; otherId: string; attributes: Record<string, unknown>; validTo: string | null }[];
}

export function recusalReason(
  expert: ExpertFacts,
  applicant: AssessedFacts,
  asOf: string,
  edgeTypes: string[],
): string | null {
  for (const p of expert.positions) {
    if (p.organization.id !== applicant.id) continue;
    if (p.validTo === null || p.validTo >= asOf) return `在${applicant.name}任职`;
    if (addYears(p.validTo, 2) > asOf) return `离开${applicant.name}未满两年（${p.validTo}）`;
  }
  if (applicant.edges.some((e) => e.type === 'LIAISON' && e.attributes.leaderId === expert.id))
    return `为${applicant.name}的联挂领导`;
  const current = new Set(
    expert.positions
      .filter((p) => p.validFrom <= asOf && (p.validTo === null || p.validTo >= asOf))
      .map((p) => p.organization.id),
  );
  const tie = applicant.edges.find((e) => edgeTypes.includes(e.type) && current.has(e.otherId));
  return tie ? `所在单位与${applicant.name}有 ${tie.type} 关系` : null;
}

export interface Draw {
  drawn: { personId: string; name: string }[];
  recused: { personId: string; reason: string }[];
}

/** `count` reviewers not excluded and not recused, in an order fixed by the seed. */
export function drawReviewers(
  pool: ExpertFacts[],
  applicant: AssessedFacts,
  options: { seed: string; count: number; exclude: string[]; asOf: string; edgeTypes: string[] },
): Draw {
  const rank = (id: string) => createHash('sha1').update(`${options.seed}:${id}`).digest('hex');
  const ordered = [...pool]
    .filter((e) => !options.exclude.includes(e.id))
    .sort((a, b) => rank(a.id).localeCompare(rank(b.id)));
  const draw: Draw = { drawn: [], recused: [] };
  for (const expert of ordered) {
    if (draw.drawn.length >= options.count) break;
    const reason = recusalReason(expert, applicant, options.asOf, options.edgeTypes);
    if (reason) draw.recused.push({ personId: expert.id, reason });
    else draw.drawn.push({ personId: expert.id, name: expert.name });
  }
  return draw;
}
