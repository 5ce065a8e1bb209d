import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useLocale } from '../shell/i18n';
import { PEOPLE } from './operations';

/** A registry person by name, searched as one types (a form control: value and onChange from Form.Item). */
export function PersonPicker({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?(value: string | undefined): void;
}) {
  const { locale } = useLocale();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, loading } = useQuery(PEOPLE, {
    variables: { nameContains: search || null },
    fetchPolicy: 'cache-first',
  });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      loading={loading}
      value={value}
      onChange={(next?: string) => onChange?.(next || undefined)}
      options={(data?.people.edges ?? []).map(({ node }) => ({
        value: node.id,
        label: locale === 'en' && node.englishName ? node.englishName : node.name,
      }))}
      style={{ minWidth: 220 }}
    />
  );
}
