import { useQuery } from '@apollo/client/react';
import { Tag } from 'antd';
import { defineMessages, useT } from '../shell/i18n';
import { PERSON_CERTIFICATES } from './operations';

const messages = defineMessages(
  { issued: '{name}（{issuedOn} 颁发）', none: '证书尚未写入名录' },
  { issued: '{name} (issued {issuedOn})', none: 'Not in the registry yet' },
);

/** An application's completion certificate as the registry holds it on the person (the workflow writes it there). */
export function Certificates({ personId, certificateId }: { personId: string; certificateId: string }) {
  const t = useT(messages);
  const { data } = useQuery(PERSON_CERTIFICATES, { variables: { id: personId }, fetchPolicy: 'cache-and-network' });
  const certificates = (data?.person.certifications ?? []).filter((c) => c.id === certificateId);
  if (!data) return null;
  if (certificates.length === 0) return <span>{t('none')}</span>;
  return (
    <>
      {certificates.map((certificate) => (
        <Tag key={certificate.id}>{t('issued', { name: certificate.name, issuedOn: certificate.issuedOn })}</Tag>
      ))}
    </>
  );
}
