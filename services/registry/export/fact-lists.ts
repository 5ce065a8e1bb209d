import {
  CREDIT_KIND_WORDS,
  CREDIT_OUTCOME_WORDS,
  INSPECTION_RESULT_WORDS,
  LIST_WORDS,
  PENALTY_KIND_WORDS,
} from '../words.js';
import { chinaMinute } from '../../common/dates.js';
import { id, ORG, organizationColumns, word, type ListSheet } from './sheet.js';

// The facts officers keep and the audit trail, as export sheets (the same columns the bulk
// import reads, so an export can go back in).

const dated = { from: 'String', to: 'String' };

export const FACT_LISTS: ListSheet[] = [
  {
    name: 'annualInspections',
    title: '年检结果',
    args: { year: 'Int', result: 'InspectionResult', organizationId: 'ID' },
    selection: `id year result version ${ORG}`,
    columns: [
      ...organizationColumns,
      { header: '年度', cell: (n) => n.year },
      { header: '年检结论', cell: (n) => word(INSPECTION_RESULT_WORDS)(n.result) },
      id,
    ],
  },
  {
    name: 'administrativePenalties',
    title: '行政处罚',
    args: { organizationId: 'ID', includeRevoked: 'Boolean', ...dated },
    selection: `id decidedOn authority kind documentNumber description servedUntil revokedOn ${ORG}`,
    columns: [
      ...organizationColumns,
      { header: '处罚决定日期', cell: (n) => n.decidedOn },
      { header: '处罚机关', cell: (n) => n.authority },
      { header: '处罚种类', cell: (n) => word(PENALTY_KIND_WORDS)(n.kind) },
      { header: '处罚决定书文号', cell: (n) => n.documentNumber },
      { header: '处罚内容', cell: (n) => n.description },
      { header: '执行期限', cell: (n) => n.servedUntil },
      { header: '撤销日期', cell: (n) => n.revokedOn },
      id,
    ],
  },
  {
    name: 'listEntries',
    title: '名录',
    args: { list: 'ListKind', organizationId: 'ID', activeOn: 'String' },
    selection: `id list listedOn reason removedOn removalReason ${ORG}`,
    columns: [
      ...organizationColumns,
      { header: '名录', cell: (n) => word(LIST_WORDS)(n.list) },
      { header: '列入日期', cell: (n) => n.listedOn },
      { header: '列入事由', cell: (n) => n.reason },
      { header: '移出日期', cell: (n) => n.removedOn },
      { header: '移出事由', cell: (n) => n.removalReason },
      id,
    ],
  },
  {
    name: 'creditEntries',
    title: '信用记录',
    args: { kind: 'CreditEntryKind', organizationId: 'ID', ...dated },
    selection: `id kind summary recordedOn source outcome ${ORG}`,
    columns: [
      ...organizationColumns,
      { header: '类别', cell: (n) => word(CREDIT_KIND_WORDS)(n.kind) },
      { header: '摘要', cell: (n) => n.summary },
      { header: '记入日期', cell: (n) => n.recordedOn },
      { header: '来源', cell: (n) => n.source },
      { header: '评价结果', cell: (n) => word(CREDIT_OUTCOME_WORDS)(n.outcome) },
      id,
    ],
  },
  {
    name: 'auditTrail',
    title: '修改记录',
    args: { entityType: 'String', entityId: 'ID' },
    selection: 'id actor at action reason entityType entityId before after',
    columns: [
      { header: '时间（北京时间）', cell: (n) => chinaMinute(n.at) },
      { header: '操作人', cell: (n) => n.actor },
      { header: '操作', cell: (n) => n.action },
      { header: '原因', cell: (n) => n.reason },
      { header: '记录类型', cell: (n) => n.entityType },
      { header: '记录编号', cell: (n) => n.entityId },
      { header: '修改前', cell: (n) => (n.before == null ? null : JSON.stringify(n.before)) },
      { header: '修改后', cell: (n) => (n.after == null ? null : JSON.stringify(n.after)) },
      id,
    ],
  },
];
