import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { hubProblem, type HubProblem } from '../shell/errors';
import { defineMessages, useT } from '../shell/i18n';
import { hasRole, useSession } from '../shell/session';
import { useWords } from '../shell/words';
import type { Detail } from './detail';
import { placeProblem } from './form-errors';
import { OrganizationName } from './Names';
import { LODGE_OBJECTION } from './operations';
import { ProblemAlert } from './ProblemAlert';
import { FormCard } from '../shell/FormCard';
import { OBJECTION_OUTCOMES } from './words';

const messages = defineMessages(
  {
    heading: '质疑',
    award: '拟中标单位：{organization}',
    none: '没有质疑',
    lodge: '提出质疑',
    organization: '以哪个投标单位的名义',
    reason: '质疑理由',
    required: '请填写{label}',
    confirm: '提交质疑？',
    confirmText: '质疑提交后不能撤回，由复核委员会表决。',
    lodged: '质疑已提交，复核委员会将作出决定',
    ok: '提交',
    cancel: '取消',
  },
  {
    heading: 'Objections',
    award: 'Proposed award: {organization}',
    none: 'No objection',
    lodge: 'Lodge an objection',
    organization: 'On behalf of',
    reason: 'Why',
    required: 'Enter {label}',
    confirm: 'Lodge the objection?',
    confirmText: 'An objection cannot be taken back; the review committee decides it.',
    lodged: 'Objection lodged; the review committee will decide',
    ok: 'Lodge',
    cancel: 'Cancel',
  },
);

const FIELDS = ['organizationId', 'reason'] as const;

/** Objections (质疑) to the award during its notice, how each was decided, and a bidder's form to lodge one. */
export function Objections({ procurement, onChanged }: { procurement: Detail; onChanged(): void }) {
  const t = useT(messages);
  const word = useWords();
  const { session } = useSession();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ organizationId: string; reason: string }>();
  const [problem, setProblem] = useState<HubProblem & { placed: boolean }>();
  const [lodgeObjection, { loading }] = useMutation(LODGE_OBJECTION);
  const mine = hasRole(session, 'APPROVER')
    ? [
        ...new Set(
          procurement.bids
            .filter((bid) => bid.round === procurement.round && session!.organizationIds.includes(bid.organization.id))
            .map((bid) => bid.organization.id),
        ),
      ]
    : [];
  const mayLodge = procurement.stage === 'NOTICE' && mine.length > 0;
  if (!procurement.objections.length && !mayLodge && !procurement.award) return null;

  function lodge(values: { organizationId: string; reason: string }) {
    modal.confirm({
      title: t('confirm'),
      content: t('confirmText'),
      okText: t('ok'),
      cancelText: t('cancel'),
      onOk: async () => {
        setProblem(undefined);
        try {
          await lodgeObjection({
            variables: { id: procurement.id, organizationId: values.organizationId, reason: values.reason.trim() },
          });
          void message.success(t('lodged'));
          form.resetFields();
          onChanged();
        } catch (error) {
          const found = hubProblem(error)!;
          setProblem({ ...found, placed: placeProblem(form, found, FIELDS) });
        }
      },
    });
  }

  return (
    <FormCard title={t('heading')}>
      {procurement.award && (
        <p data-testid="procurement-award">{t('award', { organization: procurement.award.organization.name })}</p>
      )}
      <List
        size="small"
        dataSource={procurement.objections}
        data-testid="procurement-objections"
        locale={{ emptyText: <span className="approver-empty">{t('none')}</span> }}
        renderItem={(objection) => {
          const outcome = objection.outcome ?? 'PENDING';
          return (
            <List.Item>
              <Space wrap>
                <OrganizationName id={objection.organizationId} />
                <span>{objection.reason}</span>
                <Tag color={OBJECTION_OUTCOMES[outcome]?.color}>{word(OBJECTION_OUTCOMES, outcome)}</Tag>
              </Space>
            </List.Item>
          );
        }}
      />
      {mayLodge && (
        <>
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
            {t('lodge')}
          </Typography.Title>
          <ProblemAlert problem={problem} testId="objection-problem" />
          <Form
            form={form}
            name="objection"
            layout="vertical"
            onFinish={lodge}
            initialValues={{ organizationId: mine[0] }}
            scrollToFirstError={{ focus: true, block: 'center' }}
          >
            {mine.length > 1 && (
              <Form.Item name="organizationId" label={t('organization')}>
                <Select options={mine.map((id) => ({ value: id, label: <OrganizationName id={id} /> }))} />
              </Form.Item>
            )}
            {mine.length === 1 && (
              <Form.Item name="organizationId" hidden>
                <Input />
              </Form.Item>
            )}
            <Form.Item
              name="reason"
              label={t('reason')}
              rules={[{ required: true, whitespace: true, message: t('required', { label: t('reason') }) }]}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} showCount maxLength={1000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={loading}>
              {t('lodge')}
            </Button>
          </Form>
        </>
      )}
    </FormCard>
  );
}
