import { CORE_ORGANIZATIONS } from './data/core.js';
import { CHAMBERS } from './data/chambers.js';
import { VILLAGES, ASSISTANCE_EDGES } from './data/villages.js';
import { ENTERPRISES, FINANCE_EDGES } from './data/finance.js';
import { MEDIATION_COMMITTEES, MEDIATION_FOUNDED_EDGES, MEDIATORS, MEDIATOR_POSITIONS } from './data/mediation.js';
import { LIAISON_EDGES, PEOPLE, POSITIONS } from './data/people.js';
import { STRUCTURE_EDGES } from './data/edges.js';
import { COMMITTEES, COMMITTEE_EDGES, EXPERT_PEOPLE, EXPERT_POSITIONS } from './data/experts.js';
import { AGENCIES, AGENCY_PEOPLE, AGENCY_POSITIONS } from './data/agencies.js';
import type { SeedEdge, SeedOrganization, SeedPerson, SeedPosition } from './types.js';

// The registry's seed: the organizations, people and edges of the source report
// (seed/jiaxing-chamber-reform.zh.txt). The dated records (honours, ratings, visits, loans ...)
// are in data/ and become rows in tables.ts.

export type { SeedEdge, SeedOrganization } from './types.js';

export const SEED_ORGANIZATIONS: SeedOrganization[] = [
  ...CORE_ORGANIZATIONS,
  ...CHAMBERS,
  ...ENTERPRISES,
  ...VILLAGES,
  ...MEDIATION_COMMITTEES,
  ...AGENCIES,
];

/** The evaluation's committees: bodies of the Federation, not legal entities, so kept apart from the organizations with credit codes. */
export const SEED_COMMITTEES: SeedOrganization[] = COMMITTEES;

export const SEED_EDGES: SeedEdge[] = [
  ...STRUCTURE_EDGES,
  ...FINANCE_EDGES,
  ...LIAISON_EDGES,
  ...MEDIATION_FOUNDED_EDGES,
  ...ASSISTANCE_EDGES,
  ...COMMITTEE_EDGES,
];

export const SEED_PEOPLE: SeedPerson[] = [...PEOPLE, ...MEDIATORS, ...EXPERT_PEOPLE, ...AGENCY_PEOPLE];

export const SEED_POSITIONS: SeedPosition[] = [
  ...POSITIONS,
  ...MEDIATOR_POSITIONS,
  ...EXPERT_POSITIONS,
  ...AGENCY_POSITIONS,
];
