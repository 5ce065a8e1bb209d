import type { Bilingual } from '../shell/i18n';

// Words for the registry's codes the training pages show; enrollment statuses are the hub
// catalog's stages (shell/words.ts).

export const POSITION_ROLES: Record<string, Bilingual> = {
  PRESIDENT: { zh: '会长', en: 'President' },
  SECRETARY_GENERAL: { zh: '秘书长', en: 'Secretary-general' },
  FULL_TIME_STAFF: { zh: '专职工作人员', en: 'Full-time staff' },
  MEDIATOR: { zh: '调解员', en: 'Mediator' },
  LEGAL_COUNSEL: { zh: '法律顾问', en: 'Legal counsel' },
  FEDERATION_LEADER: { zh: '联挂领导', en: 'Liaison leader' },
  COMMITTEE_MEMBER: { zh: '委员', en: 'Committee member' },
  AGENCY_HEAD: { zh: '机关负责人', en: 'Agency head' },
  AGENCY_OFFICER: { zh: '机关工作人员', en: 'Agency officer' },
};

/** Statuses in which an application may still be withdrawn (before the course starts). */
export const WITHDRAWABLE = ['AWAITING_ENDORSEMENT', 'AWAITING_CONFIRMATION', 'ENROLLED', 'WAITLISTED'];

/** Statuses of a participant, whose attendance is taken. */
export const PARTICIPATING = ['ENROLLED', 'COMPLETED', 'NOT_COMPLETED'];
