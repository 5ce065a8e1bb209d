import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Descriptions, Form, Select, Spin } from 'antd';
import { graphql } from '../../gql';
import type { BatchAction, ProcessRunFilter } from '../../gql/graphql';
import { defineMessages, useBilingual, useLocale, useT } from '../../shell/i18n';
import { CandidateFields, candidatesInput } from '../common/CandidateFields';
import { ReasonDialog } from '../common/ReasonDialog';
import { wordFor, useCatalogWords } from '../common/words';
import { batchPart, fieldsBatchIgnores } from './filter';

const RunningCount = graphql(`
  query AdminBatchCount($filter: ProcessRunFilter!) {
    processRuns(filter: $filter, first: 1) {
      totalCount
    }
  }
`);

const StartBatch = graphql(`
  mutation AdminStartBatch(
    $filter: BatchFilter!
    $action: BatchAction!
    $reason: String!
    $candidates: [CandidateInput!]
  ) {
    startBatchOperation(filter: $filter, action: $action, reason: $reason, candidates: $candidates) {
      id
      status
      total
      done
      failed
    }
  }
`);

const messages = defineMessages(
  {
    title: '批量操作',
    action: '操作',
    CANCEL: '取消这些运行（流程自行收尾）',
    TERMINATE: '终止这些运行（立即结束）',
    REASSIGN: '把它们的待办交给新的候选人',
    start: '开始批量操作',
    selects: '当前条件选中 {count} 个运行中的流程。',
    counting: '正在统计选中的运行……',
    conditions: '批量操作使用的条件',
    processType: '流程类型',
    organization: '组织',
    stage: '阶段',
    year: '年度',
    needOne: '批量操作至少需要一个条件：流程类型、组织、阶段或年度。请先在上面筛选。',
    ignored: '批量操作只按流程类型、组织、阶段和年度选择运行中的流程；这些条件不会用到：{fields}',
    none: '没有运行中的流程可操作。',
  },
  {
    title: 'Batch operation',
    action: 'Action',
    CANCEL: 'Cancel these runs (each workflow cleans up)',
    TERMINATE: 'Terminate these runs (they end at once)',
    REASSIGN: 'Give their open tasks to new candidates',
    start: 'Start the batch',
    selects: 'The filter selects {count} running runs.',
    counting: 'Counting the runs it selects…',
    conditions: 'What the batch selects by',
    processType: 'Process type',
    organization: 'Organization',
    stage: 'Stage',
    year: 'Year',
    needOne: 'A batch needs at least one of: process type, organization, stage, year. Filter the list first.',
    ignored:
      'A batch selects running runs by process type, organization, stage and year only; these are left out: {fields}',
    none: 'No running run to act on.',
  },
);

interface Values {
  action: BatchAction;
  candidates?: { role?: string; organizationId?: string; subject?: string }[];
}

function ReassignFields() {
  const form = Form.useFormInstance();
  const action = Form.useWatch('action', form);
  return action === 'REASSIGN' ? <CandidateFields /> : null;
}

/** Starts CANCEL, TERMINATE or REASSIGN over the running runs the list's filter selects, after saying how many. */
export function BatchDialog({
  open,
  filter,
  onClose,
  onStarted,
}: {
  open: boolean;
  filter: ProcessRunFilter;
  onClose(): void;
  onStarted(id: string): void;
}) {
  const t = useT(messages);
  const text = useBilingual();
  const { locale } = useLocale();
  const words = useCatalogWords();
  const part = batchPart(filter);
  const usable = Object.keys(part).length > 0;
  const count = useQuery(RunningCount, {
    variables: { filter: { ...part, status: 'RUNNING' } },
    skip: !open || !usable,
    fetchPolicy: 'network-only',
  });
  const [start] = useMutation(StartBatch);
  const ignored = fieldsBatchIgnores(filter);
  const total = count.data?.processRuns.totalCount;

  const description = (
    <>
      {!usable && <Alert type="warning" showIcon title={t('needOne')} />}
      {usable && (
        <Descriptions size="small" column={1} bordered title={t('conditions')}>
          {part.processType && (
            <Descriptions.Item label={t('processType')}>{text(words.processTypes[part.processType])}</Descriptions.Item>
          )}
          {part.organizationId && (
            <Descriptions.Item label={t('organization')}>{part.organizationId}</Descriptions.Item>
          )}
          {part.stage && (
            <Descriptions.Item label={t('stage')}>{wordFor(words.stages, part.stage, locale)}</Descriptions.Item>
          )}
          {part.year && <Descriptions.Item label={t('year')}>{part.year}</Descriptions.Item>}
        </Descriptions>
      )}
      {ignored.length > 0 && (
        <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('ignored', { fields: ignored.join(', ') })} />
      )}
      {usable && (
        <div style={{ marginTop: 12 }} aria-live="polite" data-testid="batch-count">
          {count.loading || total === undefined ? (
            <Spin size="small" description={t('counting')} />
          ) : total === 0 ? (
            <Alert type="warning" showIcon title={t('none')} />
          ) : (
            <strong>{t('selects', { count: total })}</strong>
          )}
        </div>
      )}
    </>
  );

  return (
    <ReasonDialog<Values>
      open={open}
      title={t('title')}
      okText={t('start')}
      danger
      disabled={!usable || !total}
      description={description}
      initialValues={{ action: 'CANCEL' }}
      onClose={onClose}
      onSubmit={async (values) => {
        const result = await start({
          variables: {
            filter: part,
            action: values.action,
            reason: values.reason,
            candidates: values.action === 'REASSIGN' ? candidatesInput(values.candidates) : null,
          },
        });
        onStarted(result.data!.startBatchOperation.id);
      }}
    >
      <Form.Item name="action" label={t('action')} rules={[{ required: true }]}>
        <Select options={(['CANCEL', 'TERMINATE', 'REASSIGN'] as const).map((value) => ({ value, label: t(value) }))} />
      </Form.Item>
      <ReassignFields />
    </ReasonDialog>
  );
}
