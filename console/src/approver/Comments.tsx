import { useMutation } from '@apollo/client/react';
import { Alert, Button, Form, Input, List } from 'antd';
import { useState } from 'react';
import type { ApproverTaskQuery } from '../gql/graphql';
import { FormCard } from '../shell/FormCard';
import { hubProblem, problemWord, type HubProblem } from '../shell/errors';
import { defineMessages, useT, useBilingual } from '../shell/i18n';
import { dateTime } from './format';
import { ADD_COMMENT } from './operations';

const messages = defineMessages(
  {
    title: '评论（最早的在前）',
    none: '还没有评论',
    body: '添加评论',
    required: '请填写评论内容',
    tooLong: '评论不能超过 2000 个字',
    add: '发表评论',
    failed: '评论未发表（{code}）：{message}',
  },
  {
    title: 'Comments (oldest first)',
    none: 'No comments yet',
    body: 'Add a comment',
    required: 'Write the comment',
    tooLong: 'A comment is at most 2000 characters',
    add: 'Post the comment',
    failed: 'The comment was not posted ({code}): {message}',
  },
);

type Comment = ApproverTaskQuery['task']['comments'][number];

/** The task's comment thread, oldest first, and a box to add to it. */
export function Comments({ taskId, comments, onAdded }: { taskId: string; comments: Comment[]; onAdded(): void }) {
  const t = useT(messages);
  const text = useBilingual();
  const [form] = Form.useForm<{ body: string }>();
  const [problem, setProblem] = useState<HubProblem>();
  const [add, { loading }] = useMutation(ADD_COMMENT);
  const ordered = [...comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  async function submit({ body }: { body: string }) {
    setProblem(undefined);
    try {
      await add({ variables: { id: taskId, body: body.trim() } });
      form.resetFields();
      onAdded();
    } catch (error) {
      const found = hubProblem(error)!;
      if (found.fields.body) form.setFields([{ name: 'body', errors: [found.fields.body] }]);
      else setProblem(found);
    }
  }

  return (
    <FormCard title={t('title')}>
      <List
        size="small"
        dataSource={ordered}
        locale={{ emptyText: <span className="approver-empty">{t('none')}</span> }}
        renderItem={(comment) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <div>
                <strong>{comment.author}</strong> ·{' '}
                <time dateTime={comment.createdAt}>{dateTime(comment.createdAt)}</time>
              </div>
              <div style={{ whiteSpace: 'pre-wrap' }}>{comment.body}</div>
            </div>
          </List.Item>
        )}
      />
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ margin: '12px 0' }}
          title={t('failed', { code: text(problemWord(problem.code)), message: problem.message })}
        />
      )}
      <Form form={form} name="comment" layout="vertical" onFinish={submit} style={{ marginTop: 12 }}>
        <Form.Item
          name="body"
          label={t('body')}
          rules={[
            { required: true, whitespace: true, message: t('required') },
            { max: 2000, message: t('tooLong') },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Button htmlType="submit" loading={loading}>
          {t('add')}
        </Button>
      </Form>
    </FormCard>
  );
}
