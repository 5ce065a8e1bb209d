import { Timeline, Typography } from 'antd';
import type { AdminProcessRunQuery } from '../../gql/graphql';
import { defineMessages, useLocale, useT } from '../../shell/i18n';
import { usePeople } from '../../shell/people';
import { when } from '../common/format';

type Entry = AdminProcessRunQuery['processRun']['timeline'][number];

const messages = defineMessages(
  { empty: '历史中还没有可讲述的事件', by: '操作人：{actor}', event: '事件 #{id}' },
  { empty: 'Nothing in the history to tell yet', by: 'By {actor}', event: 'event #{id}' },
);

// The colour of a step's dot says what kind of step it is; its words say the rest.
const COLORS: Record<string, string> = {
  RUN_STARTED: 'blue',
  TASK_DECIDED: 'green',
  COMPLETED: 'green',
  FAILED: 'red',
  CANCEL_REQUESTED: 'orange',
  CANCELLED: 'gray',
  TERMINATED: 'red',
  TASK_EXPIRED: 'orange',
  TASK_ESCALATED: 'orange',
};

/** The run's history in the domain's words, oldest first, in the chosen language; people by name. */
export function RunTimeline({ entries }: { entries: Entry[] }) {
  const t = useT(messages);
  const { locale } = useLocale();
  const person = usePeople(entries.map((entry) => entry.actor));
  if (entries.length === 0) return <Typography.Text type="secondary">{t('empty')}</Typography.Text>;
  return (
    <div data-testid="run-timeline">
      <Timeline
        items={entries.map((entry, index) => ({
          key: `${entry.eventId ?? 'op'}-${index}`,
          color: COLORS[entry.kind] ?? 'blue',
          content: (
            <div>
              <Typography.Text type="secondary">
                <time dateTime={entry.at}>{when(entry.at)}</time>
              </Typography.Text>
              <div lang={locale === 'zh' ? 'zh-CN' : 'en'}>{locale === 'zh' ? entry.zh : entry.en}</div>
              {(entry.actor || entry.eventId) && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {entry.actor && t('by', { actor: person(entry.actor) })}
                  {entry.actor && entry.eventId ? ' · ' : ''}
                  {entry.eventId ? t('event', { id: entry.eventId }) : ''}
                </Typography.Text>
              )}
            </div>
          ),
        }))}
      />
    </div>
  );
}
