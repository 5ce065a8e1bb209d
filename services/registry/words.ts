import { Grade, HonourLevel, OrganizationKind, Platform } from './entities/kinds.js';
import {
  CreditEntryKind,
  CreditOutcome,
  InspectionResult,
  ListKind,
  PenaltyKind,
} from './entities/evaluation-kinds.js';

// The registry's codes in the words the Federation writes them: refusals officers read, and
// the cells of exported spreadsheets (which the bulk import reads back the same way).

export const ORGANIZATION_KIND_WORDS: Record<OrganizationKind, string> = {
  FEDERATION: '工商联',
  INDUSTRY_ASSOCIATION: '行业协会商会',
  OUT_OF_TOWN_CHAMBER: '异地商会',
  GRASSROOTS_CHAMBER: '基层商会',
  ENTERPRISE: '企业',
  COLLEGE: '院校',
  BANK: '银行',
  BANK_BRANCH: '支行',
  COURT: '法院',
  PROCURATORATE: '检察院',
  POLICE: '公安机关',
  GOVERNMENT_AGENCY: '政府部门',
  FOUNDATION: '基金会',
  VILLAGE: '结对村',
  MEDIATION_COMMITTEE: '人民调解委员会',
  EVALUATION_COMMITTEE: '评估委员会',
  REVIEW_COMMITTEE: '复核委员会',
};

export const INSPECTION_RESULT_WORDS: Record<InspectionResult, string> = {
  PASS: '合格',
  BASIC_PASS: '基本合格',
  FAIL: '不合格',
  MISSED: '未参检',
};

export const PENALTY_KIND_WORDS: Record<PenaltyKind, string> = {
  WARNING: '警告',
  FINE: '罚款',
  CONFISCATION: '没收违法所得、非法财产',
  SUSPENSION: '限期停止活动',
  REPLACE_LEADERS: '责令撤换负责人',
  DEREGISTRATION: '撤销登记',
  OTHER: '其他',
};

export const LIST_WORDS: Record<ListKind, string> = {
  ABNORMAL_ACTIVITY: '活动异常名录',
  SERIOUS_VIOLATION: '严重违法失信名单',
};

export const CREDIT_KIND_WORDS: Record<CreditEntryKind, string> = {
  RATING: '评估等级',
  HONOUR: '荣誉',
  CONTRACT: '政府购买服务合同',
  PERFORMANCE: '履约评价',
  PENALTY: '行政处罚',
};

export const CREDIT_OUTCOME_WORDS: Record<CreditOutcome, string> = {
  EXCELLENT: '优秀',
  GOOD: '良好',
  PASS: '合格',
  FAIL: '不合格',
};

export const PLATFORM_WORDS: Record<Platform, string> = {
  INDUSTRY_EDUCATION: '产教融合',
  LEGAL_SERVICES: '法律服务',
  FINANCIAL_SERVICES: '金融服务',
  TALENT_SERVICES: '人才服务',
  INVESTMENT: '招商引资',
};

export const HONOUR_LEVEL_WORDS: Record<HonourLevel, string> = {
  NATIONAL: '全国',
  PROVINCIAL: '省级',
  MUNICIPAL: '市级',
};

/** A5 → 5A, as grades are written. */
export const gradeWord = (grade: Grade | string): string => `${grade.slice(1)}A`;
