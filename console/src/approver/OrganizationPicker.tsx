import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { ORGANIZATION_CHOICES } from './operations';

interface Props {
  id?: string;
  value?: string;
  onChange(value: string | undefined): void;
  /** The name of the chosen organisation when it came from the address, not from a search. */
  knownName?: string;
  'aria-label'?: string;
}

/** An organisation by name: the registry is searched as the person types (a few hundred names). */
export function OrganizationPicker({ id, value, onChange, knownName, 'aria-label': ariaLabel }: Props) {
  // Asked only once the person opens or focuses the picker: the inbox shows it on every first
  // load, where one more query beside the inbox's own delays the rows on a busy hub.
  const [wanted, setWanted] = useState(false);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, loading } = useQuery(ORGANIZATION_CHOICES, {
    variables: { nameContains: search || null },
    fetchPolicy: 'cache-first',
    skip: !wanted,
  });
  const options = (data?.organizations.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name }));
  if (value && !options.some((option) => option.value === value)) options.unshift({ value, label: knownName ?? value });

  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      onFocus={() => setWanted(true)}
      onOpenChange={(open) => open && setWanted(true)}
      loading={loading}
      value={value}
      onChange={(next?: string) => onChange(next || undefined)}
      options={options}
      style={{ minWidth: 220 }}
    />
  );
}
