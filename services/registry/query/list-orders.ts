import { orderInput, type OrderFields } from './order.js';

// The fields each registry list can be ordered by (orderBy: [{ field, direction }]). Names are
// ordered by pinyin; dates, amounts and codes by value. The id always ends the order.

export enum OrganizationOrderField {
  NAME = 'NAME',
  KIND = 'KIND',
  REGION = 'REGION',
  REGISTERED_ON = 'REGISTERED_ON',
  CREATED_AT = 'CREATED_AT',
}
export const ORGANIZATION_ORDER: OrderFields<OrganizationOrderField> = {
  NAME: { property: 'name', pinyin: true },
  KIND: { property: 'kind' },
  REGION: { property: 'regionCode' },
  REGISTERED_ON: { property: 'registeredOn' },
  CREATED_AT: { property: 'createdAt' },
};
export const OrganizationOrder = orderInput(
  'Organization',
  OrganizationOrderField,
  'NAME: Chinese name by pinyin (湖州 before 嘉兴 before 绍兴); KIND; REGION: region code; REGISTERED_ON (empty last); CREATED_AT',
);

export enum PersonOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
export const PERSON_ORDER: OrderFields<PersonOrderField> = {
  NAME: { property: 'name', pinyin: true },
  CREATED_AT: { property: 'createdAt' },
};
export const PersonOrder = orderInput('Person', PersonOrderField, 'NAME: by pinyin; CREATED_AT');

export enum LoanOrderField {
  SIGNED_ON = 'SIGNED_ON',
  AMOUNT = 'AMOUNT',
  PRODUCT = 'PRODUCT',
}
export const LOAN_ORDER: OrderFields<LoanOrderField> = {
  SIGNED_ON: { property: 'signedOn' },
  AMOUNT: { property: 'amountFen' },
  PRODUCT: { property: 'product' },
};
export const LoanOrder = orderInput('Loan', LoanOrderField, 'SIGNED_ON, AMOUNT (fen), PRODUCT');

export enum MediationCaseOrderField {
  OPENED_ON = 'OPENED_ON',
  CLOSED_ON = 'CLOSED_ON',
  OUTCOME = 'OUTCOME',
}
export const MEDIATION_CASE_ORDER: OrderFields<MediationCaseOrderField> = {
  OPENED_ON: { property: 'openedOn' },
  CLOSED_ON: { property: 'closedOn' },
  OUTCOME: { property: 'outcome' },
};
export const MediationCaseOrder = orderInput(
  'MediationCase',
  MediationCaseOrderField,
  'OPENED_ON; CLOSED_ON and OUTCOME (open cases last)',
);

export enum CharityRecordOrderField {
  YEAR = 'YEAR',
  AMOUNT = 'AMOUNT',
  KIND = 'KIND',
  BENEFICIARIES = 'BENEFICIARIES',
}
export const CHARITY_RECORD_ORDER: OrderFields<CharityRecordOrderField> = {
  YEAR: { property: 'year' },
  AMOUNT: { property: 'amountFen' },
  KIND: { property: 'kind' },
  BENEFICIARIES: { property: 'beneficiaries' },
};
export const CharityRecordOrder = orderInput(
  'CharityRecord',
  CharityRecordOrderField,
  'YEAR, AMOUNT (fen), KIND, BENEFICIARIES',
);

export enum InvestmentProjectOrderField {
  SIGNED_ON = 'SIGNED_ON',
  AMOUNT = 'AMOUNT',
  NAME = 'NAME',
}
export const INVESTMENT_PROJECT_ORDER: OrderFields<InvestmentProjectOrderField> = {
  SIGNED_ON: { property: 'signedOn' },
  AMOUNT: { property: 'amountFen' },
  NAME: { property: 'name', pinyin: true },
};
export const InvestmentProjectOrder = orderInput(
  'InvestmentProject',
  InvestmentProjectOrderField,
  'SIGNED_ON, AMOUNT (fen), NAME (pinyin)',
);

export enum PlatformActivityOrderField {
  HELD_ON = 'HELD_ON',
  PLATFORM = 'PLATFORM',
  KIND = 'KIND',
  PARTICIPANT_COUNT = 'PARTICIPANT_COUNT',
}
export const PLATFORM_ACTIVITY_ORDER: OrderFields<PlatformActivityOrderField> = {
  HELD_ON: { property: 'heldOn' },
  PLATFORM: { property: 'platform' },
  KIND: { property: 'kind' },
  PARTICIPANT_COUNT: { property: 'participantCount' },
};
export const PlatformActivityOrder = orderInput(
  'PlatformActivity',
  PlatformActivityOrderField,
  'HELD_ON, PLATFORM, KIND, PARTICIPANT_COUNT (unknown last)',
);

export enum LiaisonVisitOrderField {
  VISITED_ON = 'VISITED_ON',
}
export const LIAISON_VISIT_ORDER: OrderFields<LiaisonVisitOrderField> = { VISITED_ON: { property: 'visitedOn' } };
export const LiaisonVisitOrder = orderInput('LiaisonVisit', LiaisonVisitOrderField, 'VISITED_ON');

export enum DeliberationSessionOrderField {
  HELD_ON = 'HELD_ON',
  KIND = 'KIND',
}
export const DELIBERATION_SESSION_ORDER: OrderFields<DeliberationSessionOrderField> = {
  HELD_ON: { property: 'heldOn' },
  KIND: { property: 'kind' },
};
export const DeliberationSessionOrder = orderInput(
  'DeliberationSession',
  DeliberationSessionOrderField,
  'HELD_ON, KIND',
);

export enum JointMeetingOrderField {
  HELD_ON = 'HELD_ON',
  KIND = 'KIND',
}
export const JOINT_MEETING_ORDER: OrderFields<JointMeetingOrderField> = {
  HELD_ON: { property: 'heldOn' },
  KIND: { property: 'kind' },
};
export const JointMeetingOrder = orderInput('JointMeeting', JointMeetingOrderField, 'HELD_ON, KIND');

export enum AnnualInspectionOrderField {
  YEAR = 'YEAR',
  RESULT = 'RESULT',
}
export const ANNUAL_INSPECTION_ORDER: OrderFields<AnnualInspectionOrderField> = {
  YEAR: { property: 'year' },
  RESULT: { property: 'result' },
};
export const AnnualInspectionOrder = orderInput('AnnualInspection', AnnualInspectionOrderField, 'YEAR, RESULT');

export enum AdministrativePenaltyOrderField {
  DECIDED_ON = 'DECIDED_ON',
  REVOKED_ON = 'REVOKED_ON',
}
export const ADMINISTRATIVE_PENALTY_ORDER: OrderFields<AdministrativePenaltyOrderField> = {
  DECIDED_ON: { property: 'decidedOn' },
  REVOKED_ON: { property: 'revokedOn' },
};
export const AdministrativePenaltyOrder = orderInput(
  'AdministrativePenalty',
  AdministrativePenaltyOrderField,
  'DECIDED_ON, REVOKED_ON (not revoked last)',
);

export enum ListEntryOrderField {
  LISTED_ON = 'LISTED_ON',
  REMOVED_ON = 'REMOVED_ON',
  LIST = 'LIST',
}
export const LIST_ENTRY_ORDER: OrderFields<ListEntryOrderField> = {
  LISTED_ON: { property: 'listedOn' },
  REMOVED_ON: { property: 'removedOn' },
  LIST: { property: 'list' },
};
export const ListEntryOrder = orderInput(
  'ListEntry',
  ListEntryOrderField,
  'LISTED_ON, REMOVED_ON (still listed last), LIST',
);

export enum CreditEntryOrderField {
  RECORDED_ON = 'RECORDED_ON',
  KIND = 'KIND',
}
export const CREDIT_ENTRY_ORDER: OrderFields<CreditEntryOrderField> = {
  RECORDED_ON: { property: 'recordedOn' },
  KIND: { property: 'kind' },
};
export const CreditEntryOrder = orderInput('CreditEntry', CreditEntryOrderField, 'RECORDED_ON, KIND');

export enum RelationshipOrderField {
  VALID_FROM = 'VALID_FROM',
  VALID_TO = 'VALID_TO',
  TYPE = 'TYPE',
}
export const RELATIONSHIP_ORDER: OrderFields<RelationshipOrderField> = {
  VALID_FROM: { property: 'validFrom' },
  VALID_TO: { property: 'validTo' },
  TYPE: { property: 'type' },
};
export const RelationshipOrder = orderInput(
  'Relationship',
  RelationshipOrderField,
  'VALID_FROM, VALID_TO (lasting edges last), TYPE',
);
