import { useQuery } from '@apollo/client/react';
import { useLocale } from '../shell/i18n';
import { ORGANIZATION_NAME, PERSON_NAME } from './operations';

// People and organisations by name: the procurement holds committee members and objecting
// bidders as ids, the registry gives their names (each asked once, then from the cache).

export function PersonName({ id }: { id: string }) {
  const { locale } = useLocale();
  const { data } = useQuery(PERSON_NAME, { variables: { id }, fetchPolicy: 'cache-first' });
  const person = data?.person;
  if (!person) return <span>…</span>;
  return <span>{locale === 'en' && person.englishName ? person.englishName : person.name}</span>;
}

export function OrganizationName({ id }: { id: string }) {
  const { data } = useQuery(ORGANIZATION_NAME, { variables: { id }, fetchPolicy: 'cache-first' });
  return <span>{data?.organization.name ?? '…'}</span>;
}
