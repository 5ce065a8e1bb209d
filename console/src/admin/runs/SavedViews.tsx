import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { ProcessRunFilter } from '../../gql/graphql';
import { hubProblem, problemWord } from '../../shell/errors';
import { defineMessages, useT, useBilingual } from '../../shell/i18n';

export const RunViews = graphql(`
  query AdminRunViews {
    runViews {
      id
      name
      owner
      shared
      mine
      filter
      updatedAt
    }
  }
`);

const SaveRunView = graphql(`
  mutation AdminSaveRunView($name: String!, $filter: ProcessRunFilter!, $shared: Boolean!) {
    saveRunView(name: $name, filter: $filter, shared: $shared) {
      id
      name
      shared
      mine
      filter
    }
  }
`);

const DeleteRunView = graphql(`
  mutation AdminDeleteRunView($id: ID!) {
    deleteRunView(id: $id)
  }
`);

const messages = defineMessages(
  {
    views: '已保存的视图',
    choose: '选择一个视图',
    shared: '共享',
    save: '保存为视图',
    saveTitle: '把当前筛选条件保存为视图',
    name: '视图名称',
    nameRequired: '请填写名称（一行，最多 100 字）',
    shareWithAll: '共享给所有管理员',
    sameName: '同名的视图会被替换。',
    ok: '保存',
    cancel: '返回',
    remove: '删除此视图',
    removeConfirm: '删除视图「{name}」？',
    yes: '删除',
    no: '返回',
    saved: '已保存视图「{name}」',
    removed: '已删除视图',
    failed: '未完成（{code}）：{message}',
    of: '{owner} 的视图',
  },
  {
    views: 'Saved views',
    choose: 'Choose a view',
    shared: 'shared',
    save: 'Save as a view',
    saveTitle: 'Save the current filter as a view',
    name: 'View name',
    nameRequired: 'A name is required (one line, at most 100 characters)',
    shareWithAll: 'Share with every admin',
    sameName: 'A view of the same name is replaced.',
    ok: 'Save',
    cancel: 'Back',
    remove: 'Delete this view',
    removeConfirm: 'Delete the view “{name}”?',
    yes: 'Delete',
    no: 'Back',
    saved: 'Saved the view “{name}”',
    removed: 'View deleted',
    failed: 'Not done ({code}): {message}',
    of: 'view of {owner}',
  },
);

export interface AppliedView {
  id: string;
  filter: ProcessRunFilter;
}

/** Views of the runs list kept on the server: apply one, save the current filter, delete one's own. */
export function SavedViews({
  current,
  filter,
  onApply,
}: {
  current?: string;
  filter: ProcessRunFilter;
  onApply(view?: AppliedView): void;
}) {
  const t = useT(messages);
  const text = useBilingual();
  const { message } = App.useApp();
  const views = useQuery(RunViews);
  const [save] = useMutation(SaveRunView, { refetchQueries: [RunViews] });
  const [remove] = useMutation(DeleteRunView, { refetchQueries: [RunViews] });
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string; shared: boolean }>();
  const list = views.data?.runViews ?? [];
  const chosen = list.find((view) => view.id === current);

  async function submit(values: { name: string; shared: boolean }) {
    try {
      const result = await save({ variables: { name: values.name.trim(), filter, shared: !!values.shared } });
      const view = result.data!.saveRunView;
      void message.success(t('saved', { name: view.name }));
      setSaving(false);
      onApply({ id: view.id, filter: view.filter });
    } catch (error) {
      const problem = hubProblem(error);
      form.setFields([
        {
          name: 'name',
          errors: [
            t('failed', { code: problem ? text(problemWord(problem.code)) : '', message: problem?.message ?? '' }),
          ],
        },
      ]);
    }
  }

  return (
    <Space wrap align="end">
      <div>
        <label htmlFor="run-views" style={{ display: 'block', marginBottom: 4 }}>
          {t('views')}
        </label>
        <Select
          id="run-views"
          style={{ minWidth: 260 }}
          allowClear
          placeholder={t('choose')}
          value={current}
          loading={views.loading}
          onChange={(id?: string) => {
            const view = list.find((v) => v.id === id);
            onApply(view ? { id: view.id, filter: view.filter } : undefined);
          }}
          options={list.map((view) => ({
            value: view.id,
            label: (
              <span>
                {view.name} {view.shared && <Tag>{t('shared')}</Tag>}{' '}
                {!view.mine && <span className="visually-hidden">{t('of', { owner: view.owner })}</span>}
              </span>
            ),
          }))}
        />
      </div>
      <Button onClick={() => setSaving(true)}>{t('save')}</Button>
      {chosen?.mine && (
        <Popconfirm
          title={t('removeConfirm', { name: chosen.name })}
          okText={t('yes')}
          cancelText={t('no')}
          onConfirm={async () => {
            try {
              await remove({ variables: { id: chosen.id } });
              void message.success(t('removed'));
              onApply(undefined);
            } catch (error) {
              const problem = hubProblem(error);
              void message.error(
                t('failed', { code: problem ? text(problemWord(problem.code)) : '', message: problem?.message ?? '' }),
              );
            }
          }}
        >
          <Button danger>{t('remove')}</Button>
        </Popconfirm>
      )}
      <Modal
        open={saving}
        title={t('saveTitle')}
        okText={t('ok')}
        cancelText={t('cancel')}
        onOk={() => form.submit()}
        onCancel={() => setSaving(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => void submit(values)}
          initialValues={{ name: chosen?.mine ? chosen.name : '', shared: chosen?.shared ?? false }}
          preserve={false}
        >
          <Form.Item
            name="name"
            label={t('name')}
            extra={t('sameName')}
            rules={[{ required: true, whitespace: true, max: 100, pattern: /^[^\n\r]*$/, message: t('nameRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="shared" valuePropName="checked">
            <Checkbox>{t('shareWithAll')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
