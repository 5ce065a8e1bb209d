import { gradeWord, ORGANIZATION_KIND_WORDS, PLATFORM_WORDS } from '../words.js';
import { id, names, ORG, organizationColumns, word, type ListSheet } from './sheet.js';

// The registry's lists of organisations, people and records, as export sheets: the query's
// own arguments are the filter, the columns are what a clerk reads (Chinese headers and words).

const money = [
  { header: '金额（分）', cell: (n: any) => n.amountFen },
  { header: '金额', cell: (n: any) => n.amountFormatted },
];
const dated = { from: 'String', to: 'String' };

export const REGISTRY_LISTS: ListSheet[] = [
  {
    name: 'organizations',
    title: '组织',
    args: { filter: 'OrganizationFilter' },
    filterArg: 'filter',
    usesAsOf: true,
    selection: `id name shortName englishName kind creditCode regionCode regionName homeRegionCode registeredOn endedOn
      currentRating(asOf: $asOf) { grade }`,
    columns: [
      { header: '名称', cell: (n) => n.name },
      { header: '简称', cell: (n) => n.shortName },
      { header: '英文名称', cell: (n) => n.englishName },
      { header: '类型', cell: (n) => word(ORGANIZATION_KIND_WORDS)(n.kind) },
      { header: '统一社会信用代码', cell: (n) => n.creditCode },
      { header: '地区代码', cell: (n) => n.regionCode },
      { header: '地区', cell: (n) => n.regionName },
      { header: '籍贯地区代码', cell: (n) => n.homeRegionCode },
      { header: '登记日期', cell: (n) => n.registeredOn },
      { header: '注销日期', cell: (n) => n.endedOn },
      { header: '现有等级', cell: (n) => (n.currentRating ? gradeWord(n.currentRating.grade) : null) },
      id,
    ],
  },
  {
    name: 'people',
    title: '人员',
    args: { nameContains: 'String' },
    selection: 'id name englishName',
    columns: [{ header: '姓名', cell: (n) => n.name }, { header: '英文姓名', cell: (n) => n.englishName }, id],
  },
  {
    name: 'platformActivities',
    title: '平台活动',
    args: { platform: 'Platform', kind: 'String', ...dated },
    selection: 'id platform kind title heldOn participantCount outcome organizers { name } participants { name }',
    columns: [
      { header: '平台', cell: (n) => word(PLATFORM_WORDS)(n.platform) },
      { header: '类别', cell: (n) => n.kind },
      { header: '活动名称', cell: (n) => n.title },
      { header: '日期', cell: (n) => n.heldOn },
      { header: '主办单位', cell: (n) => names(n.organizers) },
      { header: '参与单位', cell: (n) => names(n.participants) },
      { header: '参与人数', cell: (n) => n.participantCount },
      { header: '成效', cell: (n) => n.outcome },
      id,
    ],
  },
  {
    name: 'liaisonVisits',
    title: '联挂走访',
    args: { organizationId: 'ID', ...dated },
    selection: 'id visitedOn notes leader { name } organization { name creditCode }',
    columns: [
      { header: '走访日期', cell: (n) => n.visitedOn },
      { header: '联挂领导', cell: (n) => n.leader.name },
      ...organizationColumns,
      { header: '走访记录', cell: (n) => n.notes },
      id,
    ],
  },
  {
    name: 'deliberationSessions',
    title: '政会沟通',
    args: { kind: 'String', ...dated },
    selection: 'id kind title heldOn organization { name } issues { resolvedOn }',
    columns: [
      { header: '类别', cell: (n) => n.kind },
      { header: '名称', cell: (n) => n.title },
      { header: '日期', cell: (n) => n.heldOn },
      { header: '商会', cell: (n) => n.organization?.name ?? null },
      { header: '议题数', cell: (n) => n.issues.length },
      { header: '已解决', cell: (n) => n.issues.filter((i: { resolvedOn: string | null }) => i.resolvedOn).length },
      id,
    ],
  },
  {
    name: 'jointMeetings',
    title: '互联互通活动',
    args: { kind: 'String', ...dated },
    selection: 'id kind title heldOn participants { name }',
    columns: [
      { header: '类别', cell: (n) => n.kind },
      { header: '名称', cell: (n) => n.title },
      { header: '日期', cell: (n) => n.heldOn },
      { header: '参与单位', cell: (n) => names(n.participants) },
      id,
    ],
  },
  {
    name: 'loans',
    title: '贷款',
    args: { product: 'String', ...dated },
    selection: 'id product amountFen amountFormatted signedOn enterprise { name } bank { name }',
    columns: [
      { header: '产品', cell: (n) => n.product },
      { header: '企业', cell: (n) => n.enterprise.name },
      { header: '银行', cell: (n) => n.bank.name },
      ...money,
      { header: '签约日期', cell: (n) => n.signedOn },
      id,
    ],
  },
  {
    name: 'mediationCases',
    title: '调解案件',
    args: { committeeId: 'ID', ...dated },
    selection: 'id subject openedOn closedOn outcome committee { name }',
    columns: [
      { header: '调解委员会', cell: (n) => n.committee.name },
      { header: '案由', cell: (n) => n.subject },
      { header: '受理日期', cell: (n) => n.openedOn },
      { header: '结案日期', cell: (n) => n.closedOn },
      { header: '结果', cell: (n) => n.outcome },
      id,
    ],
  },
  {
    name: 'charityRecords',
    title: '公益慈善',
    args: { organizationId: 'ID', year: 'Int', kind: 'String' },
    selection: `id kind title year amountFen amountFormatted beneficiaries ${ORG}`,
    columns: [
      ...organizationColumns,
      { header: '类别', cell: (n) => n.kind },
      { header: '名称', cell: (n) => n.title },
      { header: '年度', cell: (n) => n.year },
      ...money,
      { header: '受益人数', cell: (n) => n.beneficiaries },
      id,
    ],
  },
  {
    name: 'investmentProjects',
    title: '招商项目',
    args: { introducedById: 'ID', ...dated },
    selection: 'id name amountFen amountFormatted signedOn introducedBy { name }',
    columns: [
      { header: '项目名称', cell: (n) => n.name },
      { header: '引荐商会', cell: (n) => n.introducedBy.name },
      ...money,
      { header: '签约日期', cell: (n) => n.signedOn },
      id,
    ],
  },
];
