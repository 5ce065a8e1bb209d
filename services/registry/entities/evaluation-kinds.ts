import { registerEnumType } from 'type-graphql';

// The facts the annual evaluation's eligibility rules read (DOMAIN.md, "Rules the processes
// follow") and the kinds of credit information its write-back records.

/** The outcome of a social organisation's annual inspection (年检) for a year. */
export enum InspectionResult {
  PASS = 'PASS', // 合格
  BASIC_PASS = 'BASIC_PASS', // 基本合格
  FAIL = 'FAIL', // 不合格
  MISSED = 'MISSED', // 未参加年检
}
registerEnumType(InspectionResult, { name: 'InspectionResult' });

/**
 * The kind of an administrative penalty (行政处罚种类) a registration authority may decide
 * against a social organisation (社会团体登记管理条例 第三十条, 民办非企业单位 and 基金会 alike).
 */
export enum PenaltyKind {
  WARNING = 'WARNING', // 警告
  FINE = 'FINE', // 罚款
  CONFISCATION = 'CONFISCATION', // 没收违法所得、非法财产
  SUSPENSION = 'SUSPENSION', // 责令限期停止活动
  REPLACE_LEADERS = 'REPLACE_LEADERS', // 责令撤换直接负责的主管人员
  DEREGISTRATION = 'DEREGISTRATION', // 撤销登记
  OTHER = 'OTHER', // 其他
}
registerEnumType(PenaltyKind, {
  name: 'PenaltyKind',
  description: '处罚种类: 警告, 罚款, 没收违法所得/非法财产, 限期停止活动, 责令撤换负责人, 撤销登记, 其他',
});

/** The public lists an organisation can be put on by the civil-affairs authority. */
export enum ListKind {
  ABNORMAL_ACTIVITY = 'ABNORMAL_ACTIVITY', // 活动异常名录
  SERIOUS_VIOLATION = 'SERIOUS_VIOLATION', // 严重违法失信名单
}
registerEnumType(ListKind, { name: 'ListKind' });

/** What a credit-record entry (信用记录) is about (社会组织信用信息管理办法, 2018). */
export enum CreditEntryKind {
  RATING = 'RATING',
  HONOUR = 'HONOUR',
  CONTRACT = 'CONTRACT', // 政府购买服务合同
  PERFORMANCE = 'PERFORMANCE', // 履约评价
  PENALTY = 'PENALTY',
}
registerEnumType(CreditEntryKind, { name: 'CreditEntryKind' });

/** How a performance review (履约评价) came out: procurement screening refuses a recent FAIL. */
export enum CreditOutcome {
  EXCELLENT = 'EXCELLENT', // 优秀
  GOOD = 'GOOD', // 良好
  PASS = 'PASS', // 合格
  FAIL = 'FAIL', // 不合格
}
registerEnumType(CreditOutcome, {
  name: 'CreditOutcome',
  description: "A performance review's result: 优秀, 良好, 合格, 不合格",
});
