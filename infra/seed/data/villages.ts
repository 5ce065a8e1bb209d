import { OrganizationKind as K, RelationshipType as R } from '../../../services/registry/entities/kinds.js';
import { seedCreditCode } from '../credit-codes.js';
import type { SeedEdge, SeedOrganization } from '../types.js';

// 千企结千村、消灭薄弱村: chambers pair with 71 weak villages in 丽水 (Lishui) and run 23
// assistance projects. A project is an element of its pairing edge's `attributes.projects`
// ({ title, startedOn }); the statistics count those elements, pairing by pairing.

/** Towns of Lishui's counties; the villages are spread over them. */
const TOWNS: [string, string[]][] = [
  ['莲都区', ['老竹畲族镇', '雅溪镇', '峰源乡']],
  ['青田县', ['章村乡', '万阜乡', '季宅乡']],
  ['缙云县', ['大洋镇', '胡源乡', '方溪乡']],
  ['遂昌县', ['湖山乡', '王村口镇', '垵口乡']],
  ['松阳县', ['枫坪乡', '玉岩镇', '安民乡']],
  ['云和县', ['崇头镇', '雾溪畲族乡']],
  ['庆元县', ['左溪镇', '贤良镇', '百山祖镇']],
  ['景宁畲族自治县', ['大均乡', '毛垟乡', '东坑镇']],
  ['龙泉市', ['屏南镇', '住龙镇', '道太乡']],
];

const VILLAGE_NAMES = [
  '上坪',
  '下岙',
  '石门',
  '黄坑',
  '岭头',
  '溪口',
  '坑口',
  '竹源',
  '桃源',
  '高坪',
  '大坑',
  '金竹',
  '梅岐',
  '后山',
  '横坑',
  '里岙',
  '外舍',
  '杨山',
  '白岩',
  '东坑',
  '西坑',
  '南山',
  '北岙',
  '龙溪',
  '凤岭',
  '双溪',
  '三岙',
  '五源',
  '洋坑',
  '茶园',
  '枫树湾',
  '樟树下',
  '岩头',
  '坳头',
  '田心',
  '中村',
  '塘坑',
  '岭根',
  '吴坑',
  '周岙',
  '叶村',
  '李家',
  '蓝田',
  '雷坪',
  '麻坑',
  '水竹',
  '长坑',
  '平田',
  '横溪',
  '山头',
  '垟心',
  '官岭',
  '章坑',
  '源头',
  '尖山',
  '沙坑',
  '合湖',
  '东岱',
  '银坑',
  '黄岭',
  '陈山',
  '青坑',
  '库头',
  '大岭',
  '松坑',
  '新处',
  '半岭',
  '将岭',
  '林坑',
  '桂山',
  '仁岙',
];

export const VILLAGES: SeedOrganization[] = VILLAGE_NAMES.map((name, i) => {
  const [county, towns] = TOWNS[i % TOWNS.length];
  const town = towns[Math.floor(i / TOWNS.length) % towns.length];
  const key = `village-${String(i + 1).padStart(2, '0')}`;
  return {
    key,
    name: `丽水市${county}${town}${name}村`,
    kind: K.VILLAGE,
    regionCode: '331100',
    creditCode: seedCreditCode(key, '5', '4', '331100'),
  };
});

/** The chambers in the pairing campaign and how many villages each took on. */
const PAIRERS: [string, number][] = [
  ['lishui', 6],
  ['wenzhou', 5],
  ['hubei', 3],
  ['henan', 3],
  ['fashion', 3],
  ['solar', 4],
  ['garment', 3],
  ['knitwear', 3],
  ['leather', 3],
  ['furniture', 2],
  ['textile', 2],
  ['chemical-fibre', 2],
  ['auto-parts', 2],
  ['electronics', 2],
  ['construction', 3],
  ['real-estate', 3],
  ['logistics', 2],
  ['food', 2],
  ['fasteners', 2],
  ['import-export', 2],
  ['haining-wenzhou', 2],
  ['tongxiang-wenzhou', 2],
  ['pinghu-wenzhou', 2],
  ['jiashan-wenzhou', 2],
  ['young-entrepreneurs', 2],
  ['women-entrepreneurs', 2],
  ['tea', 1],
  ['grassroots-haining-xucun', 1],
];

/** Assistance projects (帮扶项目) by pairing: chamber → [village index within its pairings, title, start]. */
const PROJECTS: Record<string, [number, string, string][]> = {
  lishui: [
    [0, '来料加工点建设', '2019-03-12'],
    [1, '高山蔬菜产销对接', '2019-04-02'],
    [2, '村集体物业用房入股', '2019-05-20'],
  ],
  wenzhou: [
    [0, '民宿改造提升', '2019-03-28'],
    [1, '香菇基地扩建', '2019-06-11'],
    [3, '村道亮化工程', '2019-09-03'],
  ],
  solar: [
    [0, '村级光伏电站', '2019-04-15'],
    [1, '屋顶光伏富民工程', '2019-05-06'],
    [2, '光伏+茶园示范', '2019-07-22'],
  ],
  hubei: [[0, '农产品进商会直销', '2019-05-14']],
  henan: [[0, '留守儿童之家共建', '2019-06-01']],
  fashion: [
    [0, '来料加工服饰车间', '2019-04-24'],
    [1, '非遗畲族服饰开发', '2019-08-08'],
  ],
  garment: [[0, '来料加工服装车间', '2019-05-30']],
  knitwear: [[1, '毛衫来料加工点', '2019-06-19']],
  leather: [[0, '皮革来料加工点', '2019-07-15']],
  'real-estate': [[0, '村集体物业经营项目', '2019-07-09']],
  construction: [[2, '农村饮水改造', '2019-08-27']],
  food: [[0, '笋干加工品牌化', '2019-09-16']],
  'import-export': [[1, '高山茶出口对接', '2019-10-10']],
  tea: [[0, '茶园提质改造', '2019-04-08']],
  'young-entrepreneurs': [[0, '电商直播助农', '2019-11-05']],
  'haining-wenzhou': [[1, '农家乐提升', '2019-10-22']],
};

/** Where each chamber's villages start in VILLAGES. */
const offsets = PAIRERS.map((_, p) => PAIRERS.slice(0, p).reduce((sum, [, count]) => sum + count, 0));

export const ASSISTANCE_EDGES: SeedEdge[] = PAIRERS.flatMap(([chamber, count], p) =>
  Array.from({ length: count }, (_, j) => {
    const village = VILLAGES[offsets[p] + j];
    const projects = (PROJECTS[chamber] ?? [])
      .filter(([index]) => index === j)
      .map(([, title, startedOn]) => ({ title, startedOn }));
    return {
      type: R.ASSISTANCE_PAIRING,
      from: chamber,
      to: village.key,
      validFrom: p % 3 === 0 ? '2018-09-01' : '2019-02-20',
      attributes: { programme: '千企结千村、消灭薄弱村', ...(projects.length ? { projects } : {}) },
    };
  }),
);
