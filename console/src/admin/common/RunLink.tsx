import { Typography } from 'antd';
import { Link } from 'react-router';
import { useLocale } from '../../shell/i18n';
import { useCatalogWords, wordFor } from './words';

/**
 * A run by what it is about (its summary, else its process), linked to its page, with its
 * workflow id below in a details line: admins read the words and copy the id.
 */
export function RunLink({ run }: { run: { id: string; summary?: string | null; processType?: string | null } }) {
  const { locale } = useLocale();
  const words = useCatalogWords();
  return (
    <>
      <Link to={`/runs/${encodeURIComponent(run.id)}`}>
        {run.summary ?? (wordFor(words.processTypes, run.processType, locale) || run.id)}
      </Link>
      <Typography.Text type="secondary" data-details style={{ display: 'block', fontSize: 12, wordBreak: 'break-all' }}>
        {run.id}
      </Typography.Text>
    </>
  );
}
