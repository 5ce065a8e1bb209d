import { useQuery } from '@apollo/client/react';
import { Alert, Card, Descriptions, Skeleton, Space, Statistic, Steps, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { hubProblem, useProblemWord } from '../shell/errors';
import { defineMessages, useLocale, useT } from '../shell/i18n';
import { useCatalogWords, useWords } from '../shell/words';
import { shanghaiMinute, wordOf } from './format';
import { REGISTRY_IMPORT } from './operations';
import { FIELDS, IMPORT_KINDS, IMPORT_OUTCOMES } from './words';

const messages = defineMessages(
  {
    title: '批量导入：{file}',
    newImport: '新的导入',
    kind: '导入内容',
    stage: '进度',
    uploadedBy: '上传人',
    createdAt: '上传时间（北京时间）',
    reviewedBy: '复核人',
    decision: '复核决定',
    rejectionReason: '驳回或失败原因',
    appliedAt: '写入时间（北京时间）',
    preview: '预览',
    checking: '正在逐行校验……',
    rows: '数据行',
    valid: '无误',
    invalid: '有误',
    created: '将新增',
    changed: '将修改',
    unchanged: '不变',
    errors: '有误的行',
    row: '行',
    column: '列',
    value: '值',
    reason: '原因',
    awaitingReview: '等待另一位工作人员在待办中复核（同意、仅导入无误的行或驳回）。',
    report: '导入结果',
    reportCreated: '新增',
    reportChanged: '修改',
    reportUnchanged: '未变',
    refused: '写入时被拒',
    changes: '各行结果',
    outcome: '结果',
    fields: '修改的字段',
    open: '查看组织',
    failed: '读取失败（{code}）：{message}',
    stepChecking: '校验',
    stepReview: '复核',
    stepApply: '写入',
    stepDone: '完成',
  },
  {
    title: 'Bulk import: {file}',
    newImport: 'A new import',
    kind: 'What is imported',
    stage: 'Progress',
    uploadedBy: 'Uploaded by',
    createdAt: 'Uploaded at (Beijing time)',
    reviewedBy: 'Reviewed by',
    decision: 'Decision',
    rejectionReason: 'Why rejected or failed',
    appliedAt: 'Applied at (Beijing time)',
    preview: 'Preview',
    checking: 'Checking every row…',
    rows: 'Rows',
    valid: 'Valid',
    invalid: 'With errors',
    created: 'To create',
    changed: 'To change',
    unchanged: 'Unchanged',
    errors: 'Rows with errors',
    row: 'Row',
    column: 'Column',
    value: 'Value',
    reason: 'Reason',
    awaitingReview:
      'Waiting for another officer to review it in the inbox (approve, approve the valid rows only, or reject).',
    report: 'Result',
    reportCreated: 'Created',
    reportChanged: 'Changed',
    reportUnchanged: 'Unchanged',
    refused: 'Refused when applied',
    changes: 'Each row',
    outcome: 'Outcome',
    fields: 'Fields changed',
    open: 'Open the organisation',
    failed: 'Could not read ({code}): {message}',
    stepChecking: 'Check',
    stepReview: 'Review',
    stepApply: 'Apply',
    stepDone: 'Done',
  },
);

const STEP_OF: Record<string, number> = { VALIDATING: 0, AWAITING_REVIEW: 1, APPLYING: 2 };
const FINAL = ['APPLIED', 'REJECTED', 'EXPIRED', 'FAILED'];

/** One import: its progress, the preview with each row's errors, and after the review its report. */
export function ImportRunPage() {
  const { id = '' } = useParams();
  const t = useT(messages);
  const problemText = useProblemWord();
  const { locale } = useLocale();
  const words = useCatalogWords();
  const word = useWords();
  const { data, error, startPolling, stopPolling } = useQuery(REGISTRY_IMPORT, { variables: { id } });
  const run = data?.registryImport;
  const stage = run?.stage;
  // Checked every second while rows are checked or written, every few while a reviewer decides.
  useEffect(() => {
    if (!stage || FINAL.includes(stage)) return stopPolling();
    startPolling(stage === 'AWAITING_REVIEW' ? 3000 : 1000);
    return stopPolling;
  }, [stage, startPolling, stopPolling]);
  const problem = hubProblem(error);
  if (problem && !run)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('failed', { code: problemText(problem.code), message: problem.message })}
      />
    );
  if (!run) return <Skeleton active />;
  const final = FINAL.includes(run.stage);
  const current = final ? 3 : (STEP_OF[run.stage] ?? 0);
  const field = (name: string) => FIELDS[name]?.[locale] ?? name;

  return (
    <div>
      <Link to="/registry-imports">{t('newImport')}</Link>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 8 }}>
        {t('title', { file: run.fileName })}
      </Typography.Title>
      <Steps
        size="small"
        current={current}
        status={run.stage === 'FAILED' || run.stage === 'REJECTED' || run.stage === 'EXPIRED' ? 'error' : undefined}
        style={{ marginBottom: 16, maxWidth: 720 }}
        items={[
          { title: t('stepChecking') },
          { title: t('stepReview') },
          { title: t('stepApply') },
          { title: t('stepDone') },
        ]}
      />
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('stage')}>
          <Tag data-testid="import-stage" color={run.stage === 'APPLIED' ? 'success' : final ? 'error' : 'processing'}>
            {word(words.stages, run.stage)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('kind')}>{wordOf(IMPORT_KINDS, run.kind, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('uploadedBy')}>{run.uploadedBy}</Descriptions.Item>
        <Descriptions.Item label={t('createdAt')}>{shanghaiMinute(run.createdAt)}</Descriptions.Item>
        {run.reviewedBy && <Descriptions.Item label={t('reviewedBy')}>{run.reviewedBy}</Descriptions.Item>}
        {run.decision && (
          <Descriptions.Item label={t('decision')}>{word(words.outcomes, run.decision)}</Descriptions.Item>
        )}
        {run.rejectionReason && (
          <Descriptions.Item label={t('rejectionReason')}>{run.rejectionReason}</Descriptions.Item>
        )}
        {run.appliedAt && <Descriptions.Item label={t('appliedAt')}>{shanghaiMinute(run.appliedAt)}</Descriptions.Item>}
      </Descriptions>
      {run.stage === 'AWAITING_REVIEW' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('awaitingReview')} />
      )}
      {run.report && (
        <Card
          size="small"
          title={
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              {t('report')}
            </Typography.Title>
          }
          style={{ marginBottom: 16 }}
          data-testid="import-report"
        >
          <Space size="large" wrap>
            <Statistic title={t('reportCreated')} value={run.report.created} />
            <Statistic title={t('reportChanged')} value={run.report.changed} />
            <Statistic title={t('reportUnchanged')} value={run.report.unchanged} />
            <Statistic title={t('refused')} value={run.report.refused} />
          </Space>
          <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>
            {t('changes')}
          </Typography.Title>
          <Table
            rowKey="row"
            size="small"
            pagination={false}
            dataSource={run.changes}
            columns={[
              { title: t('row'), dataIndex: 'row', width: 80 },
              { title: t('outcome'), key: 'outcome', render: (_, c) => wordOf(IMPORT_OUTCOMES, c.outcome, locale) },
              {
                title: t('fields'),
                key: 'fields',
                render: (_, c) => (c.changedFields.length ? c.changedFields.map(field).join('、') : '—'),
              },
              ...(run.kind === 'ORGANIZATIONS'
                ? [
                    {
                      title: t('open'),
                      key: 'open',
                      render: (_: unknown, c: (typeof run.changes)[number]) =>
                        c.entityId ? <Link to={`/registry/${c.entityId}`}>{t('open')}</Link> : null,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
      <Card
        size="small"
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('preview')}
          </Typography.Title>
        }
        data-testid="import-preview"
      >
        {run.preview ? (
          <Space size="large" wrap>
            <Statistic title={t('rows')} value={run.preview.rows} />
            <Statistic title={t('valid')} value={run.preview.valid} />
            <Statistic title={t('invalid')} value={run.preview.invalid} />
            <Statistic title={t('created')} value={run.preview.created} />
            <Statistic title={t('changed')} value={run.preview.changed} />
            <Statistic title={t('unchanged')} value={run.preview.unchanged} />
          </Space>
        ) : (
          <Typography.Text>{t('checking')}</Typography.Text>
        )}
        {run.errors.length > 0 && (
          <>
            <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>
              {t('errors')}（{run.errorCount}）
            </Typography.Title>
            <Table
              rowKey={(e) => `${e.row}:${e.column}:${e.message}`}
              size="small"
              pagination={false}
              dataSource={run.errors}
              columns={[
                { title: t('row'), dataIndex: 'row', width: 80 },
                { title: t('column'), dataIndex: 'column', width: 160 },
                { title: t('value'), dataIndex: 'value', width: 200 },
                { title: t('reason'), dataIndex: 'message' },
              ]}
            />
          </>
        )}
      </Card>
    </div>
  );
}
