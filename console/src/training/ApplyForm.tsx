import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Form, Select } from 'antd';
import { useState } from 'react';
import { beijingToday } from '../shell/china-days';
import { hubProblem, type HubProblem, useProblemWord } from '../shell/errors';
import { defineMessages, useLocale, useT } from '../shell/i18n';
import { CHAMBER_STAFF, ENROLL, ORGANIZATION_NAME, TRAINING_COURSE } from './operations';
import { POSITION_ROLES } from './words';
import { FormCard } from '../shell/FormCard';

const messages = defineMessages(
  {
    title: '为本会人员报名',
    organization: '报名单位',
    person: '报名人员',
    choose: '请选择报名人员',
    submit: '提交报名',
    already: '已报名',
    refused: '报名未被接受（{code}）：{message}',
    applied: '已为{name}报名，等待商会推荐',
  },
  {
    title: 'Apply for people of your chamber',
    organization: 'Applying organisation',
    person: 'Person',
    choose: 'Choose a person',
    submit: 'Apply',
    already: 'applied',
    refused: 'The application was not accepted ({code}): {message}',
    applied: 'Applied for {name}; awaiting the chamber’s endorsement',
  },
);

/** An organisation by its name (an approver acting for several chooses among them). */
function OrganizationName({ id }: { id: string }) {
  const { data } = useQuery(ORGANIZATION_NAME, { variables: { id } });
  return <>{data?.organization.name ?? '…'}</>;
}

/**
 * A chamber's approver applies for a person holding a position in their organisation today
 * (the hub checks it again); people already applied for are shown but cannot be chosen twice.
 */
export function ApplyForm({
  courseId,
  organizationIds,
  appliedPersonIds,
}: {
  courseId: string;
  organizationIds: string[];
  appliedPersonIds: string[];
}) {
  const t = useT(messages);
  const problemText = useProblemWord();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ organizationId: string; personId: string }>();
  const organizationId = Form.useWatch('organizationId', form) ?? organizationIds[0];
  const staff = useQuery(CHAMBER_STAFF, { variables: { id: organizationId, today: beijingToday() } });
  const [problem, setProblem] = useState<HubProblem>();
  const [enroll, { loading }] = useMutation(ENROLL, {
    refetchQueries: [{ query: TRAINING_COURSE, variables: { id: courseId } }],
    awaitRefetchQueries: true,
  });

  // One option per person, however many positions they hold.
  const people = new Map<string, { name: string; roles: string[] }>();
  for (const position of staff.data?.organization.positions ?? []) {
    const entry = people.get(position.person.id) ?? { name: position.person.name, roles: [] };
    entry.roles.push(POSITION_ROLES[position.role]?.[locale] ?? position.role);
    people.set(position.person.id, entry);
  }

  async function submit(values: { personId: string }) {
    setProblem(undefined);
    const name = people.get(values.personId)?.name ?? '';
    try {
      await enroll({ variables: { courseId, organizationId, personId: values.personId } });
      void message.success(t('applied', { name }), 6);
      form.resetFields(['personId']);
    } catch (error) {
      const found = hubProblem(error)!;
      if (found.fields.personId || found.fields.organizationId)
        form.setFields([{ name: 'personId', errors: [found.fields.personId ?? found.fields.organizationId] }]);
      setProblem(found);
    }
  }

  return (
    <FormCard
      title={t('title')}
      refusal={problem && t('refused', { code: problemText(problem.code), message: problem.message })}
    >
      <Form
        form={form}
        name="apply"
        layout="inline"
        initialValues={{ organizationId: organizationIds[0] }}
        onFinish={(values) => void submit(values)}
      >
        {organizationIds.length > 1 && (
          <Form.Item name="organizationId" label={t('organization')}>
            <Select
              style={{ minWidth: 200 }}
              options={organizationIds.map((id) => ({ value: id, label: <OrganizationName id={id} /> }))}
            />
          </Form.Item>
        )}
        {organizationIds.length === 1 && staff.data && (
          <Form.Item label={t('organization')}>{staff.data.organization.name}</Form.Item>
        )}
        <Form.Item name="personId" label={t('person')} rules={[{ required: true, message: t('choose') }]}>
          <Select
            style={{ minWidth: 260 }}
            loading={staff.loading}
            showSearch={{ optionFilterProp: 'label' }}
            options={[...people].map(([id, person]) => ({
              value: id,
              label: `${person.name}（${person.roles.join('、')}）${appliedPersonIds.includes(id) ? ` · ${t('already')}` : ''}`,
              disabled: appliedPersonIds.includes(id),
            }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('submit')}
        </Button>
      </Form>
    </FormCard>
  );
}
