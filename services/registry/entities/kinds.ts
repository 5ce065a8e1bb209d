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
  FOUNDED = 'FOUNDED', // chamber → its charity foundation
}
registerEnumType(RelationshipType, { name: 'RelationshipType' });

export enum Direction {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
  BOTH = 'BOTH',
}
registerEnumType(Direction, { name: 'Direction', description: 'Which end of an edge the organization is on' });

/** Kinds that are social organizations (社会组织): only these can be rated 1A–5A. */
export const SOCIAL_ORGANIZATION_KINDS: readonly OrganizationKind[] = [
  OrganizationKind.INDUSTRY_ASSOCIATION,
  OrganizationKind.OUT_OF_TOWN_CHAMBER,
  OrganizationKind.GRASSROOTS_CHAMBER,
  OrganizationKind.FOUNDATION,
];
