import { inject } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createRegistryOrm } from '../../services/registry/orm.js';
import { Organization } from '../../services/registry/entities/organization.js';
import { Relationship } from '../../services/registry/entities/relationship.js';
import { Person } from '../../services/registry/entities/person.js';
import { Position } from '../../services/registry/entities/position.js';
import { Certification } from '../../services/registry/entities/certification.js';
import { Rating } from '../../services/registry/entities/rating.js';
import { Honour } from '../../services/registry/entities/honour.js';
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
} from '../../services/registry/entities/records.js';
import {
  CertificationKind,
  Grade,
  HonourLevel,
  OrganizationKind as K,
  Platform,
  PositionRole,
  RelationshipType as R,
} from '../../services/registry/entities/kinds.js';
import { wan } from '../../services/registry/money.js';

// Registry rows the integrator tests create for themselves, through a real MikroORM on the
// test database, with names unique to the run so the answers are known exactly.

/** Runs `build` on a fresh EntityManager of a real registry ORM and flushes what it created. */
export async function insertIntoRegistry<T>(build: (em: EntityManager) => T): Promise<T> {
  const orm = await createRegistryOrm(inject('databaseUrl'), { poolMax: 2 });
  try {
    const em = orm.em.fork();
    const result = build(em);
    await em.flush();
    return result;
  } finally {
    await orm.close();
  }
}

type OrgDraft = { name: string; kind: K; regionCode: string; englishName?: string; endedOn?: string; id?: string };

/**
 * A small world with a known answer to every organization filter (asOf 2026-06-01 unless said):
 * 甲 5A in force, national honour 2019, bank pairing with 戊; 乙 3A lapsed on 2025-06-01,
 * provincial 2020; 丙 4A revoked 2026-01-01, municipal 2019; 丁 ended, 2A, member of 丙 until
 * 2024; 戊 a branch; 己 in Lishui; two colleges with the same name (ties broken by id).
 */
export function organizationWorld(prefix: string, latinTag: string) {
  return insertIntoRegistry((em) => {
    const org = (draft: OrgDraft) => em.create(Organization, { ...draft, name: `${prefix}${draft.name}` });
    const [twinLow, twinHigh] = [crypto.randomUUID(), crypto.randomUUID()].sort();
    const o = {
      // The higher id first, so insertion order is not the answer to the tie.
      twinHigh: org({ id: twinHigh, name: '同名学院', kind: K.COLLEGE, regionCode: '330402' }),
      jia: org({
        name: '甲协会',
        kind: K.INDUSTRY_ASSOCIATION,
        regionCode: '330402',
        englishName: `${latinTag} Fashion Association`,
      }),
      yi: org({ name: '乙商会', kind: K.OUT_OF_TOWN_CHAMBER, regionCode: '330400' }),
      bing: org({ name: '丙商会', kind: K.GRASSROOTS_CHAMBER, regionCode: '330481' }),
      ding: org({ name: '丁公司', kind: K.ENTERPRISE, regionCode: '330402', endedOn: '2025-01-01' }),
      wu: org({ name: '戊支行', kind: K.BANK_BRANCH, regionCode: '330411' }),
      ji: org({ name: '己村', kind: K.VILLAGE, regionCode: '331100' }),
      twinLow: org({ id: twinLow, name: '同名学院', kind: K.COLLEGE, regionCode: '330402' }),
    };
    const rating = (organization: Organization, grade: Grade, awardedOn: string, revokedOn?: string) =>
      em.create(Rating, { organization, grade, awardedOn, revokedOn: revokedOn ?? null, awardedBy: '嘉兴市民政局' });
    const ratings = {
      jiaOld: rating(o.jia, Grade.A4, '2016-01-01'),
      jia: rating(o.jia, Grade.A5, '2022-01-01'),
      yi: rating(o.yi, Grade.A3, '2020-06-01'),
      bing: rating(o.bing, Grade.A4, '2023-01-01', '2026-01-01'),
      ding: rating(o.ding, Grade.A2, '2025-01-01'),
    };
    em.create(Honour, { organization: o.jia, level: HonourLevel.NATIONAL, year: 2019 });
    em.create(Honour, { organization: o.jia, level: HonourLevel.MUNICIPAL, year: 2021 });
    em.create(Honour, { organization: o.yi, level: HonourLevel.PROVINCIAL, year: 2020 });
    em.create(Honour, { organization: o.bing, level: HonourLevel.MUNICIPAL, year: 2019 });
    const edge = (type: R, from: Organization, to: Organization, validFrom: string, validTo?: string) =>
      em.create(Relationship, { type, from, to, validFrom, validTo: validTo ?? null });
    const edges = [
      edge(R.BANK_PAIRING, o.jia, o.wu, '2019-06-01'),
      edge(R.MEMBER_OF, o.ding, o.bing, '2018-01-01', '2024-01-01'),
      edge(R.COLLEGE_PARTNERSHIP, o.jia, o.twinLow, '2020-09-01'),
      edge(R.COLLEGE_PARTNERSHIP, o.jia, o.twinHigh, '2021-09-01'),
    ];
    const person = (name: string, englishName?: string) =>
      em.create(Person, { name: `${prefix}${name}`, englishName: englishName ?? null });
    const people = { president: person('张会长', `${latinTag} Zhang`), secretary: person('李秘书长') };
    const position = (
      who: Person,
      organization: Organization,
      role: PositionRole,
      validFrom: string,
      validTo?: string,
    ) => em.create(Position, { person: who, organization, role, validFrom, validTo: validTo ?? null });
    const positions = {
      president: position(people.president, o.jia, PositionRole.PRESIDENT, '2020-01-01'),
      formerSecretary: position(people.president, o.jia, PositionRole.SECRETARY_GENERAL, '2015-01-01', '2020-01-01'),
      secretary: position(people.secretary, o.jia, PositionRole.SECRETARY_GENERAL, '2020-01-01'),
    };
    em.create(Certification, {
      person: people.secretary,
      kind: CertificationKind.PROFESSIONAL_QUALIFICATION,
      name: '社会工作师',
      issuedOn: '2021-05-01',
    });
    em.create(Certification, {
      person: people.secretary,
      kind: CertificationKind.TRAINING_COMPLETION,
      name: '素质提升培训班结业',
      issuedOn: '2026-12-10',
    });
    return { o, ratings, edges, people, positions };
  });
}

/**
 * `count` organizations whose names start with `prefix`, each with an edge to a hub, a
 * president (with a certificate), a rating, an honour, an activity (kind `prefix`) it takes
 * part in and a loan (product `prefix`): every relation field of every list has rows to load.
 */
export function organizationsWithRelations(prefix: string, count: number) {
  return insertIntoRegistry((em) => {
    const hub = em.create(Organization, { name: `${prefix}-枢纽工商联`, kind: K.FEDERATION, regionCode: '330400' });
    for (let i = 0; i < count; i++) {
      const organization = em.create(Organization, {
        name: `${prefix}-${String(i).padStart(3, '0')}商会`,
        kind: K.GRASSROOTS_CHAMBER,
        regionCode: '330402',
      });
      em.create(Relationship, { type: R.SUPERVISES, from: hub, to: organization, validFrom: '2020-01-01' });
      const president = em.create(Person, { name: `${prefix}会长${String(i).padStart(3, '0')}` });
      em.create(Position, { person: president, organization, role: PositionRole.PRESIDENT, validFrom: '2020-01-01' });
      em.create(Certification, {
        person: president,
        kind: CertificationKind.PROFESSIONAL_TITLE,
        name: '经济师',
        issuedOn: '2019-01-01',
      });
      em.create(Rating, { organization, grade: Grade.A3, awardedOn: '2024-01-01' });
      em.create(Honour, { organization, level: HonourLevel.MUNICIPAL, year: 2025 });
      const activity = em.create(PlatformActivity, {
        platform: Platform.TALENT_SERVICES,
        kind: prefix,
        title: `人才活动${i}`,
        heldOn: '2026-01-01',
      });
      activity.organizers.add(hub);
      activity.participants.add(organization);
      em.create(Loan, {
        product: prefix,
        enterprise: organization,
        bank: hub,
        amountFen: wan(100),
        signedOn: '2026-01-01',
      });
    }
    return hub;
  });
}

/** Records of the platforms and mechanisms, all of kind/product `kind`, around one chamber. */
export function recordsWorld(prefix: string, kind: string) {
  return insertIntoRegistry((em) => {
    const org = (name: string, k: K) =>
      em.create(Organization, { name: `${prefix}${name}`, kind: k, regionCode: '330400' });
    const o = {
      chamber: org('记录商会', K.OUT_OF_TOWN_CHAMBER),
      other: org('另一商会', K.INDUSTRY_ASSOCIATION),
      court: org('中级法院', K.COURT),
      committee: org('调解委员会', K.MEDIATION_COMMITTEE),
      bank: org('南湖支行', K.BANK_BRANCH),
      enterprise: org('纺织公司', K.ENTERPRISE),
    };
    const leader = em.create(Person, { name: `${prefix}联挂领导` });
    const activity = (platform: Platform, heldOn: string, title: string) => {
      const a = em.create(PlatformActivity, {
        platform,
        kind,
        title: `${prefix}${title}`,
        heldOn,
        participantCount: 30,
      });
      a.organizers.add(o.court);
      a.participants.add(o.chamber, o.other);
      return a;
    };
    const activities = [
      activity(Platform.LEGAL_SERVICES, '2026-03-01', '法官进商会一'),
      activity(Platform.LEGAL_SERVICES, '2026-05-01', '法官进商会二'),
      activity(Platform.LEGAL_SERVICES, '2026-07-01', '法官进商会三'),
      activity(Platform.TALENT_SERVICES, '2026-04-01', '人才峰会'),
    ];
    const visits = ['2026-01-10', '2026-02-10', '2026-03-10'].map((visitedOn) =>
      em.create(LiaisonVisit, { leader, organization: o.chamber, visitedOn }),
    );
    em.create(LiaisonVisit, { leader, organization: o.other, visitedOn: '2026-02-15' });
    const special = em.create(DeliberationSession, {
      kind,
      title: `${prefix}太阳能专场`,
      heldOn: '2026-04-20',
      organization: o.other,
    });
    em.create(DeliberationSession, { kind, title: `${prefix}轮值活动`, heldOn: '2026-06-20' });
    em.create(DeliberationIssue, { session: special, description: '并网审批慢', resolvedOn: '2026-05-01' });
    em.create(DeliberationIssue, { session: special, description: '用地指标' });
    const meeting = em.create(JointMeeting, { kind, title: `${prefix}异地商会联席会议`, heldOn: '2026-05-05' });
    meeting.participants.add(o.chamber, o.other);
    em.create(Loan, {
      product: kind,
      enterprise: o.enterprise,
      bank: o.bank,
      amountFen: wan(3240),
      signedOn: '2026-03-15',
    });
    em.create(Loan, {
      product: kind,
      enterprise: o.enterprise,
      bank: o.bank,
      amountFen: 1_234_500,
      signedOn: '2026-08-15',
    });
    em.create(MediationCase, {
      committee: o.committee,
      subject: '货款纠纷',
      openedOn: '2026-02-01',
      closedOn: '2026-02-20',
      outcome: 'SETTLED',
    });
    em.create(MediationCase, { committee: o.committee, subject: '劳务纠纷', openedOn: '2026-06-01' });
    em.create(CharityRecord, {
      organization: o.chamber,
      kind: 'FUNDRAISING',
      title: '温商慈善基金会募集',
      year: 2019,
      amountFen: wan(400),
      beneficiaries: 0,
    });
    em.create(CharityRecord, {
      organization: o.chamber,
      kind: 'EVENT',
      title: '助学活动',
      year: 2020,
      amountFen: 0,
      beneficiaries: 550,
    });
    em.create(InvestmentProject, {
      name: `${prefix}智能制造项目`,
      introducedBy: o.chamber,
      amountFen: wan(600_000),
      signedOn: '2026-09-01',
    });
    return { o, leader, activities, visits };
  });
}
