import { registerEnumType } from 'type-graphql';

/** Kinds of organization in the Federation's world (DOMAIN.md, "Who is in the graph"). */
export enum OrganizationKind {
  FEDERATION = 'FEDERATION', // 工商联
  INDUSTRY_ASSOCIATION = 'INDUSTRY_ASSOCIATION', // 行业协会商会
  OUT_OF_TOWN_CHAMBER = 'OUT_OF_TOWN_CHAMBER', // 异地商会
  GRASSROOTS_CHAMBER = 'GRASSROOTS_CHAMBER', // 基层商会
  ENTERPRISE = 'ENTERPRISE', // 会员企业
  COLLEGE = 'COLLEGE', // 院校
  BANK = 'BANK', // 银行
  BANK_BRANCH = 'BANK_BRANCH', // 支行
  COURT = 'COURT', // 法院
  PROCURATORATE = 'PROCURATORATE', // 检察院
  POLICE = 'POLICE', // 公安
  GOVERNMENT_AGENCY = 'GOVERNMENT_AGENCY', // 政府部门
  FOUNDATION = 'FOUNDATION', // 基金会
  VILLAGE = 'VILLAGE', // 结对村
  MEDIATION_COMMITTEE = 'MEDIATION_COMMITTEE', // 人民调解委员会 (set up by a chamber)
  EVALUATION_COMMITTEE = 'EVALUATION_COMMITTEE', // 评估委员会 (sets the grades of an evaluation)
  REVIEW_COMMITTEE = 'REVIEW_COMMITTEE', // 复核委员会 (decides objections to a published grade)
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

/** Kinds of edge between organizations (DOMAIN.md, "Relationships"). */
export enum RelationshipType {
  SUPERVISES = 'SUPERVISES', // 归口管理 / 业务主管单位
  MEMBER_OF = 'MEMBER_OF', // 会员: enterprise → chamber, grassroots chamber → county federation
  BANK_PAIRING = 'BANK_PAIRING', // 党建+金融 结对共建
  COLLEGE_PARTNERSHIP = 'COLLEGE_PARTNERSHIP', // 产教融合
  ASSISTANCE_PAIRING = 'ASSISTANCE_PAIRING', // 结对帮扶: chamber → weak village
  BRANCH_OF = 'BRANCH_OF', // bank branch → bank
  FOUNDED = 'FOUNDED', // chamber → the foundation or mediation committee it set up
  LIAISON = 'LIAISON', // 联挂指导: Federation → chamber it guides (attributes name the contact leader)
  HOME_REGION = 'HOME_REGION', // out-of-town chamber → the federation of its home region
}
registerEnumType(RelationshipType, { name: 'RelationshipType' });

export enum Direction {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
  BOTH = 'BOTH',
}
registerEnumType(Direction, { name: 'Direction', description: 'Which end of an edge the organization is on' });

/** Roles a person holds in an organization (职务). */
export enum PositionRole {
  PRESIDENT = 'PRESIDENT', // 会长
  SECRETARY_GENERAL = 'SECRETARY_GENERAL', // 秘书长
  FULL_TIME_STAFF = 'FULL_TIME_STAFF', // 专职人员
  MEDIATOR = 'MEDIATOR', // 调解员
  LEGAL_COUNSEL = 'LEGAL_COUNSEL', // 法律顾问
  FEDERATION_LEADER = 'FEDERATION_LEADER', // 工商联领导
  COMMITTEE_MEMBER = 'COMMITTEE_MEMBER', // 委员 of an evaluation or review committee
  AGENCY_HEAD = 'AGENCY_HEAD', // 局长: heads a government agency, approves its procurement awards
  AGENCY_OFFICER = 'AGENCY_OFFICER', // 经办人员 of a government agency: publishes its procurement needs
}
registerEnumType(PositionRole, { name: 'PositionRole' });

export enum CertificationKind {
  PROFESSIONAL_QUALIFICATION = 'PROFESSIONAL_QUALIFICATION', // 职业资格证书
  PROFESSIONAL_TITLE = 'PROFESSIONAL_TITLE', // 专业技术职称
  TRAINING_COMPLETION = 'TRAINING_COMPLETION', // 培训结业证书
  EVALUATION_EXPERT = 'EVALUATION_EXPERT', // 评估专家: may be drawn to review applications
}
registerEnumType(CertificationKind, { name: 'CertificationKind' });

/** Social-organization grade (社会组织评估等级), 1A to 5A; valid for five years. */
export enum Grade {
  A1 = 'A1',
  A2 = 'A2',
  A3 = 'A3',
  A4 = 'A4',
  A5 = 'A5',
}
registerEnumType(Grade, { name: 'Grade', description: 'A1 is 1A ... A5 is 5A' });

export enum HonourLevel {
  NATIONAL = 'NATIONAL', // 全国
  PROVINCIAL = 'PROVINCIAL', // 省级
  MUNICIPAL = 'MUNICIPAL', // 市级
}
registerEnumType(HonourLevel, { name: 'HonourLevel' });

/** The four platforms of the "145" framework (四大平台). */
export enum Platform {
  INDUSTRY_EDUCATION = 'INDUSTRY_EDUCATION', // 产教融合
  LEGAL_SERVICES = 'LEGAL_SERVICES', // 法律服务
  FINANCIAL_SERVICES = 'FINANCIAL_SERVICES', // 金融服务
  TALENT_SERVICES = 'TALENT_SERVICES', // 人才服务
  INVESTMENT = 'INVESTMENT', // 招商引资 (investment fairs and matchmaking, 助力中心工作)
}
registerEnumType(Platform, { name: 'Platform' });

/** Kinds that are social organizations (社会组织): only these can be rated 1A–5A. */
export const SOCIAL_ORGANIZATION_KINDS: readonly OrganizationKind[] = [
  OrganizationKind.INDUSTRY_ASSOCIATION,
  OrganizationKind.OUT_OF_TOWN_CHAMBER,
  OrganizationKind.GRASSROOTS_CHAMBER,
  OrganizationKind.FOUNDATION,
];
