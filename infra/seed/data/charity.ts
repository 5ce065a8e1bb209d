import { wan } from '../../../services/registry/money.js';

// Charity (公益慈善): the Wenzhou chamber raised 400多万元 and registered 嘉兴市温商慈善基金会,
// which spends 100多万元 a year; the Hubei chamber's 楚天和 events (37, 3000多 people, 30多万元);
// the Henan chamber's 育（豫）苗行动 seven years running (550多 children); and the chambers'
// 2019 giving, 600多万元 in all.

export type CharityKind = 'DONATION' | 'FUNDRAISING' | 'FOUNDATION_SPENDING' | 'EVENT' | 'PROGRAMME';
export interface SeedCharity {
  key: string;
  org: string;
  kind: CharityKind;
  title: string;
  year: number;
  amountFen: number;
  beneficiaries: number;
}

const record = (
  key: string,
  org: string,
  kind: CharityKind,
  title: string,
  year: number,
  amountWan: number,
  beneficiaries = 0,
): SeedCharity => ({ key, org, kind, title, year, amountFen: wan(amountWan), beneficiaries });

/** Hubei: events per year and, for each, people helped and 万元 of money and goods. */
const HUBEI_EVENTS: Record<number, [number, number][]> = {
  2016: [
    [60, 0.6],
    [75, 0.7],
    [80, 0.9],
    [70, 0.8],
    [90, 0.9],
    [65, 0.6],
    [85, 0.8],
    [70, 0.7],
  ],
  2017: [
    [80, 0.8],
    [95, 0.9],
    [70, 0.7],
    [85, 0.9],
    [75, 0.8],
    [90, 0.9],
    [80, 0.8],
    [85, 0.9],
    [100, 1.0],
  ],
  2018: [
    [90, 0.9],
    [85, 0.8],
    [95, 1.0],
    [70, 0.7],
    [80, 0.8],
    [100, 1.0],
    [75, 0.8],
    [85, 0.9],
    [90, 0.9],
    [88, 0.9],
  ],
  2019: [
    [95, 1.0],
    [80, 0.8],
    [90, 0.9],
    [100, 1.0],
    [85, 0.9],
    [92, 0.9],
    [78, 0.8],
    [96, 1.0],
    [88, 0.9],
    [70, 0.7],
  ],
};

/** Henan's 育（豫）苗行动, 2013–2019: children helped and 万元 each year. */
const HENAN_PROGRAMME: [number, number, number][] = [
  [2013, 62, 3.1],
  [2014, 70, 3.5],
  [2015, 74, 3.7],
  [2016, 80, 4.0],
  [2017, 85, 4.3],
  [2018, 88, 4.4],
  [2019, 97, 4.9],
];

/** Other chambers' 2019 donations (万元). */
const DONATIONS_2019: [string, string, number][] = [
  ['wenzhou', '抗击台风"利奇马"救灾捐款', 86],
  ['fashion', '慈善一日捐', 42],
  ['solar', '结对村光伏扶贫捐赠', 55],
  ['garment', '助学助困捐款', 28],
  ['leather', '"千企结千村"帮扶捐赠', 36],
  ['construction', '抗击台风"利奇马"救灾捐款', 48],
  ['real-estate', '新居民子女助学金', 40],
  ['auto-parts', '慈善一日捐', 18],
  ['electronics', '困难职工帮扶', 15],
  ['lishui', '丽水结对村帮扶捐赠', 52],
  ['knitwear', '慈善一日捐', 21],
  ['young-entrepreneurs', '公益助学', 12],
  ['women-entrepreneurs', '"春蕾计划"助学', 25],
  ['tea', '结对村茶农帮扶', 10],
];

export const CHARITY: SeedCharity[] = [
  record('wenzhou-raise-1', 'wenzhou', 'FUNDRAISING', '发起设立嘉兴市温商慈善基金会：会长单位认捐', 2016, 300),
  record('wenzhou-raise-2', 'wenzhou', 'FUNDRAISING', '发起设立嘉兴市温商慈善基金会：会员企业认捐', 2016, 126),
  record('foundation-2017', 'wenzhou-foundation', 'FOUNDATION_SPENDING', '温商慈善基金会年度善款支出', 2017, 108, 420),
  record('foundation-2018', 'wenzhou-foundation', 'FOUNDATION_SPENDING', '温商慈善基金会年度善款支出', 2018, 115, 460),
  record('foundation-2019', 'wenzhou-foundation', 'FOUNDATION_SPENDING', '温商慈善基金会年度善款支出', 2019, 123, 510),
  ...Object.entries(HUBEI_EVENTS).flatMap(([year, events]) =>
    events.map(([people, amountWan], i) =>
      record(`hubei-${year}-${i + 1}`, 'hubei', 'EVENT', '楚天和公益活动', Number(year), amountWan, people),
    ),
  ),
  ...HENAN_PROGRAMME.map(([year, children, amountWan]) =>
    record(`henan-${year}`, 'henan', 'PROGRAMME', '育（豫）苗行动', year, amountWan, children),
  ),
  ...DONATIONS_2019.map(([org, title, amountWan], i) =>
    record(`donation-2019-${i + 1}`, org, 'DONATION', title, 2019, amountWan),
  ),
];
