import type { EntityName } from '@mikro-orm/core';
import { Organization } from '../../services/registry/entities/organization.js';
import { Relationship } from '../../services/registry/entities/relationship.js';
import { Person } from '../../services/registry/entities/person.js';
import { Position } from '../../services/registry/entities/position.js';
import { Honour } from '../../services/registry/entities/honour.js';
import { Rating } from '../../services/registry/entities/rating.js';
import { Certification } from '../../services/registry/entities/certification.js';
import {
  AdministrativePenalty,
  AnnualInspection,
  ListEntry,
} from '../../services/registry/entities/evaluation-facts.js';
import { ServiceCategory } from '../../services/registry/entities/service-category.js';
import { CreditEntry } from '../../services/registry/entities/credit.js';
import { CreditEntryKind } from '../../services/registry/entities/evaluation-kinds.js';
import { gradeWord } from '../../services/registry/words.js';
import { CertificationKind } from '../../services/registry/entities/kinds.js';
import {
  CharityRecord,
  DeliberationIssue,
  DeliberationSession,
  InvestmentProject,
  JointMeeting,
  LiaisonVisit,
  Loan,
  MediationCase,
  PlatformActivity,
  RewardFundAllocation,
} from '../../services/registry/entities/records.js';
import { SEED_COMMITTEES, SEED_EDGES, SEED_ORGANIZATIONS, SEED_PEOPLE, SEED_POSITIONS } from './registry-data.js';
import { INSPECTIONS, LIST_ENTRIES, PENALTIES, REGISTERED_ON } from './data/evaluation-facts.js';
import { EXPERTS } from './data/experts.js';
import { SEED_HONOURS, SEED_RATINGS } from './data/honours-ratings.js';
import { LIAISON_VISITS } from './data/people.js';
import { LOANS } from './data/finance.js';
import { MEDIATION_CASES } from './data/mediation.js';
import { JOINT_MEETINGS, REWARD_FUND, SESSIONS } from './data/mechanisms.js';
import { ACTIVITIES, INVESTMENT_PROJECTS } from './data/platforms.js';
import { CHARITY } from './data/charity.js';
import { SERVICE_CATEGORIES } from './data/agencies.js';
import { seedId } from './ids.js';
import {
  reappointedExperts,
  recentInspections,
  recentListEntries,
  recentPenalties,
  renewedRatings,
} from './data/current.js';

// The seed as table batches in foreign-key order: each row carries its id, seedId(natural key),
// and names other rows by id, so inserting only the missing ids makes the seed idempotent.
// `today` places what a walk-through or a Schedule needs now (data/current.ts); the report's
// own facts are fixed.

export interface SeedTable {
  entity: EntityName<{ id: string }>;
  rows: ({ id: string } & Record<string, unknown>)[];
}

const org = (key: string) => seedId(`org:${key}`);
const person = (key: string) => seedId(`person:${key}`);
const sessionId = (key: string) => seedId(`session:${key}`);

/** The report's grades and those renewed since (relative to today). */
const ratingsOf = (today: string) => [
  ...SEED_RATINGS,
  ...renewedRatings(today).map((r) => ({ ...r, awardedBy: '嘉兴市民政局' })),
];

export const seedTables = (today: string): SeedTable[] => [
  {
    entity: Organization,
    rows: [...SEED_ORGANIZATIONS, ...SEED_COMMITTEES].map(({ key, ...fields }) => ({
      id: org(key),
      ...fields,
      registeredOn: REGISTERED_ON[key] ?? null,
    })),
  },
  {
    entity: Relationship,
    rows: SEED_EDGES.map((e) => ({
      id: seedId(`edge:${e.type}:${e.from}:${e.to}`),
      type: e.type,
      from: org(e.from),
      to: org(e.to),
      validFrom: e.validFrom,
      validTo: e.validTo ?? null,
      attributes: e.attributes ?? {},
    })),
  },
  { entity: Person, rows: SEED_PEOPLE.map((p) => ({ id: person(p.key), name: p.name })) },
  {
    entity: Position,
    rows: SEED_POSITIONS.map((p) => ({
      id: seedId(`position:${p.person}:${p.org}:${p.role}`),
      person: person(p.person),
      organization: org(p.org),
      role: p.role,
      validFrom: p.validFrom,
      validTo: p.validTo ?? null,
    })),
  },
  {
    entity: Certification,
    rows: [...EXPERTS, ...reappointedExperts(today)].map((e) => ({
      id: seedId(`certification:${e.key}:EVALUATION_EXPERT:${e.issuedOn}`),
      person: person(e.key),
      kind: CertificationKind.EVALUATION_EXPERT,
      name: '社会组织评估专家',
      issuer: '嘉兴市民政局',
      issuedOn: e.issuedOn,
      validUntil: e.validUntil,
    })),
  },
  {
    entity: AnnualInspection,
    rows: [...INSPECTIONS, ...recentInspections(today)].map((i) => ({
      id: seedId(`inspection:${i.org}:${i.year}`),
      organization: org(i.org),
      year: i.year,
      result: i.result,
    })),
  },
  {
    entity: AdministrativePenalty,
    rows: [...PENALTIES, ...recentPenalties(today)].map((p) => ({
      id: seedId(`penalty:${p.key}`),
      organization: org(p.org),
      decidedOn: p.decidedOn,
      authority: p.authority,
      kind: p.kind,
      documentNumber: p.documentNumber,
      description: p.description,
      servedUntil: p.servedUntil ?? null,
    })),
  },
  {
    entity: ListEntry,
    rows: [...LIST_ENTRIES, ...recentListEntries(today)].map((l) => ({
      id: seedId(`list-entry:${l.org}:${l.list}:${l.listedOn}`),
      organization: org(l.org),
      list: l.list,
      listedOn: l.listedOn,
      reason: l.reason,
      removedOn: l.removedOn ?? null,
      removalReason: l.removalReason ?? null,
    })),
  },
  {
    entity: Honour,
    rows: SEED_HONOURS.map((h) => ({
      id: seedId(`honour:${h.org}:${h.level}:${h.year}`),
      organization: org(h.org),
      level: h.level,
      year: h.year,
    })),
  },
  {
    entity: Rating,
    rows: ratingsOf(today).map((r) => ({
      id: seedId(`rating:${r.org}:${r.awardedOn}`),
      organization: org(r.org),
      grade: r.grade,
      awardedOn: r.awardedOn,
      awardedBy: r.awardedBy,
      revokedOn: r.revokedOn ?? null,
    })),
  },
  {
    // Grades are credit information (社会组织信用信息管理办法): each one in the record, entered on its day.
    entity: CreditEntry,
    rows: ratingsOf(today).map((r) => ({
      id: seedId(`credit:rating:${r.org}:${r.awardedOn}`),
      organization: org(r.org),
      kind: CreditEntryKind.RATING,
      summary: `社会组织评估等级 ${gradeWord(r.grade)}（${r.awardedBy}评定）`,
      recordedOn: r.awardedOn,
      source: `${r.awardedBy}评估结论`,
      idempotencyKey: `seed:credit:rating:${r.org}:${r.awardedOn}`,
    })),
  },
  {
    entity: PlatformActivity,
    rows: ACTIVITIES.map((a) => ({
      id: seedId(`activity:${a.key}`),
      platform: a.platform,
      kind: a.kind,
      title: a.title,
      heldOn: a.heldOn,
      organizers: a.organizers.map(org),
      participants: (a.participants ?? []).map(org),
      participantCount: a.participantCount ?? null,
      outcome: a.outcome ?? null,
    })),
  },
  {
    entity: LiaisonVisit,
    rows: LIAISON_VISITS.map((v) => ({
      id: seedId(`visit:${v.org}:${v.visitedOn}`),
      leader: person(v.leader),
      organization: org(v.org),
      visitedOn: v.visitedOn,
      notes: v.notes,
    })),
  },
  {
    entity: DeliberationSession,
    rows: SESSIONS.map((s) => ({
      id: sessionId(s.key),
      kind: s.kind,
      title: s.title,
      heldOn: s.heldOn,
      organization: s.org ? org(s.org) : null,
    })),
  },
  {
    entity: DeliberationIssue,
    rows: SESSIONS.flatMap((s) =>
      s.issues.map(([description, resolvedOn], n) => ({
        id: seedId(`issue:${s.key}:${n + 1}`),
        session: sessionId(s.key),
        description,
        resolvedOn: resolvedOn ?? null,
      })),
    ),
  },
  {
    entity: JointMeeting,
    rows: JOINT_MEETINGS.map((m) => ({
      id: seedId(`joint-meeting:${m.key}`),
      kind: m.kind,
      title: m.title,
      heldOn: m.heldOn,
      participants: m.participants.map(org),
    })),
  },
  {
    entity: Loan,
    rows: LOANS.map((l) => ({
      id: seedId(`loan:${l.product}:${l.enterprise}:${l.signedOn}`),
      product: l.product,
      enterprise: org(l.enterprise),
      bank: org(l.bank),
      amountFen: l.amountFen,
      signedOn: l.signedOn,
    })),
  },
  {
    entity: MediationCase,
    rows: MEDIATION_CASES.map((c) => ({
      id: seedId(`case:${c.key}`),
      committee: org(c.committee),
      subject: c.subject,
      openedOn: c.openedOn,
      closedOn: c.closedOn ?? null,
      outcome: c.outcome ?? null,
    })),
  },
  {
    entity: CharityRecord,
    rows: CHARITY.map((c) => ({
      id: seedId(`charity:${c.key}`),
      organization: org(c.org),
      kind: c.kind,
      title: c.title,
      year: c.year,
      amountFen: c.amountFen,
      beneficiaries: c.beneficiaries,
    })),
  },
  {
    entity: InvestmentProject,
    rows: INVESTMENT_PROJECTS.map((p) => ({
      id: seedId(`investment:${p.key}`),
      name: p.name,
      introducedBy: org(p.introducedBy),
      amountFen: p.amountFen,
      signedOn: p.signedOn,
    })),
  },
  {
    entity: RewardFundAllocation,
    rows: REWARD_FUND.map((r) => ({
      id: seedId(`reward:${r.key}`),
      year: r.year,
      kind: r.kind,
      amountFen: r.amountFen,
      note: r.note,
    })),
  },
  {
    entity: ServiceCategory,
    rows: SERVICE_CATEGORIES.map((c) => ({ id: seedId(`service-category:${c.code}`), ...c })),
  },
];
