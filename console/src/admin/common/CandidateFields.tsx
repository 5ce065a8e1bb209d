import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space } from 'antd';
import { defineMessages, useLocale, useT } from '../../shell/i18n';
import { useCatalogWords, wordFor } from './words';
import { OrganizationPicker } from './OrganizationPicker';

const messages = defineMessages(
  {
    candidates: '新的候选人',
    role: '角色',
    organization: '所在组织（可不填）',
    subject: '或指定人员（账号标识）',
    add: '添加候选人',
    remove: '移除第 {n} 个候选人',
    needOne: '至少一个候选人：一个角色，或一个指定人员',
    candidate: '候选人 {n}',
  },
  {
    candidates: 'New candidates',
    role: 'Role',
    organization: 'Within organization (optional)',
    subject: 'Or a named person (token subject)',
    add: 'Add a candidate',
    remove: 'Remove candidate {n}',
    needOne: 'At least one candidate: a role, or a named person',
    candidate: 'Candidate {n}',
  },
);

const ROLES = ['APPROVER', 'FEDERATION_OFFICER', 'AGENCY_OFFICER', 'AGENCY_HEAD', 'ADMIN', 'INTEGRATOR'];

/** `candidates: [CandidateInput!]!` as a list of rows: a role (within an organization) or a person. */
export function CandidateFields({ name = 'candidates' }: { name?: string }) {
  const t = useT(messages);
  const { locale } = useLocale();
  const roles = useCatalogWords().roles;
  return (
    <Form.List
      name={name}
      initialValue={[{}]}
      rules={[
        {
          validator: async (_, rows?: { role?: string; subject?: string }[]) => {
            if (!rows?.some((row) => row?.role || row?.subject?.trim())) throw new Error(t('needOne'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('candidates')}</legend>
          {fields.map((field, index) => (
            <Space key={field.key} align="start" wrap role="group" aria-label={t('candidate', { n: index + 1 })}>
              <Form.Item name={[field.name, 'role']} label={t('role')}>
                <Select
                  allowClear
                  style={{ width: 180 }}
                  options={ROLES.map((role) => ({ value: role, label: wordFor(roles, role, locale) }))}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'organizationId']} label={t('organization')}>
                <OrganizationPicker />
              </Form.Item>
              <Form.Item name={[field.name, 'subject']} label={t('subject')}>
                <Input style={{ width: 180 }} />
              </Form.Item>
              {fields.length > 1 && (
                <Button
                  type="text"
                  aria-label={t('remove', { n: index + 1 })}
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(field.name)}
                  style={{ marginTop: 30 }}
                />
              )}
            </Space>
          ))}
          <Form.Item>
            <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />}>
              {t('add')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        </fieldset>
      )}
    </Form.List>
  );
}

/** The rows as the API takes them: empty parts left out, empty rows dropped. */
export function candidatesInput(rows: { role?: string; organizationId?: string; subject?: string }[] | undefined) {
  return (rows ?? [])
    .map((row) => ({
      role: row.role || undefined,
      organizationId: row.organizationId || undefined,
      subject: row.subject?.trim() || undefined,
    }))
    .filter((row) => row.role || row.subject);
}
