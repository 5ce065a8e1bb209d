import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, DatePicker, Form, InputNumber, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AdminSchedulesQuery, EvaluationTrack } from '../../gql/graphql';
import { useBilingual, useT } from '../../shell/i18n';
import { AUDIT_ACTION_WORDS, AUDIT_OUTCOME_WORDS } from '../common/words';
import { when } from '../common/format';
import { Problem } from '../common/Problem';
import { ReasonDialog } from '../common/ReasonDialog';
import {
  BackfillEvaluationCampaigns,
  BackfillSchedule,
  PauseEvaluationSchedule,
  PauseSchedule,
  ResumeEvaluationSchedule,
  ResumeSchedule,
  Schedules,
  TriggerSchedule,
} from './operations';
import { messages } from './messages';
import { EmptyText } from '../common/EmptyText';

type HubSchedule = AdminSchedulesQuery['schedules'][number];
type EvaluationSchedule = AdminSchedulesQuery['evaluationSchedules'][number];
type Dialog =
  | { kind: 'pause' | 'resume' | 'trigger' | 'backfill'; schedule: HubSchedule }
  | { kind: 'pauseEvaluation' | 'resumeEvaluation' | 'backfillEvaluation'; schedule: EvaluationSchedule };

function State({ paused, note }: { paused: boolean; note?: string | null }) {
  const t = useT(messages);
  return (
    <Space direction="vertical" size={0}>
      <Tag color={paused ? 'warning' : 'success'}>{paused ? t('paused') : t('active')}</Tag>
      {note && <Typography.Text type="secondary">{t('note', { note })}</Typography.Text>}
    </Space>
  );
}

const times = (list: string[]) => (list.length ? list.slice(0, 3).map(when).join('；') : '—');

/** /console/schedules: the hub's Temporal Schedules and the yearly evaluation campaigns' schedules. */
export function SchedulesPage() {
  const t = useT(messages);
  const { message } = App.useApp();
  const schedules = useQuery(Schedules);
  const [dialog, setDialog] = useState<Dialog>();
  const mutationOptions = { refetchQueries: [Schedules], awaitRefetchQueries: true };
  const [pause] = useMutation(PauseSchedule, mutationOptions);
  const [resume] = useMutation(ResumeSchedule, mutationOptions);
  const [trigger] = useMutation(TriggerSchedule, mutationOptions);
  const [backfill] = useMutation(BackfillSchedule, mutationOptions);
  const [pauseEvaluation] = useMutation(PauseEvaluationSchedule, mutationOptions);
  const [resumeEvaluation] = useMutation(ResumeEvaluationSchedule, mutationOptions);
  const [backfillEvaluation] = useMutation(BackfillEvaluationCampaigns, mutationOptions);
  const close = () => setDialog(undefined);
  const text = useBilingual();
  const done = (audit?: { action: string; outcome: string } | null) =>
    void message.success(
      audit
        ? t('doneAudit', {
            action: text(AUDIT_ACTION_WORDS[audit.action]) || audit.action,
            outcome: text(AUDIT_OUTCOME_WORDS[audit.outcome]) || audit.outcome,
          })
        : t('done'),
    );

  const hubColumns = [
    // A schedule has no name but its id (and the workflow it starts): details an admin copies.
    { title: t('id'), key: 'id', render: (s: HubSchedule) => <span data-details>{s.id}</span> },
    {
      title: t('workflowType'),
      key: 'workflowType',
      render: (s: HubSchedule) => <span data-details>{s.workflowType}</span>,
    },
    { title: t('state'), key: 'state', render: (s: HubSchedule) => <State paused={s.paused} note={s.note} /> },
    { title: t('nextRuns'), key: 'nextRuns', render: (s: HubSchedule) => times(s.nextRuns) },
    { title: t('recentRuns'), key: 'recentRuns', render: (s: HubSchedule) => times([...s.recentRuns].reverse()) },
    {
      title: t('actions'),
      key: 'actions',
      render: (s: HubSchedule) => (
        <Space wrap>
          {s.paused ? (
            <Button
              size="small"
              onClick={() => setDialog({ kind: 'resume', schedule: s })}
              aria-label={`${t('resume')}: ${s.id}`}
            >
              {t('resume')}
            </Button>
          ) : (
            <Button
              size="small"
              onClick={() => setDialog({ kind: 'pause', schedule: s })}
              aria-label={`${t('pause')}: ${s.id}`}
            >
              {t('pause')}
            </Button>
          )}
          <Button
            size="small"
            onClick={() => setDialog({ kind: 'trigger', schedule: s })}
            aria-label={`${t('trigger')}: ${s.id}`}
          >
            {t('trigger')}
          </Button>
          <Button
            size="small"
            onClick={() => setDialog({ kind: 'backfill', schedule: s })}
            aria-label={`${t('backfill')}: ${s.id}`}
          >
            {t('backfill')}
          </Button>
        </Space>
      ),
    },
  ];

  const evaluationColumns = [
    {
      title: t('track'),
      key: 'track',
      render: (s: EvaluationSchedule) =>
        s.track === 'RATING' ? t('RATING') : s.track === 'FOUR_GOOD' ? t('FOUR_GOOD') : s.track,
    },
    { title: t('state'), key: 'state', render: (s: EvaluationSchedule) => <State paused={s.paused} note={s.note} /> },
    { title: t('nextRuns'), key: 'nextRuns', render: (s: EvaluationSchedule) => times(s.nextRuns) },
    {
      title: t('actions'),
      key: 'actions',
      render: (s: EvaluationSchedule) => (
        <Space wrap>
          {s.paused ? (
            <Button
              size="small"
              onClick={() => setDialog({ kind: 'resumeEvaluation', schedule: s })}
              aria-label={`${t('resume')}: ${s.track}`}
            >
              {t('resume')}
            </Button>
          ) : (
            <Button
              size="small"
              onClick={() => setDialog({ kind: 'pauseEvaluation', schedule: s })}
              aria-label={`${t('pause')}: ${s.track}`}
            >
              {t('pause')}
            </Button>
          )}
          <Button
            size="small"
            onClick={() => setDialog({ kind: 'backfillEvaluation', schedule: s })}
            aria-label={`${t('backfillYears')}: ${s.track}`}
          >
            {t('backfillYears')}
          </Button>
        </Space>
      ),
    },
  ];

  const hub = dialog && 'workflowType' in dialog.schedule ? dialog.schedule : undefined;
  const evaluation = dialog && 'track' in dialog.schedule ? dialog.schedule : undefined;
  const track = evaluation?.track as EvaluationTrack | undefined;

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Problem error={schedules.error} />
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('hubSchedules')}
          </Typography.Title>
        }
        style={{ marginBottom: 16 }}
      >
        <Table<HubSchedule>
          rowKey="id"
          columns={hubColumns}
          dataSource={schedules.data?.schedules ?? []}
          loading={schedules.loading}
          pagination={false}
          size="small"
          locale={{ emptyText: <EmptyText>{t('none')}</EmptyText> }}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('evaluationSchedules')}
          </Typography.Title>
        }
      >
        <Table<EvaluationSchedule>
          rowKey="id"
          columns={evaluationColumns}
          dataSource={schedules.data?.evaluationSchedules ?? []}
          loading={schedules.loading}
          pagination={false}
          size="small"
          locale={{ emptyText: <EmptyText>{t('none')}</EmptyText> }}
          scroll={{ x: 'max-content' }}
        />
      </Card>

      <ReasonDialog
        open={dialog?.kind === 'pause'}
        title={t('pauseTitle', { id: hub?.id ?? '' })}
        okText={t('pause')}
        reasonField="note"
        reasonLabel={t('noteLabel')}
        onClose={close}
        onSubmit={async ({ reason }) =>
          done((await pause({ variables: { id: hub!.id, note: reason } })).data!.pauseSchedule.audit)
        }
      />
      <ReasonDialog
        open={dialog?.kind === 'resume'}
        title={t('resumeTitle', { id: hub?.id ?? '' })}
        okText={t('resume')}
        onClose={close}
        onSubmit={async ({ reason }) =>
          done((await resume({ variables: { id: hub!.id, reason } })).data!.resumeSchedule.audit)
        }
      />
      <ReasonDialog
        open={dialog?.kind === 'trigger'}
        title={t('triggerTitle', { id: hub?.id ?? '' })}
        description={t('triggerHint')}
        okText={t('trigger')}
        danger
        onClose={close}
        onSubmit={async ({ reason }) =>
          done((await trigger({ variables: { id: hub!.id, reason } })).data!.triggerSchedule.audit)
        }
      />
      <ReasonDialog<{ range: [Dayjs, Dayjs] }>
        open={dialog?.kind === 'backfill'}
        title={t('backfillTitle', { id: hub?.id ?? '' })}
        description={t('backfillHint')}
        okText={t('backfill')}
        danger
        onClose={close}
        onSubmit={async ({ reason, range }) =>
          done(
            (
              await backfill({
                variables: {
                  id: hub!.id,
                  from: range[0].startOf('day').toISOString(),
                  to: range[1].endOf('day').toISOString(),
                  reason,
                },
              })
            ).data!.backfillSchedule.audit,
          )
        }
      >
        <Form.Item name="range" label={t('between')} rules={[{ required: true, message: t('betweenRequired') }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </ReasonDialog>

      <ReasonDialog
        open={dialog?.kind === 'pauseEvaluation'}
        title={t('pauseTitle', { id: evaluation?.id ?? '' })}
        okText={t('pause')}
        reasonField="note"
        reasonLabel={t('noteLabel')}
        onClose={close}
        onSubmit={async ({ reason }) => {
          await pauseEvaluation({ variables: { track: track!, note: reason } });
          done();
        }}
      />
      <ReasonDialog
        open={dialog?.kind === 'resumeEvaluation'}
        title={t('resumeTitle', { id: evaluation?.id ?? '' })}
        okText={t('resume')}
        askReason={false}
        onClose={close}
        onSubmit={async () => {
          await resumeEvaluation({ variables: { track: track! } });
          done();
        }}
      />
      <ReasonDialog<{ fromYear: number; toYear: number }>
        open={dialog?.kind === 'backfillEvaluation'}
        title={t('backfillYearsTitle', { id: evaluation?.id ?? '' })}
        description={t('backfillYearsHint')}
        okText={t('backfillYears')}
        askReason={false}
        danger
        onClose={close}
        initialValues={{ fromYear: new Date().getFullYear() - 1, toYear: new Date().getFullYear() - 1 }}
        onSubmit={async ({ fromYear, toYear }) => {
          const started = (await backfillEvaluation({ variables: { track: track!, fromYear, toYear } })).data!
            .backfillEvaluationCampaigns;
          void message.success(
            t('campaignsStarted', { count: started.length, ids: started.map((c) => c.id).join(', ') || '—' }),
          );
        }}
      >
        <Space>
          <Form.Item name="fromYear" label={t('fromYear')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="toYear" label={t('toYear')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
        </Space>
      </ReasonDialog>
    </>
  );
}
