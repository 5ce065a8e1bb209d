import type { ProcessDefinition } from '../kit/process-definition.js';
import { clip, text } from '../kit/words.js';

// The annual evaluation's words (年度评价): stages of a campaign and of an application, the
// outcomes and fields of its forms, roles, and its own steps in a run's timeline.

export const evaluationWords = {
  stages: {
    ELIGIBILITY: { zh: '资格审查', en: 'eligibility' },
    APPLICATIONS: { zh: '申报评审中', en: 'applications' },
    INVITED: { zh: '待申请参评', en: 'invited' },
    DECLINED: { zh: '放弃参评', en: 'declined' },
    NOT_ANSWERED: { zh: '逾期未答复', en: 'invitation expired' },
    SELF_ASSESSMENT: { zh: '自评', en: 'self-assessment' },
    EXPERT_REVIEW: { zh: '专家评审', en: 'expert review' },
    COMMITTEE: { zh: '评估委员会审议', en: 'committee' },
    NOTICE: { zh: '公示', en: 'public notice' },
    REVIEW: { zh: '异议复核', en: 'objection review' },
    PUBLISHED: { zh: '结果已公布', en: 'published' },
    NOT_GRADED: { zh: '未评定等级', en: 'not graded' },
    CLOSED: { zh: '已结束', en: 'closed' },
    PROPOSED: { zh: '待上级工商联决定', en: 'awaiting the upper Federation' },
    ACCEPTED: { zh: '上级工商联已接受推荐', en: 'accepted upward' },
    NOT_ACCEPTED: { zh: '上级工商联不予接受', en: 'not accepted upward' },
    NOT_DECIDED: { zh: '上级工商联逾期未决定', en: 'not decided in time' },
    NO_UPPER_FEDERATION: { zh: '无上级工商联', en: 'no upper Federation' },
    CANCELLED: { zh: '已取消', en: 'cancelled' },
    TERMINATED: { zh: '已终止', en: 'terminated' },
  },
  outcomes: {
    APPLY: { zh: '申请参评', en: 'Apply' },
    DECLINE: { zh: '不参评', en: 'Decline' },
    SUBMIT: { zh: '提交', en: 'Submit' },
    APPROVE: { zh: '同意', en: 'Approve' },
    REJECT: { zh: '不同意', en: 'Reject' },
    UPHOLD: { zh: '维持原结果', en: 'Uphold' },
    CHANGE: { zh: '改定', en: 'Change' },
    ACCEPT_RECOMMENDATION: { zh: '接受推荐', en: 'Accept the recommendation' },
    DECLINE_RECOMMENDATION: { zh: '不予接受', en: 'Decline the recommendation' },
  },
  fields: {
    basicConditions: { zh: '基础条件', en: 'Basic conditions' },
    internalGovernance: { zh: '内部治理', en: 'Internal governance' },
    workPerformance: { zh: '工作绩效', en: 'Work performance' },
    socialEvaluation: { zh: '社会评价', en: 'Social evaluation' },
    evidence: { zh: '佐证材料说明', en: 'Evidence' },
    grade: { zh: '改定等级', en: 'Grade' },
    reason: { zh: '不予接受的理由', en: 'Reason for not accepting' },
  },
  roles: {
    APPROVER: { zh: '商会秘书处', en: 'Chamber secretariat' },
    FEDERATION_OFFICER: { zh: '工商联工作人员', en: 'Federation officer' },
  },
  timeline: {
    noticeStage: 'NOTICE',
    updates: {
      lodgeObjection: (arg) => ({
        kind: 'OBJECTION_LODGED',
        zh: `${text(arg.by)} 提出异议：${clip(text(arg.reason))}`.trim(),
        en: `${text(arg.by) || 'Someone'} lodged an objection: ${clip(text(arg.reason))}`,
      }),
      requestRecusal: (arg) => ({
        kind: 'RECUSAL_REQUESTED',
        zh: `申请评审专家回避：${clip(text(arg.reason))}`,
        en: `Asked a reviewer to step aside: ${clip(text(arg.reason))}`,
      }),
    },
    activities: {
      assessEligibility: () => ({ kind: 'ELIGIBILITY_ASSESSED', zh: '完成参评资格审查', en: 'Eligibility assessed' }),
      drawReviewers: () => ({ kind: 'REVIEWERS_DRAWN', zh: '抽取评审专家', en: 'Reviewers drawn' }),
      writeBack: () => ({ kind: 'WRITTEN_BACK', zh: '评定结果写入登记系统', en: 'Result written to the registry' }),
      proposeCandidacy: () => ({
        kind: 'CANDIDACY_PROPOSED',
        zh: '推荐至上级工商联参评省级“四好”商会',
        en: 'Recommended to the upper Federation',
      }),
      writeBackCandidacy: () => ({
        kind: 'CANDIDACY_WRITTEN_BACK',
        zh: '上级工商联的决定写入信用记录',
        en: "The upper Federation's decision written to the credit record",
      }),
    },
  },
} satisfies Pick<ProcessDefinition, 'stages' | 'outcomes' | 'fields' | 'roles' | 'timeline'>;
