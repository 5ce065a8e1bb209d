import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { hubProblem, type HubProblem } from '../shell/errors';
import { defineMessages, useT } from '../shell/i18n';
import { hasRole, useSession } from '../shell/session';
import type { Detail } from './detail';
import { placeProblem } from './form-errors';
import { CANCEL } from './operations';
import { useRefusal } from './ProblemAlert';
import { FormCard } from '../shell/FormCard';
import { CANCELLABLE } from './words';

const messages = defineMessages(
  {
    heading: '取消采购',
    reason: '取消原因',
    required: '请填写取消原因',
    submit: '取消采购',
    confirm: '取消这项采购？',
    confirmText: '取消后不能恢复：所有未完成的待办将被取消，并通知采购单位、投标单位和评审委员会。',
    ok: '取消采购',
    back: '返回',
    cancelled: '采购已取消',
  },
  {
    heading: 'Cancel the procurement',
    reason: 'Why',
    required: 'Say why it is cancelled',
    submit: 'Cancel the procurement',
    confirm: 'Cancel this procurement?',
    confirmText:
      'This cannot be undone: every open task is cancelled and the agency, the bidders and the committee are told.',
    ok: 'Cancel it',
    back: 'Back',
    cancelled: 'The procurement is cancelled',
  },
);

/** The agency's officer cancels before the contract, with a reason, behind a confirmation. */
export function CancelForm({ procurement, onChanged }: { procurement: Detail; onChanged(): void }) {
  const t = useT(messages);
  const refusal = useRefusal();
  const { session } = useSession();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [problem, setProblem] = useState<HubProblem & { placed: boolean }>();
  const [cancel, { loading }] = useMutation(CANCEL);
  const officer = hasRole(session, 'AGENCY_OFFICER') && session!.organizationIds.includes(procurement.agency.id);
  if (!officer || !CANCELLABLE.includes(procurement.stage)) return null;

  function submit({ reason }: { reason: string }) {
    modal.confirm({
      title: t('confirm'),
      content: t('confirmText'),
      okText: t('ok'),
      cancelText: t('back'),
      okButtonProps: { danger: true },
      onOk: async () => {
        setProblem(undefined);
        try {
          await cancel({ variables: { id: procurement.id, reason: reason.trim() } });
          void message.success(t('cancelled'));
          onChanged();
        } catch (error) {
          const found = hubProblem(error)!;
          setProblem({ ...found, placed: placeProblem(form, found, ['reason']) });
        }
      },
    });
  }

  return (
    <FormCard title={t('heading')} refusal={refusal(problem)} refusalTestId="cancel-problem">
      <Form form={form} name="cancel" layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('reason')}
          rules={[{ required: true, whitespace: true, message: t('required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} showCount maxLength={1000} />
        </Form.Item>
        <Button danger htmlType="submit" loading={loading}>
          {t('submit')}
        </Button>
      </Form>
    </FormCard>
  );
}
