import type { ProcessDefinition } from '../kit/process-definition.js';
import { clip, text } from '../kit/words.js';

// Training enrollment's words (培训报名): its stages, outcomes, form fields, roles, and its own
// steps in a run's timeline. The console and the admins' timeline read them from the catalog.

export const trainingWords = {
  stages: {
    AWAITING_ENDORSEMENT: { zh: '待商会推荐', en: 'awaiting endorsement' },
    AWAITING_CONFIRMATION: { zh: '待工商联确认', en: 'awaiting confirmation' },
    ENROLLED: { zh: '已录取', en: 'enrolled' },
    WAITLISTED: { zh: '候补', en: 'wait-listed' },
    REJECTED: { zh: '未通过', en: 'rejected' },
    EXPIRED: { zh: '逾期失效', en: 'expired' },
    WITHDRAWN: { zh: '已撤回', en: 'withdrawn' },
    COMPLETED: { zh: '已结业', en: 'completed' },
    NOT_COMPLETED: { zh: '未结业', en: 'not completed' },
    CANCELLED: { zh: '已取消', en: 'cancelled' },
    TERMINATED: { zh: '已终止', en: 'terminated' },
  },
  outcomes: {
    APPROVE: { zh: '同意', en: 'Approve' },
    REJECT: { zh: '不同意', en: 'Reject' },
  },
  fields: { reason: { zh: '不同意理由', en: 'Reason' } },
  roles: {
    APPROVER: { zh: '商会审批人', en: 'Chamber approver' },
    FEDERATION_OFFICER: { zh: '工商联工作人员', en: 'Federation officer' },
  },
  timeline: {
    updates: {
      // The enrollment's caller waiting for its first task: no step of the process.
      taskOpened: () => null,
      withdraw: (arg) => ({
        kind: 'WITHDRAWN',
        zh: `撤回报名${arg.reason ? `：${clip(text(arg.reason))}` : ''}`,
        en: `Application withdrawn${arg.reason ? `: ${clip(text(arg.reason))}` : ''}`,
      }),
      recordAttendance: (arg) => ({
        kind: 'ATTENDANCE_RECORDED',
        zh: `记录第 ${text(arg.day)} 天${arg.attended ? '出勤' : '缺勤'}`,
        en: `Day ${text(arg.day)} recorded: ${arg.attended ? 'attended' : 'absent'}`,
      }),
    },
    signals: { seatGranted: () => ({ kind: 'SEAT_GRANTED', zh: '候补获得空出的名额', en: 'Given a freed seat' }) },
    activities: {
      issueCertificate: () => ({ kind: 'CERTIFICATE_ISSUED', zh: '颁发结业证书', en: 'Completion certificate issued' }),
      releaseSeat: () => ({ kind: 'SEAT_RELEASED', zh: '释放名额', en: 'Seat released' }),
    },
  },
} satisfies Pick<ProcessDefinition, 'stages' | 'outcomes' | 'fields' | 'roles' | 'timeline'>;
