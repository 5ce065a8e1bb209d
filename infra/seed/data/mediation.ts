import {
  OrganizationKind as K,
  PositionRole,
  RelationshipType as R,
} from '../../../services/registry/entities/kinds.js';
import { CHAMBERS } from './chambers.js';
import { personName } from './names.js';
import type { SeedEdge, SeedOrganization, SeedPerson, SeedPosition } from '../types.js';
import { DAY } from '../../../workflows/common/time.js';

// People's mediation committees (人民调解委员会) set up by chambers: 24 committees ("20多个"),
// 112 mediators ("100多名"), 57 cases ("50多件"). A committee is not a registered legal
// entity, so it has no credit code.

/** Founding chamber → founding day and number of mediators. */
const FOUNDERS: [string, string, number][] = [
  ['wenzhou', '2016-06-18', 6],
  ['hubei', '2017-03-09', 5],
  ['henan', '2017-05-26', 5],
  ['lishui', '2018-04-12', 4],
  ['fashion', '2017-11-02', 5],
  ['solar', '2018-01-16', 4],
  ['garment', '2017-08-21', 5],
  ['knitwear', '2018-03-30', 5],
  ['leather', '2016-10-10', 5],
  ['furniture', '2018-06-06', 4],
  ['textile', '2018-05-15', 4],
  ['auto-parts', '2018-07-19', 4],
  ['electronics', '2018-09-03', 4],
  ['construction', '2017-04-20', 6],
  ['real-estate', '2017-09-14', 5],
  ['logistics', '2018-10-25', 4],
  ['import-export', '2018-11-28', 4],
  ['haining-wenzhou', '2017-06-30', 5],
  ['tongxiang-wenzhou', '2018-08-08', 4],
  ['grassroots-haining-xucun', '2016-12-12', 5],
  ['grassroots-tongxiang-puyuan', '2017-02-24', 5],
  // Founded during 2019.
  ['grassroots-jiashan-xitang', '2019-03-18', 4],
  ['grassroots-pinghu-danghu', '2019-06-21', 4],
  ['grassroots-xiuzhou-wangjiangjing', '2019-09-10', 4],
];

const chamberNamed = new Map(CHAMBERS.map((c) => [c.key, c]));
const committeeKey = (chamber: string) => `mediation-${chamber}`;

export const MEDIATION_COMMITTEES: SeedOrganization[] = FOUNDERS.map(([chamber]) => {
  const founder = chamberNamed.get(chamber)!;
  return {
    key: committeeKey(chamber),
    name: `${founder.name}人民调解委员会`,
    kind: K.MEDIATION_COMMITTEE,
    regionCode: founder.regionCode,
  };
});

export const MEDIATION_FOUNDED_EDGES: SeedEdge[] = FOUNDERS.map(([chamber, foundedOn]) => ({
  type: R.FOUNDED,
  from: chamber,
  to: committeeKey(chamber),
  validFrom: foundedOn,
  attributes: { guidedBy: '嘉兴市司法局' },
}));

/** Names after the counsel's, so no mediator shares a counsel's name. */
const FIRST_MEDIATOR_NAME = 100;
const offsets = FOUNDERS.map((_, f) => FOUNDERS.slice(0, f).reduce((sum, [, , count]) => sum + count, 0));

export const MEDIATORS: SeedPerson[] = FOUNDERS.flatMap(([chamber, , count], f) =>
  Array.from({ length: count }, (_, m) => ({
    key: `mediator-${chamber}-${m + 1}`,
    name: personName(FIRST_MEDIATOR_NAME + offsets[f]! + m),
  })),
);

export const MEDIATOR_POSITIONS: SeedPosition[] = FOUNDERS.flatMap(([chamber, foundedOn, count]) =>
  Array.from({ length: count }, (_, m) => ({
    person: `mediator-${chamber}-${m + 1}`,
    org: committeeKey(chamber),
    role: PositionRole.MEDIATOR,
    validFrom: foundedOn,
  })),
);

export interface SeedMediationCase {
  key: string;
  committee: string;
  subject: string;
  openedOn: string;
  closedOn?: string;
  outcome?: string;
}

const SUBJECTS = [
  '货款纠纷',
  '劳动报酬争议',
  '厂房租赁合同纠纷',
  '加工承揽合同纠纷',
  '会员企业间债务纠纷',
  '工伤赔偿争议',
  '商标使用纠纷',
  '买卖合同质量异议',
  '民间借贷纠纷',
  '建设工程款纠纷',
  '物流运输损失赔偿',
  '股东合伙纠纷',
];
const LAST_DAY = Date.UTC(2019, 11, 20);

export const MEDIATION_CASES: SeedMediationCase[] = Array.from({ length: 57 }, (_, i) => {
  const [chamber, foundedOn] = FOUNDERS[(i * 5) % FOUNDERS.length]!;
  const founded = Date.parse(foundedOn);
  const opened = founded + ((i * 37 + 20) % Math.max(1, Math.floor((LAST_DAY - founded) / DAY))) * DAY;
  const closed = opened + (10 + (i % 4) * 9) * DAY;
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  // Most settle; a few fail; the last ones are still open at the end of 2019.
  const open = closed > LAST_DAY;
  return {
    key: `mediation-case-${String(i + 1).padStart(2, '0')}`,
    committee: committeeKey(chamber),
    subject: SUBJECTS[i % SUBJECTS.length]!,
    openedOn: iso(opened),
    ...(open ? {} : { closedOn: iso(closed), outcome: i % 9 === 4 ? 'NOT_SETTLED' : 'SETTLED' }),
  };
});
