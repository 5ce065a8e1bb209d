import { createHash } from 'node:crypto';
import { InspectionResult as I, ListKind, PenaltyKind } from '../../../services/registry/entities/evaluation-kinds.js';
import { OrganizationKind as K } from '../../../services/registry/entities/kinds.js';
import { CHAMBERS } from './chambers.js';

// What the annual evaluation's eligibility rules read (DOMAIN.md, "Rules the processes follow"):
// registration dates (登记日期), inspections (年检) for 2017–2019, penalties and list entries.
// Chosen so that a 2020 campaign finds eligible and ineligible organisations of each kind, each
// rule failed at least once (test/evaluation-facts-seed.test.ts), while nothing the report
// counts changes: no rating, honour, edge or position of 2019 depends on these rows.

/** Social organisations with a registration: associations, chambers and the foundation. */
export const REGISTERED = [...CHAMBERS.map((c) => c.key), 'wenzhou-foundation'];

/** Registered less than two full years before a 2020 campaign: not eligible yet. */
export const RECENTLY_REGISTERED: Record<string, string> = { 'photovoltaic-equipment': '2018-03-26' };

const FIXED: Record<string, string> = {
  ...RECENTLY_REGISTERED,
  // 募集400多万元在省民政厅注册成立, just before the chamber's FOUNDED edge (2016-12-01).
  'wenzhou-foundation': '2016-11-18',
};

/** A day in [from, from + years) derived from the key, so adding an organisation shifts no other's. */
function dayFor(key: string, from: number, years: number): string {
  const n = parseInt(createHash('sha1').update(`registered:${key}`).digest('hex').slice(0, 8), 16);
  return new Date(Date.UTC(from + (n % years), 0, 1 + ((n >>> 8) % 360))).toISOString().slice(0, 10);
}

const kindOf = new Map(CHAMBERS.map((c) => [c.key, c.kind]));

/**
 * Before every edge, rating and honour each one has: grassroots chambers before joining their
 * county federation (2012), out-of-town chambers before their home-region edges (2010), the
 * associations before their first grades (2013).
 */
export const REGISTERED_ON: Record<string, string> = Object.fromEntries(
  REGISTERED.map((key) => [
    key,
    FIXED[key] ??
      (kindOf.get(key) === K.GRASSROOTS_CHAMBER
        ? dayFor(key, 2006, 5)
        : kindOf.get(key) === K.OUT_OF_TOWN_CHAMBER
          ? dayFor(key, 2004, 5)
          : dayFor(key, 2000, 12)),
  ]),
);

/** Inspections that did not pass; every other registered year 2017–2019 is PASS. */
const RESULTS: Record<string, Partial<Record<number, I>>> = {
  textile: { 2019: I.MISSED }, // missed last year's inspection
  'grassroots-nanhu-xinfeng': { 2019: I.FAIL }, // failed it
  'jiashan-wenzhou': { 2018: I.BASIC_PASS, 2019: I.BASIC_PASS }, // basically passed two years running
  'grassroots-jiashan-tianning': { 2019: I.BASIC_PASS }, // once only: still eligible
  'wenzhou-foundation': { 2017: I.BASIC_PASS },
};

export interface SeedInspection {
  org: string;
  year: number;
  result: I;
}

export const INSPECTIONS: SeedInspection[] = REGISTERED.flatMap((org) =>
  [2017, 2018, 2019]
    .filter((year) => Number(REGISTERED_ON[org].slice(0, 4)) <= year)
    .map((year) => ({ org, year, result: RESULTS[org]?.[year] ?? I.PASS })),
);

export interface SeedPenalty {
  key: string;
  org: string;
  decidedOn: string;
  authority: string;
  kind: PenaltyKind;
  documentNumber: string;
  description: string;
  servedUntil?: string;
}

export const PENALTIES: SeedPenalty[] = [
  // Last year's: ineligible in 2020.
  {
    key: 'young-entrepreneurs-2019',
    org: 'young-entrepreneurs',
    decidedOn: '2019-06-10',
    authority: '嘉兴市民政局',
    kind: PenaltyKind.WARNING,
    documentNumber: '嘉民罚字〔2019〕5号',
    description: '未按规定报送年度工作报告，予以警告',
  },
  // Older, but still being served in 2020.
  {
    key: 'tongxiang-wenzhou-2018',
    org: 'tongxiang-wenzhou',
    decidedOn: '2018-10-15',
    authority: '桐乡市民政局',
    kind: PenaltyKind.SUSPENSION,
    documentNumber: '桐民罚字〔2018〕9号',
    description: '违规开展评比表彰活动，责令停止相关活动十八个月',
    servedUntil: '2020-04-14',
  },
  // Older and served: no bar.
  {
    key: 'youchegang-2018',
    org: 'grassroots-xiuzhou-youchegang',
    decidedOn: '2018-05-09',
    authority: '嘉兴市秀洲区民政局',
    kind: PenaltyKind.SUSPENSION,
    documentNumber: '秀民罚字〔2018〕2号',
    description: '超出章程规定的宗旨和业务范围开展活动，停止活动六个月',
    servedUntil: '2018-11-08',
  },
];

export interface SeedListEntry {
  org: string;
  list: ListKind;
  listedOn: string;
  reason: string;
  removedOn?: string;
  removalReason?: string;
}

export const LIST_ENTRIES: SeedListEntry[] = [
  {
    org: 'grassroots-pinghu-zhapu',
    list: ListKind.ABNORMAL_ACTIVITY,
    listedOn: '2019-08-12',
    reason: '通过登记的住所无法取得联系',
  },
  {
    org: 'grassroots-haiyan-baibu',
    list: ListKind.SERIOUS_VIOLATION,
    listedOn: '2019-11-05',
    reason: '被列入活动异常名录满两年仍未改正',
  },
  // Taken off in 2018: no bar.
  {
    org: 'grassroots-haiyan-shendang',
    list: ListKind.ABNORMAL_ACTIVITY,
    listedOn: '2017-06-01',
    reason: '未按规定报送年度工作报告',
    removedOn: '2018-03-20',
    removalReason: '已补报年度工作报告',
  },
];
