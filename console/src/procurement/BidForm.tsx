import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { hubProblem, type HubProblem } from '../shell/errors';
import { defineMessages, useT } from '../shell/i18n';
import { hasRole, useSession } from '../shell/session';
import { yuan } from './dates';
import type { Detail } from './detail';
import { placeProblem } from './form-errors';
import { OrganizationName } from './Names';
import { SUBMIT_BID, WITHDRAW_BID } from './operations';
import { useRefusal } from './ProblemAlert';
import { FormCard } from '../shell/FormCard';

const messages = defineMessages(
  {
    heading: '我的投标：{organization}',
    price: '报价（元）',
    proposal: '方案摘要',
    submit: '提交投标',
    revise: '修改投标',
    withdraw: '撤回投标',
    current: '当前投标：{price}，第 {version} 版',
    required: '请填写{label}',
    overBudget: '报价不能超过预算 {budget}',
    submitted: '投标已提交（第 {version} 版）',
    withdrawn: '投标已撤回',
    confirmWithdraw: '撤回本单位的投标？',
    confirmWithdrawText: '撤回后本轮不再评审这份投标；截止前仍可重新提交。',
    ok: '确定',
    cancel: '取消',
  },
  {
    heading: 'Our bid: {organization}',
    price: 'Price (yuan)',
    proposal: 'Proposal summary',
    submit: 'Submit the bid',
    revise: 'Revise the bid',
    withdraw: 'Withdraw the bid',
    current: 'Current bid: {price}, version {version}',
    required: 'Enter {label}',
    overBudget: 'The price may not exceed the budget of {budget}',
    submitted: 'Bid submitted (version {version})',
    withdrawn: 'Bid withdrawn',
    confirmWithdraw: 'Withdraw our bid?',
    confirmWithdrawText: 'This round will not score it; you may bid again before closing.',
    ok: 'OK',
    cancel: 'Cancel',
  },
);

const FIELDS = ['price', 'proposal'] as const;

/** A chamber's approver bids, revises or withdraws, for each organisation they act for, while bidding is open. */
export function BidForms({ procurement, onChanged }: { procurement: Detail; onChanged(): void }) {
  const { session } = useSession();
  const open = procurement.stage === 'BIDDING' && new Date(procurement.closesAt).getTime() > Date.now();
  if (!open || !hasRole(session, 'APPROVER')) return null;
  return (
    <>
      {session!.organizationIds
        .filter((id) => id !== procurement.agency.id)
        .map((organizationId) => (
          <BidForm
            key={organizationId}
            procurement={procurement}
            organizationId={organizationId}
            onChanged={onChanged}
          />
        ))}
    </>
  );
}

function BidForm({
  procurement,
  organizationId,
  onChanged,
}: {
  procurement: Detail;
  organizationId: string;
  onChanged(): void;
}) {
  const t = useT(messages);
  const refusal = useRefusal();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ price: number; proposal: string }>();
  const [problem, setProblem] = useState<HubProblem & { placed: boolean }>();
  const [submitBid, { loading }] = useMutation(SUBMIT_BID);
  const [withdrawBid, { loading: withdrawing }] = useMutation(WITHDRAW_BID);
  const current = procurement.bids.find(
    (bid) => bid.organization.id === organizationId && bid.round === procurement.round && bid.status === 'SUBMITTED',
  );

  async function submit(values: { price: number; proposal: string }) {
    setProblem(undefined);
    try {
      const { data } = await submitBid({
        variables: {
          id: procurement.id,
          bid: { organizationId, priceFen: Math.round(values.price * 100), proposal: values.proposal.trim() },
        },
      });
      void message.success(t('submitted', { version: data!.submitBid.version }));
      onChanged();
    } catch (error) {
      const found = hubProblem(error)!;
      setProblem({ ...found, placed: placeProblem(form, found, FIELDS) });
    }
  }

  function withdraw() {
    modal.confirm({
      title: t('confirmWithdraw'),
      content: t('confirmWithdrawText'),
      okText: t('ok'),
      cancelText: t('cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        setProblem(undefined);
        try {
          await withdrawBid({ variables: { id: procurement.id, organizationId } });
          void message.success(t('withdrawn'));
          form.resetFields();
          onChanged();
        } catch (error) {
          setProblem({ ...hubProblem(error)!, placed: false });
        }
      },
    });
  }

  return (
    <FormCard
      title={
        <>
          {t('heading', { organization: '' })}
          <OrganizationName id={organizationId} />
        </>
      }
      refusal={refusal(problem)}
      refusalTestId="bid-problem"
    >
      {current && <p>{t('current', { price: yuan(current.priceFen), version: current.version })}</p>}
      <Form
        form={form}
        name={`bid-${organizationId}`}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError={{ focus: true, block: 'center' }}
        initialValues={current ? { price: current.priceFen / 100, proposal: current.proposal } : undefined}
      >
        <Form.Item
          name="price"
          label={t('price')}
          rules={[
            { required: true, message: t('required', { label: t('price') }) },
            {
              validator: async (_rule, value: number | undefined) => {
                if (value != null && Math.round(value * 100) > procurement.budgetFen)
                  throw new Error(t('overBudget', { budget: yuan(procurement.budgetFen) }));
              },
            },
          ]}
        >
          <InputNumber min={0.01} precision={2} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item
          name="proposal"
          label={t('proposal')}
          rules={[{ required: true, whitespace: true, message: t('required', { label: t('proposal') }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} showCount maxLength={2000} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={loading}>
            {current ? t('revise') : t('submit')}
          </Button>
          {current && (
            <Button danger onClick={withdraw} loading={withdrawing}>
              {t('withdraw')}
            </Button>
          )}
        </Space>
      </Form>
    </FormCard>
  );
}
