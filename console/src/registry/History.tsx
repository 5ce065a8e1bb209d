import { useQuery } from '@apollo/client/react';
import { Alert, Button, Table, Typography } from 'antd';
import { hubProblem, useProblemWord } from '../shell/errors';
import { defineMessages, useLocale, useT, type Locale } from '../shell/i18n';
import { shanghaiMinute, wordOf } from './format';
import { HISTORY } from './operations';
import { AUDIT_ACTIONS, ENTITY_TYPES, FIELDS, gradeWord, VALUE_WORDS } from './words';

const messages = defineMessages(
  {
    at: '时间（北京时间）',
    actor: '操作人',
    what: '变更内容',
    reason: '理由',
    changes: '变更前 → 变更后',
    empty: '（空）',
    none: '—',
    more: '更早的变更',
    failed: '读取变更历史失败（{code}）：{message}',
    total: '共 {count} 条变更',
  },
  {
    at: 'When (Beijing time)',
    actor: 'Who',
    what: 'What',
    reason: 'Why',
    changes: 'Before → after',
    empty: '(empty)',
    none: '—',
    more: 'Earlier changes',
    failed: 'Could not read the history ({code}): {message}',
    total: '{count} changes',
  },
);

type Values = Record<string, unknown> | null | undefined;

/** A value as the history shows it: codes in words, grades as 5A, nothing as (empty). */
function valueWord(field: string, value: unknown, locale: Locale, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (field === 'grade') return gradeWord(text);
  const words = VALUE_WORDS[field];
  return words ? wordOf(words, text, locale) : text;
}

/**
 * What a change did, field by field in words: a new record's fields, or each field whose value
 * differs before and after. Ids, versions and timestamps are the registry's bookkeeping, not news.
 */
function describeChange(before: Values, after: Values, locale: Locale, empty: string): string[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((key) => FIELDS[key]);
  return keys.flatMap((key) => {
    const was = before?.[key] ?? null;
    const is = after?.[key] ?? null;
    if (JSON.stringify(was) === JSON.stringify(is)) return [];
    const label = FIELDS[key][locale];
    if (!before) return [`${label}：${valueWord(key, is, locale, empty)}`];
    return [`${label}：${valueWord(key, was, locale, empty)} → ${valueWord(key, is, locale, empty)}`];
  });
}

/** An organisation's history: who changed what about it and its facts, when, and why (newest first). */
export function History({ organizationId }: { organizationId: string }) {
  const t = useT(messages);
  const problemText = useProblemWord();
  const { locale } = useLocale();
  const { data, loading, error, fetchMore } = useQuery(HISTORY, {
    variables: { organizationId, first: 50 },
  });
  const problem = hubProblem(error);
  const trail = data?.auditTrail;
  if (problem)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('failed', { code: problemText(problem.code), message: problem.message })}
      />
    );
  return (
    <>
      <Typography.Paragraph>{t('total', { count: trail?.totalCount ?? 0 })}</Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={trail?.edges.map((edge) => edge.node) ?? []}
        columns={[
          { title: t('at'), key: 'at', render: (_, entry) => shanghaiMinute(entry.at), width: 150 },
          { title: t('actor'), dataIndex: 'actor', width: 140 },
          {
            title: t('what'),
            key: 'what',
            width: 140,
            render: (_, entry) =>
              `${wordOf(ENTITY_TYPES, entry.entityType, locale)} · ${wordOf(AUDIT_ACTIONS, entry.action, locale)}`,
          },
          { title: t('reason'), key: 'reason', render: (_, entry) => entry.reason ?? t('none') },
          {
            title: t('changes'),
            key: 'changes',
            render: (_, entry) => {
              const lines = describeChange(entry.before, entry.after, locale, t('empty'));
              return lines.length ? lines.map((line) => <div key={line}>{line}</div>) : t('none');
            },
          },
        ]}
      />
      {trail?.pageInfo.hasNextPage && (
        <Button
          style={{ marginTop: 8 }}
          onClick={() =>
            void fetchMore({
              variables: { after: trail.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                auditTrail: {
                  ...fetchMoreResult.auditTrail,
                  edges: [...previous.auditTrail.edges, ...fetchMoreResult.auditTrail.edges],
                },
              }),
            })
          }
        >
          {t('more')}
        </Button>
      )}
    </>
  );
}
