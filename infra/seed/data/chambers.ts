import { OrganizationKind as K } from '../../../services/registry/entities/kinds.js';
import { legacyCreditCode as legacy, seedCreditCode } from '../credit-codes.js';
import { COUNTY_FEDERATIONS } from './core.js';
import type { SeedOrganization } from '../types.js';

// The chambers the Federation supervises: city-level industry associations, out-of-town
// chambers (异地商会) and the grassroots chambers (基层商会) of the counties. The report names
// the fashion and solar associations and the Wenzhou, Hubei and Henan chambers; the others are
// plausible names for a city of Jiaxing's industries.

const chamber = (
  key: string,
  name: string,
  kind: K,
  regionCode: string,
  homeRegionCode?: string,
): SeedOrganization => ({
  key,
  name,
  kind,
  regionCode,
  ...(homeRegionCode ? { homeRegionCode } : {}),
  creditCode: seedCreditCode(key, '5', '1', regionCode),
});

/** City-level industry associations (市级行业协会商会), key → name after 嘉兴市. */
const CITY_ASSOCIATIONS: Record<string, string> = {
  garment: '服装行业协会',
  knitwear: '毛衫行业协会',
  leather: '皮革行业协会',
  furniture: '家具行业协会',
  textile: '纺织行业协会',
  'chemical-fibre': '化纤行业协会',
  'auto-parts': '汽车零部件行业协会',
  electronics: '电子信息行业协会',
  software: '软件行业协会',
  ecommerce: '电子商务行业协会',
  construction: '建筑业协会',
  'real-estate': '房地产业协会',
  logistics: '物流行业协会',
  catering: '餐饮行业协会',
  food: '食品行业协会',
  'new-materials': '新材料产业协会',
  biomedicine: '生物医药行业协会',
  fasteners: '紧固件行业协会',
  machinery: '五金机械行业协会',
  mould: '模具行业协会',
  plastics: '塑料行业协会',
  packaging: '包装行业协会',
  printing: '印刷行业协会',
  environmental: '环保产业协会',
  'energy-saving': '节能协会',
  'smart-manufacturing': '智能制造产业协会',
  'import-export': '进出口商会',
  tourism: '旅游协会',
  hotels: '饭店业协会',
  decoration: '建筑装饰行业协会',
  robotics: '机器人产业协会',
  security: '安全技术防范行业协会',
  creative: '文化创意产业协会',
  'auto-trade': '汽车流通行业协会',
  grain: '粮食行业协会',
  aquatic: '水产行业协会',
  flowers: '花卉协会',
  tea: '茶叶行业协会',
  'home-textiles': '家用纺织品行业协会',
  'warp-knitting': '经编行业协会',
  chemicals: '化工行业协会',
  pharmacy: '医药商业协会',
  beauty: '美容美发行业协会',
  property: '物业管理协会',
  advertising: '广告协会',
  steel: '钢铁贸易商会',
  'building-materials': '建材行业协会',
  'human-resources': '人力资源服务行业协会',
  'young-entrepreneurs': '青年企业家协会',
  'women-entrepreneurs': '女企业家协会',
  'photovoltaic-equipment': '光伏装备产业协会',
};

/** Associations seated in a county, not at city level (their grades are not the city's figure). */
const COUNTY_ASSOCIATIONS: SeedOrganization[] = [
  chamber('haining-warp-knitting', '海宁市经编产业协会', K.INDUSTRY_ASSOCIATION, '330481'),
  chamber('tongxiang-knitwear', '桐乡市毛衫行业协会', K.INDUSTRY_ASSOCIATION, '330483'),
];

/** Out-of-town chambers: city level and county level, each with its members' home region. */
const OUT_OF_TOWN: SeedOrganization[] = [
  {
    key: 'wenzhou',
    name: '嘉兴市温州商会',
    englishName: 'Jiaxing Wenzhou Chamber of Commerce',
    kind: K.OUT_OF_TOWN_CHAMBER,
    regionCode: '330400',
    homeRegionCode: '330300',
    creditCode: legacy('5', '1', 11),
  },
  {
    key: 'hubei',
    name: '嘉兴市湖北商会',
    englishName: 'Jiaxing Hubei Chamber of Commerce',
    kind: K.OUT_OF_TOWN_CHAMBER,
    regionCode: '330400',
    homeRegionCode: '420000',
    creditCode: legacy('5', '1', 12),
  },
  {
    key: 'henan',
    name: '嘉兴市河南商会',
    englishName: 'Jiaxing Henan Chamber of Commerce',
    kind: K.OUT_OF_TOWN_CHAMBER,
    regionCode: '330400',
    homeRegionCode: '410000',
    creditCode: legacy('5', '1', 13),
  },
  chamber('lishui', '嘉兴市丽水商会', K.OUT_OF_TOWN_CHAMBER, '330400', '331100'),
  chamber('haining-wenzhou', '海宁市温州商会', K.OUT_OF_TOWN_CHAMBER, '330481', '330300'),
  chamber('tongxiang-wenzhou', '桐乡市温州商会', K.OUT_OF_TOWN_CHAMBER, '330483', '330300'),
  chamber('pinghu-wenzhou', '平湖市温州商会', K.OUT_OF_TOWN_CHAMBER, '330482', '330300'),
  chamber('jiashan-wenzhou', '嘉善县温州商会', K.OUT_OF_TOWN_CHAMBER, '330421', '330300'),
];

/** Township and street chambers (基层商会), members of their county's federation. */
export const GRASSROOTS: Record<keyof typeof COUNTY_FEDERATIONS, Record<string, string>> = {
  nanhu: { qixing: '七星街道', daqiao: '大桥镇', xinfeng: '新丰镇' },
  xiuzhou: { wangjiangjing: '王江泾镇', youchegang: '油车港镇', honghe: '洪合镇' },
  jiashan: { xitang: '西塘镇', yaozhuang: '姚庄镇', tianning: '天凝镇' },
  haiyan: { wuyuan: '武原街道', shendang: '沈荡镇', baibu: '百步镇' },
  haining: { xucun: '许村镇', changan: '长安镇', zhouwangmiao: '周王庙镇' },
  pinghu: { danghu: '当湖街道', xindai: '新埭镇', zhapu: '乍浦镇' },
  tongxiang: { puyuan: '濮院镇', chongfu: '崇福镇', zhouquan: '洲泉镇' },
};

export const grassrootsKey = (county: string, town: string) => `grassroots-${county}-${town}`;

const GRASSROOTS_CHAMBERS: SeedOrganization[] = Object.entries(GRASSROOTS).flatMap(([county, towns]) =>
  Object.entries(towns).map(([town, townName]) => {
    const { region, place } = COUNTY_FEDERATIONS[county];
    return chamber(grassrootsKey(county, town), `${place}${townName}商会`, K.GRASSROOTS_CHAMBER, region);
  }),
);

export const CITY_ASSOCIATION_KEYS = ['fashion', 'solar', ...Object.keys(CITY_ASSOCIATIONS)];

export const CHAMBERS: SeedOrganization[] = [
  ...OUT_OF_TOWN,
  {
    key: 'fashion',
    name: '嘉兴市时尚产业协会',
    englishName: 'Jiaxing Fashion Industry Association',
    kind: K.INDUSTRY_ASSOCIATION,
    regionCode: '330400',
    creditCode: legacy('5', '1', 21),
  },
  {
    key: 'solar',
    name: '嘉兴市太阳能行业协会',
    englishName: 'Jiaxing Solar Industry Association',
    kind: K.INDUSTRY_ASSOCIATION,
    regionCode: '330400',
    creditCode: legacy('5', '1', 22),
  },
  ...Object.entries(CITY_ASSOCIATIONS).map(([key, name]) =>
    chamber(key, `嘉兴市${name}`, K.INDUSTRY_ASSOCIATION, '330400'),
  ),
  ...COUNTY_ASSOCIATIONS,
  ...GRASSROOTS_CHAMBERS,
];

export const OUT_OF_TOWN_KEYS = OUT_OF_TOWN.map((c) => c.key);
