import type { Bilingual } from '../shell/i18n';

// The registry's codes in words (the hub writes the same Chinese in its exports and refusals,
// services/registry/words.ts): the console keeps its own table, with the English beside it,
// because the API answers codes. A code without a word is shown as it is.

export type Words = Record<string, Bilingual>;

export const ORGANIZATION_KINDS: Words = {
  FEDERATION: { zh: '工商联', en: 'Federation' },
  INDUSTRY_ASSOCIATION: { zh: '行业协会商会', en: 'Industry association' },
  OUT_OF_TOWN_CHAMBER: { zh: '异地商会', en: 'Out-of-town chamber' },
  GRASSROOTS_CHAMBER: { zh: '基层商会', en: 'Grassroots chamber' },
  ENTERPRISE: { zh: '企业', en: 'Enterprise' },
  COLLEGE: { zh: '院校', en: 'College' },
  BANK: { zh: '银行', en: 'Bank' },
  BANK_BRANCH: { zh: '支行', en: 'Bank branch' },
  COURT: { zh: '法院', en: 'Court' },
  PROCURATORATE: { zh: '检察院', en: 'Procuratorate' },
  POLICE: { zh: '公安机关', en: 'Police' },
  GOVERNMENT_AGENCY: { zh: '政府部门', en: 'Government agency' },
  FOUNDATION: { zh: '基金会', en: 'Foundation' },
  VILLAGE: { zh: '结对村', en: 'Paired village' },
  MEDIATION_COMMITTEE: { zh: '人民调解委员会', en: 'Mediation committee' },
  EVALUATION_COMMITTEE: { zh: '评估委员会', en: 'Evaluation committee' },
  REVIEW_COMMITTEE: { zh: '复核委员会', en: 'Review committee' },
};

export const INSPECTION_RESULTS: Words = {
  PASS: { zh: '合格', en: 'Pass' },
  BASIC_PASS: { zh: '基本合格', en: 'Basic pass' },
  FAIL: { zh: '不合格', en: 'Fail' },
  MISSED: { zh: '未参检', en: 'Not inspected' },
};

export const PENALTY_KINDS: Words = {
  WARNING: { zh: '警告', en: 'Warning' },
  FINE: { zh: '罚款', en: 'Fine' },
  CONFISCATION: { zh: '没收违法所得、非法财产', en: 'Confiscation' },
  SUSPENSION: { zh: '限期停止活动', en: 'Suspension' },
  REPLACE_LEADERS: { zh: '责令撤换负责人', en: 'Leaders replaced' },
  DEREGISTRATION: { zh: '撤销登记', en: 'Deregistration' },
  OTHER: { zh: '其他', en: 'Other' },
};

export const LISTS: Words = {
  ABNORMAL_ACTIVITY: { zh: '活动异常名录', en: 'Abnormal activity list' },
  SERIOUS_VIOLATION: { zh: '严重违法失信名单', en: 'Serious violation list' },
};

export const CREDIT_KINDS: Words = {
  RATING: { zh: '评估等级', en: 'Grade' },
  HONOUR: { zh: '荣誉', en: 'Honour' },
  CONTRACT: { zh: '政府购买服务合同', en: 'Service contract' },
  PERFORMANCE: { zh: '履约评价', en: 'Performance review' },
  PENALTY: { zh: '行政处罚', en: 'Penalty' },
};

export const CREDIT_OUTCOMES: Words = {
  EXCELLENT: { zh: '优秀', en: 'Excellent' },
  GOOD: { zh: '良好', en: 'Good' },
  PASS: { zh: '合格', en: 'Pass' },
  FAIL: { zh: '不合格', en: 'Fail' },
};

export const HONOUR_LEVELS: Words = {
  NATIONAL: { zh: '全国', en: 'National' },
  PROVINCIAL: { zh: '省级', en: 'Provincial' },
  MUNICIPAL: { zh: '市级', en: 'Municipal' },
};

export const POSITION_ROLES: Words = {
  PRESIDENT: { zh: '会长', en: 'President' },
  SECRETARY_GENERAL: { zh: '秘书长', en: 'Secretary-general' },
  FULL_TIME_STAFF: { zh: '专职工作人员', en: 'Full-time staff' },
  MEDIATOR: { zh: '调解员', en: 'Mediator' },
  LEGAL_COUNSEL: { zh: '法律顾问', en: 'Legal counsel' },
  FEDERATION_LEADER: { zh: '工商联领导', en: 'Federation leader' },
  COMMITTEE_MEMBER: { zh: '委员', en: 'Committee member' },
  AGENCY_HEAD: { zh: '机关负责人', en: 'Agency head' },
  AGENCY_OFFICER: { zh: '机关工作人员', en: 'Agency officer' },
};

export const RELATIONSHIP_TYPES: Words = {
  SUPERVISES: { zh: '业务指导', en: 'Supervises' },
  MEMBER_OF: { zh: '会员', en: 'Member of' },
  BANK_PAIRING: { zh: '银商结对', en: 'Bank pairing' },
  COLLEGE_PARTNERSHIP: { zh: '校会合作', en: 'College partnership' },
  ASSISTANCE_PAIRING: { zh: '结对帮扶', en: 'Assistance pairing' },
  BRANCH_OF: { zh: '分支机构', en: 'Branch of' },
  FOUNDED: { zh: '发起设立', en: 'Founded' },
  LIAISON: { zh: '联系指导', en: 'Liaison' },
  HOME_REGION: { zh: '原籍地', en: 'Home region' },
};

/** The audit trail's names of records. */
export const ENTITY_TYPES: Words = {
  Organization: { zh: '基本信息', en: 'Profile' },
  Person: { zh: '人员', en: 'Person' },
  Position: { zh: '职务', en: 'Position' },
  Relationship: { zh: '关系', en: 'Relationship' },
  Rating: { zh: '评估等级', en: 'Grade' },
  Honour: { zh: '荣誉', en: 'Honour' },
  Certification: { zh: '证书', en: 'Certificate' },
  AnnualInspection: { zh: '年检', en: 'Annual inspection' },
  AdministrativePenalty: { zh: '行政处罚', en: 'Penalty' },
  ListEntry: { zh: '名录', en: 'List entry' },
  CreditEntry: { zh: '信用记录', en: 'Credit entry' },
  RewardGrant: { zh: '奖励资金', en: 'Reward grant' },
};

export const AUDIT_ACTIONS: Words = {
  CREATE: { zh: '新增', en: 'Created' },
  UPDATE: { zh: '修改', en: 'Changed' },
  END: { zh: '终止', en: 'Ended' },
};

export const IMPORT_KINDS: Words = {
  ORGANIZATIONS: { zh: '组织名录', en: 'Organisations' },
  INSPECTIONS: { zh: '年检结果', en: 'Annual inspections' },
  PENALTIES: { zh: '行政处罚', en: 'Penalties' },
};

export const IMPORT_OUTCOMES: Words = {
  CREATED: { zh: '新增', en: 'Created' },
  CHANGED: { zh: '修改', en: 'Changed' },
  UNCHANGED: { zh: '未变', en: 'Unchanged' },
};

/** The fields a change names, as a clerk calls them (the history's before → after). */
export const FIELDS: Words = {
  name: { zh: '名称', en: 'Name' },
  shortName: { zh: '简称', en: 'Short name' },
  englishName: { zh: '英文名称', en: 'English name' },
  kind: { zh: '类型', en: 'Kind' },
  regionCode: { zh: '行政区划', en: 'Region' },
  homeRegionCode: { zh: '原籍地区划', en: 'Home region' },
  creditCode: { zh: '统一社会信用代码', en: 'Credit code' },
  registeredOn: { zh: '登记日期', en: 'Registered on' },
  endedOn: { zh: '终止日期', en: 'Ended on' },
  year: { zh: '年度', en: 'Year' },
  result: { zh: '年检结论', en: 'Result' },
  decidedOn: { zh: '处罚决定日期', en: 'Decided on' },
  authority: { zh: '处罚机关', en: 'Authority' },
  documentNumber: { zh: '处罚决定书文号', en: 'Document number' },
  description: { zh: '处罚内容', en: 'Description' },
  servedUntil: { zh: '执行期限', en: 'Served until' },
  revokedOn: { zh: '撤销日期', en: 'Revoked on' },
  list: { zh: '名录', en: 'List' },
  listedOn: { zh: '列入日期', en: 'Listed on' },
  reason: { zh: '事由', en: 'Reason' },
  removedOn: { zh: '移出日期', en: 'Removed on' },
  removalReason: { zh: '移出事由', en: 'Removal reason' },
  summary: { zh: '摘要', en: 'Summary' },
  recordedOn: { zh: '记录日期', en: 'Recorded on' },
  source: { zh: '来源', en: 'Source' },
  outcome: { zh: '评价结果', en: 'Outcome' },
  grade: { zh: '等级', en: 'Grade' },
  awardedOn: { zh: '评定日期', en: 'Awarded on' },
  title: { zh: '荣誉名称', en: 'Title' },
  level: { zh: '级别', en: 'Level' },
  role: { zh: '职务', en: 'Role' },
  validFrom: { zh: '起始日期', en: 'Valid from' },
  validTo: { zh: '截止日期', en: 'Valid to' },
  type: { zh: '关系类型', en: 'Type' },
};

/** Which table words a field's value, when it is a code. */
export const VALUE_WORDS: Record<string, Words> = {
  kind: { ...ORGANIZATION_KINDS, ...PENALTY_KINDS, ...CREDIT_KINDS },
  result: INSPECTION_RESULTS,
  list: LISTS,
  outcome: CREDIT_OUTCOMES,
  level: HONOUR_LEVELS,
  role: POSITION_ROLES,
  type: RELATIONSHIP_TYPES,
};

/** A5 → 5A, as grades are written. */
export const gradeWord = (grade: string) => `${grade.slice(1)}A`;
