import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import { defineMessages, useT } from '../../shell/i18n';

const OrganizationsByName = graphql(`
  query AdminOrganizationsByName($name: String) {
    organizations(filter: { nameContains: $name }, first: 20) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const OrganizationName = graphql(`
  query AdminOrganizationName($id: ID!) {
    organization(id: $id) {
      id
      name
    }
  }
`);

const messages = defineMessages(
  { placeholder: '输入名称查找', none: '没有找到' },
  { placeholder: 'Type part of the name', none: 'Nothing found' },
);

/** An organization chosen by part of its name (the registry's nameContains); the value is its id. */
export function OrganizationPicker({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
}) {
  const t = useT(messages);
  const [name, setName] = useState('');
  const found = useQuery(OrganizationsByName, { variables: { name: name || null } });
  const chosen = useQuery(OrganizationName, { variables: { id: value ?? '' }, skip: !value });
  const options = (found.data?.organizations.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name }));
  const current = chosen.data?.organization;
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: current.name });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setName }}
      allowClear
      value={value}
      onChange={(next?: string) => onChange?.(next)}
      placeholder={t('placeholder')}
      notFoundContent={found.loading ? undefined : t('none')}
      loading={found.loading}
      options={options}
      style={{ minWidth: 220 }}
    />
  );
}
