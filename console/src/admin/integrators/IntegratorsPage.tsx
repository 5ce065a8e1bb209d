import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AdminIntegratorClientsQuery } from '../../gql/graphql';
import { hubProblem, useProblemWord } from '../../shell/errors';
import { useT } from '../../shell/i18n';
import { EmptyText } from '../common/EmptyText';
import { Problem } from '../common/Problem';
import { chinaDay } from './chinaDay';
import { ClientForm } from './ClientForm';
import {
  IntegratorClients,
  RegisterIntegratorClient,
  RotateIntegratorSecret,
  UpdateIntegratorClient,
} from './operations';
import { messages } from './messages';
import { UsageDrawer } from './UsageDrawer';

type Client = AdminIntegratorClientsQuery['integratorClients'][number];
type Dialog = { kind: 'register' } | { kind: 'edit' | 'usage'; client: Client };

/** /console/integrators: register integrator clients, change, disable, rotate their secrets, read their usage. */
export function IntegratorsPage() {
  const t = useT(messages);
  const problemText = useProblemWord();
  const { message, modal } = App.useApp();
  const clients = useQuery(IntegratorClients);
  const [dialog, setDialog] = useState<Dialog>();
  const [shown, setShown] = useState<{ name: string; clientId: string; secret: string }>();
  const refetch = { refetchQueries: [IntegratorClients], awaitRefetchQueries: true };
  const [register] = useMutation(RegisterIntegratorClient, refetch);
  const [update] = useMutation(UpdateIntegratorClient, refetch);
  const [rotate] = useMutation(RotateIntegratorSecret, refetch);

  const failed = (error: unknown) => {
    const problem = hubProblem(error);
    if (problem) void message.error(t('failed', { code: problemText(problem.code), message: problem.message }));
  };

  const confirmRotate = (client: Client) =>
    modal.confirm({
      title: t('rotateConfirm', { name: client.name }),
      okText: t('rotate'),
      cancelText: t('cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          const r = await rotate({ variables: { id: client.id, version: client.version } });
          const rotated = r.data!.rotateIntegratorSecret;
          setShown({ name: rotated.client.name, clientId: rotated.client.clientId, secret: rotated.secret });
        } catch (error) {
          failed(error);
        }
      },
    });

  const setEnabled = async (client: Client, enabled: boolean) => {
    try {
      await update({ variables: { id: client.id, version: client.version, patch: { enabled } } });
      void message.success(t('done'));
    } catch (error) {
      failed(error);
    }
  };

  const columns = [
    {
      title: t('name'),
      key: 'name',
      render: (c: Client) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{c.name}</Typography.Text>
          <Typography.Text type="secondary" data-details style={{ fontSize: 12 }}>
            {t('details', { id: c.id, secretVersion: c.secretVersion, createdAt: chinaDay(c.createdAt) })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('clientId'),
      key: 'clientId',
      render: (c: Client) => (
        <Typography.Text code copyable>
          {c.clientId}
        </Typography.Text>
      ),
    },
    {
      title: t('state'),
      key: 'state',
      render: (c: Client) => (
        <Tag color={c.enabled ? 'success' : 'default'}>{c.enabled ? t('enabled') : t('disabled')}</Tag>
      ),
    },
    {
      title: t('operations'),
      key: 'operations',
      render: (c: Client) =>
        c.operations.length ? c.operations.map((o) => <Tag key={o}>{o}</Tag>) : t('noOperations'),
    },
    {
      title: t('quota'),
      key: 'quota',
      render: (c: Client) =>
        t('quotaText', { minute: c.requestsPerMinute ?? t('unlimited'), day: c.requestsPerDay ?? t('unlimited') }),
    },
    { title: t('scope'), key: 'scope', render: (c: Client) => c.federationName ?? t('publicData') },
    {
      title: t('actions'),
      key: 'actions',
      render: (c: Client) => (
        <Space wrap>
          <Button
            size="small"
            onClick={() => setDialog({ kind: 'edit', client: c })}
            aria-label={`${t('edit')}: ${c.name}`}
          >
            {t('edit')}
          </Button>
          {c.enabled ? (
            <Button
              size="small"
              danger
              aria-label={`${t('disable')}: ${c.name}`}
              onClick={() =>
                modal.confirm({
                  title: t('toggleConfirm', { name: c.name }),
                  okText: t('disable'),
                  cancelText: t('cancel'),
                  okButtonProps: { danger: true },
                  onOk: () => setEnabled(c, false),
                })
              }
            >
              {t('disable')}
            </Button>
          ) : (
            <Button size="small" onClick={() => void setEnabled(c, true)} aria-label={`${t('enable')}: ${c.name}`}>
              {t('enable')}
            </Button>
          )}
          <Button size="small" onClick={() => confirmRotate(c)} aria-label={`${t('rotate')}: ${c.name}`}>
            {t('rotate')}
          </Button>
          <Button
            size="small"
            onClick={() => setDialog({ kind: 'usage', client: c })}
            aria-label={`${t('usage')}: ${c.name}`}
          >
            {t('usage')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('title')}</h1>}
      extra={
        <Button type="primary" onClick={() => setDialog({ kind: 'register' })}>
          {t('register')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Problem error={clients.error} />
      <Table
        rowKey="id"
        loading={clients.loading}
        dataSource={clients.data?.integratorClients ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('none')}</EmptyText> }}
      />
      {dialog?.kind === 'register' && (
        <ClientForm
          title={t('register')}
          onClose={() => setDialog(undefined)}
          onSubmit={async (input) => {
            const r = await register({ variables: { input } });
            const made = r.data!.registerIntegratorClient;
            setShown({ name: made.client.name, clientId: made.client.clientId, secret: made.secret });
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <ClientForm
          title={`${t('edit')}: ${dialog.client.name}`}
          initial={dialog.client}
          onClose={() => setDialog(undefined)}
          onSubmit={async (patch) => {
            await update({ variables: { id: dialog.client.id, version: dialog.client.version, patch } });
            void message.success(t('done'));
          }}
        />
      )}
      {dialog?.kind === 'usage' && (
        <UsageDrawer clientId={dialog.client.clientId} name={dialog.client.name} onClose={() => setDialog(undefined)} />
      )}
      {shown && (
        <Modal
          open
          title={t('secretTitle', { name: shown.name })}
          okText={t('secretClose')}
          onOk={() => setShown(undefined)}
          cancelButtonProps={{ style: { display: 'none' } }}
          closable={false}
          maskClosable={false}
        >
          <Alert type="warning" showIcon title={t('secretWarning')} style={{ marginBottom: 16 }} />
          <p>
            {t('clientId')}:{' '}
            <Typography.Text code copyable>
              {shown.clientId}
            </Typography.Text>
          </p>
          <p data-testid="client-secret">
            <Typography.Text code copyable>
              {shown.secret}
            </Typography.Text>
          </p>
        </Modal>
      )}
    </Card>
  );
}
