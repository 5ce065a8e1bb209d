import { RelationshipType as R } from '../../../services/registry/entities/kinds.js';
import { CHAMBERS, GRASSROOTS, grassrootsKey } from './chambers.js';
import { COUNTY_FEDERATIONS, HOME_FEDERATIONS, PROVINCE_FEDERATIONS } from './core.js';
import type { SeedEdge } from '../types.js';

// Supervision, membership, home regions, college partnerships and the Wenzhou chamber's
// foundation. (Bank, liaison, mediation and assistance edges live with their records.)

const cityLevel = CHAMBERS.filter((c) => c.kind !== 'GRASSROOTS_CHAMBER' && c.regionCode === '330400');
const countyLevel = CHAMBERS.filter((c) => c.kind !== 'GRASSROOTS_CHAMBER' && c.regionCode !== '330400');
const countyFederationOf = (region: string) => Object.values(COUNTY_FEDERATIONS).find((f) => f.region === region)!.key;

const FORMS = ['共建课堂', '共设基地', '共办活动'];
const COLLEGE_PARTNERSHIPS: [string, string, string[], string][] = [
  ['fashion', 'jxu', FORMS, '2019-09-01'],
  ['fashion', 'jxvtc', ['共建课堂', '共设基地'], '2019-09-01'],
  ['garment', 'nanyang', ['企业进院校', '院校师生进企业'], '2019-05-10'],
  ['auto-parts', 'jx-technician', ['共设基地', '院校师生进企业'], '2019-04-18'],
  ['smart-manufacturing', 'pinghu-technical', ['双元制人才培养', '共设基地'], '2019-06-05'],
  ['leather', 'haining-technician', ['共建课堂', '企业进院校'], '2019-03-22'],
  ['electronics', 'jxu', ['共办活动', '院校师生进企业'], '2019-10-15'],
  ['ecommerce', 'jxvtc', FORMS, '2019-07-01'],
];

export const STRUCTURE_EDGES: SeedEdge[] = [
  // 归口管理: the city Federation supervises city-level chambers, county federations their own.
  ...cityLevel.map((c) => ({ type: R.SUPERVISES, from: 'federation', to: c.key, validFrom: '2019-01-01' })),
  ...countyLevel.map((c) => ({
    type: R.SUPERVISES,
    from: countyFederationOf(c.regionCode),
    to: c.key,
    validFrom: '2019-01-01',
  })),
  ...Object.values(COUNTY_FEDERATIONS).map((f) => ({
    type: R.MEMBER_OF,
    from: f.key,
    to: 'federation',
    validFrom: '2000-01-01',
  })),
  // The province: Jiaxing and Huzhou are members of the provincial Federation, Wuxing of Huzhou.
  { type: R.MEMBER_OF, from: 'federation', to: 'federation-zhejiang', validFrom: '2000-01-01' },
  ...PROVINCE_FEDERATIONS.filter((f) => f.memberOf).map((f) => ({
    type: R.MEMBER_OF,
    from: f.key,
    to: f.memberOf!,
    validFrom: '2000-01-01',
  })),
  ...Object.entries(GRASSROOTS).flatMap(([county, towns]) =>
    Object.keys(towns).map((town) => ({
      type: R.MEMBER_OF,
      from: grassrootsKey(county, town),
      to: COUNTY_FEDERATIONS[county].key,
      validFrom: '2012-01-01',
    })),
  ),
  ...CHAMBERS.filter((c) => c.homeRegionCode).map((c) => ({
    type: R.HOME_REGION,
    from: c.key,
    to: HOME_FEDERATIONS[c.homeRegionCode!],
    validFrom: '2010-01-01',
  })),
  // 产教融合: "enterprises into colleges", "teachers and students into enterprises".
  ...COLLEGE_PARTNERSHIPS.map(([from, to, forms, validFrom]) => ({
    type: R.COLLEGE_PARTNERSHIP,
    from,
    to,
    validFrom,
    attributes: { forms },
  })),
  // 募集400多万元在省民政厅注册成立: the money is in the chamber's charity records.
  {
    type: R.FOUNDED,
    from: 'wenzhou',
    to: 'wenzhou-foundation',
    validFrom: '2016-12-01',
    attributes: { registeredWith: '浙江省民政厅' },
  },
];
