import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import type { ApproverTaskQuery } from '../gql/graphql';
import { hubProblem, problemWord, type HubProblem } from '../shell/errors';
import { defineMessages, useT, useBilingual } from '../shell/i18n';
import { useSession } from '../shell/session';
import { isActive } from './format';
import { CLAIM, DELEGATE, RETURN, UNCLAIM } from './operations';

const messages = defineMessages(
  {
    actions: '任务操作',
    claim: '认领',
    unclaim: '放弃认领',
    delegate: '委托他人',
    giveBack: '退回给委托人',
    delegateTitle: '委托此任务',
    returnTitle: '退回此任务',
    to: '受托人（账号标识）',
    toHelp: '受托人可以评论并退回，但不能作出决定。',
    toRequired: '请填写受托人的账号标识',
    comment: '说明（可选）',
    ok: '确定',
    cancel: '取消',
    claimed: '已认领',
    unclaimed: '已放弃认领',
    delegated: '已委托给 {who}',
    returned: '已退回',
    failed: '操作未成功（{code}）：{message}',
  },
  {
    actions: 'Task actions',
    claim: 'Claim',
    unclaim: 'Unclaim',
    delegate: 'Delegate',
    giveBack: 'Return to the owner',
    delegateTitle: 'Delegate this task',
    returnTitle: 'Return this task',
    to: 'Delegate to (account subject)',
    toHelp: 'They may comment and return it, but not decide.',
    toRequired: 'Enter the subject of the person to delegate to',
    comment: 'Note (optional)',
    ok: 'OK',
    cancel: 'Cancel',
    claimed: 'Claimed',
    unclaimed: 'Unclaimed',
    delegated: 'Delegated to {who}',
    returned: 'Returned',
    failed: 'The action did not succeed ({code}): {message}',
  },
);

type Task = ApproverTaskQuery['task'];

/** Claim, unclaim, delegate and return, as far as the task's state and the caller allow. */
export function TaskActions({ task, onChanged }: { task: Task; onChanged(): void }) {
  const t = useT(messages);
  const text = useBilingual();
  const { message } = App.useApp();
  const { session } = useSession();
  const me = session?.subject;
  const [problem, setProblem] = useState<HubProblem>();
  const [dialog, setDialog] = useState<'delegate' | 'return'>();
  const [dialogForm] = Form.useForm<{ to?: string; comment?: string }>();
  const [claim, claiming] = useMutation(CLAIM);
  const [unclaim, unclaiming] = useMutation(UNCLAIM);
  const [delegate, delegating] = useMutation(DELEGATE);
  const [giveBack, returning] = useMutation(RETURN);

  const active = isActive(task.status);
  const canClaim = active && !task.assignee;
  const canUnclaim = active && task.assignee === me && !task.delegatedTo;
  const canDelegate = active && (!task.assignee || task.assignee === me) && !task.delegatedTo;
  const canReturn = active && !!me && task.delegatedTo === me;
  if (!canClaim && !canUnclaim && !canDelegate && !canReturn) return null;

  async function run(action: () => Promise<unknown>, done: string): Promise<boolean> {
    setProblem(undefined);
    try {
      await action();
      void message.success(done);
      onChanged();
      return true;
    } catch (error) {
      const found = hubProblem(error)!;
      const placed = Object.entries(found.fields).filter(
        (entry): entry is ['to' | 'comment', string] => entry[0] === 'to' || entry[0] === 'comment',
      );
      if (dialog && placed.length) dialogForm.setFields(placed.map(([name, text]) => ({ name, errors: [text] })));
      else setProblem(found);
      return false;
    }
  }

  async function confirmDialog() {
    const { to, comment } = await dialogForm.validateFields();
    const note = comment?.trim() || null;
    const ok =
      dialog === 'delegate'
        ? await run(
            () => delegate({ variables: { id: task.id, to: to!.trim(), comment: note } }),
            t('delegated', { who: to!.trim() }),
          )
        : await run(() => giveBack({ variables: { id: task.id, comment: note } }), t('returned'));
    if (ok) {
      setDialog(undefined);
      dialogForm.resetFields();
    }
  }

  return (
    <section aria-label={t('actions')} style={{ marginBottom: 16 }}>
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={t('failed', { code: text(problemWord(problem.code)), message: problem.message })}
        />
      )}
      <Space wrap>
        {canClaim && (
          <Button
            loading={claiming.loading}
            onClick={() => void run(() => claim({ variables: { id: task.id } }), t('claimed'))}
          >
            {t('claim')}
          </Button>
        )}
        {canUnclaim && (
          <Button
            loading={unclaiming.loading}
            onClick={() => void run(() => unclaim({ variables: { id: task.id } }), t('unclaimed'))}
          >
            {t('unclaim')}
          </Button>
        )}
        {canDelegate && <Button onClick={() => setDialog('delegate')}>{t('delegate')}</Button>}
        {canReturn && <Button onClick={() => setDialog('return')}>{t('giveBack')}</Button>}
      </Space>
      <Modal
        open={!!dialog}
        title={dialog === 'delegate' ? t('delegateTitle') : t('returnTitle')}
        okText={t('ok')}
        cancelText={t('cancel')}
        confirmLoading={delegating.loading || returning.loading}
        onOk={() => void confirmDialog().catch(() => undefined)}
        onCancel={() => setDialog(undefined)}
        destroyOnHidden
        wrapClassName="approver-page"
      >
        <Form form={dialogForm} name={`task-${dialog ?? 'dialog'}`} layout="vertical" preserve={false}>
          {dialog === 'delegate' && (
            <Form.Item
              name="to"
              label={t('to')}
              extra={t('toHelp')}
              rules={[{ required: true, whitespace: true, message: t('toRequired') }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item name="comment" label={t('comment')} rules={[{ max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}
