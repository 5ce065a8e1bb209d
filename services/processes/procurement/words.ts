import type { ProcessDefinition } from '../kit/process-definition.js';
import { clip, text, yuan } from '../kit/words.js';

// Government service procurement's words (政府购买服务): its stages, the outcomes and fields of
// its forms, the roles it names, and its own steps in a run's timeline.

export const procurementWords = {
  stages: {
    BIDDING: { zh: '投标', en: 'bidding' },
    SCREENING: { zh: '资格审查', en: 'screening' },
    SCORING: { zh: '评审打分', en: 'scoring' },
    AWARD_APPROVAL: { zh: '中标审批', en: 'award approval' },
    NOTICE: { zh: '公示', en: 'public notice' },
    OBJECTION_REVIEW: { zh: '质疑复核', en: 'objection review' },
    FAILED: { zh: '流标', en: 'failed' },
    CONTRACTING: { zh: '签订合同', en: 'contracting' },
    PERFORMING: { zh: '履约', en: 'performing' },
    PERFORMANCE_REVIEW: { zh: '履约评价', en: 'performance review' },
    COMPLETED: { zh: '已完成', en: 'completed' },
    TERMINATED: { zh: '已终止', en: 'terminated' },
    CLOSED: { zh: '已结束', en: 'closed' },
    CANCELLED: { zh: '已取消', en: 'cancelled' },
  },
  outcomes: {
    SUBMIT: { zh: '提交', en: 'Submit' },
    APPROVE: { zh: '同意', en: 'Approve' },
    REJECT: { zh: '不同意', en: 'Reject' },
    UPHOLD: { zh: '维持原结果', en: 'Uphold' },
    SUSTAIN: { zh: '质疑成立', en: 'Sustain' },
    REPUBLISH: { zh: '重新公告', en: 'Republish' },
    CLOSE: { zh: '终止采购', en: 'Close' },
    ACCEPT: { zh: '验收通过', en: 'Accept' },
    EXTEND: { zh: '延期', en: 'Extend' },
    TERMINATE: { zh: '终止合同', en: 'Terminate' },
  },
  fields: {
    technical: { zh: '技术分', en: 'Technical score' },
    opinion: { zh: '评审意见', en: 'Opinion' },
    reason: { zh: '理由', en: 'Reason' },
    days: { zh: '重新公告的投标期（天）', en: 'Bidding days' },
    summary: { zh: '成果说明', en: 'Summary' },
    newDueOn: { zh: '新的期限', en: 'New due date' },
    score: { zh: '履约评分', en: 'Score' },
    comment: { zh: '评价意见', en: 'Comment' },
  },
  roles: {
    AGENCY_OFFICER: { zh: '采购单位经办人', en: 'Agency officer' },
    AGENCY_HEAD: { zh: '采购单位负责人', en: 'Agency head' },
    APPROVER: { zh: '投标单位', en: 'Bidder' },
  },
  timeline: {
    noticeStage: 'NOTICE',
    updates: {
      lodgeObjection: (arg) => ({
        kind: 'OBJECTION_LODGED',
        zh: `${text(arg.by)} 提出异议：${clip(text(arg.reason))}`.trim(),
        en: `${text(arg.by) || 'Someone'} lodged an objection: ${clip(text(arg.reason))}`,
      }),
      submitBid: (arg) => ({
        kind: 'BID_SUBMITTED',
        zh: `提交投标，报价 ${yuan(arg.priceFen)}`,
        en: `Bid submitted: ${yuan(arg.priceFen)}`,
      }),
      withdrawBid: () => ({ kind: 'BID_WITHDRAWN', zh: '撤回投标', en: 'Bid withdrawn' }),
      signContract: (arg) => ({
        kind: 'CONTRACT_SIGNED',
        zh: `签订合同（${text(arg.startsOn)} 至 ${text(arg.endsOn)}）`,
        en: `Contract signed (${text(arg.startsOn)} to ${text(arg.endsOn)})`,
      }),
      cancelProcurement: (arg) => ({
        kind: 'CANCELLATION_REQUESTED',
        zh: `取消采购：${clip(text(arg.reason))}`,
        en: `Procurement cancelled: ${clip(text(arg.reason))}`,
      }),
    },
    activities: {
      payMilestone: (arg) => ({
        kind: 'PAYMENT_MADE',
        zh: `支付第 ${text(arg.milestoneNo)} 期款项 ${yuan(arg.amountFen)}`,
        en: `Payment made: milestone ${text(arg.milestoneNo)}, ${yuan(arg.amountFen)}`,
      }),
      screenBids: () => ({ kind: 'BIDS_SCREENED', zh: '完成投标资格审查', en: 'Bids screened' }),
      recordContract: () => ({
        kind: 'CONTRACT_RECORDED',
        zh: '合同写入信用记录',
        en: 'Contract written to the credit record',
      }),
      recordPerformance: () => ({
        kind: 'PERFORMANCE_RECORDED',
        zh: '履约评价写入信用记录',
        en: 'Performance written to the credit record',
      }),
    },
    localActivities: { notifyParties: { kind: 'PARTIES_NOTIFIED', zh: '已通知各方', en: 'Parties notified' } },
  },
} satisfies Pick<ProcessDefinition, 'stages' | 'outcomes' | 'fields' | 'roles' | 'timeline'>;
