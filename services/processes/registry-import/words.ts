import type { ProcessDefinition } from '../kit/process-definition.js';

// The bulk import's words (批量导入): its stages, outcomes, form fields, roles and its own steps.

export const registryImportWords = {
  stages: {
    VALIDATING: { zh: '校验中', en: 'validating' },
    AWAITING_REVIEW: { zh: '待复核', en: 'awaiting review' },
    APPLYING: { zh: '导入中', en: 'applying' },
    APPLIED: { zh: '已导入', en: 'applied' },
    REJECTED: { zh: '已驳回', en: 'rejected' },
    EXPIRED: { zh: '逾期未复核', en: 'expired' },
    FAILED: { zh: '导入失败', en: 'failed' },
  },
  outcomes: {
    APPROVE: { zh: '同意', en: 'Approve' },
    APPROVE_VALID_ROWS: { zh: '仅导入无误的行', en: 'Approve the valid rows only' },
    REJECT: { zh: '不同意', en: 'Reject' },
  },
  fields: { reason: { zh: '驳回理由', en: 'Reason' } },
  roles: { FEDERATION_OFFICER: { zh: '工商联工作人员', en: 'Federation officer' } },
  timeline: {
    activities: {
      previewImport: () => ({
        kind: 'IMPORT_PREVIEWED',
        zh: '逐行校验，生成预览',
        en: 'Every row checked, preview made',
      }),
      applyImport: () => ({
        kind: 'IMPORT_APPLIED',
        zh: '分批写入登记库',
        en: 'Rows applied to the registry in batches',
      }),
    },
  },
} satisfies Pick<ProcessDefinition, 'stages' | 'outcomes' | 'fields' | 'roles' | 'timeline'>;
