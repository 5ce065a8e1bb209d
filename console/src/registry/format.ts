import type { Locale } from '../shell/i18n';
import type { Words } from './words';

// Dates are read as the Federation reads them: the Asia/Shanghai day, whatever the browser's zone.

const SHANGHAI_MINUTE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** A moment as its Beijing day and minute: 2026-12-08 09:30. */
export const shanghaiMinute = (iso: string | null | undefined) => (iso ? SHANGHAI_MINUTE.format(new Date(iso)) : '—');

/** Today in Shanghai, yyyy-mm-dd (the registry's days are Chinese days). */
export const shanghaiToday = () => SHANGHAI_MINUTE.format(new Date()).slice(0, 10);

/** An ISO day as it is (the registry keeps days, not moments), or a dash. */
export const day = (value: string | null | undefined) => value || '—';

/** A code in words, or the code when the table has none. */
export const wordOf = (words: Words, code: string | null | undefined, locale: Locale) =>
  code ? (words[code]?.[locale] ?? code) : '—';

/** The options of a select from a word table. */
export const optionsOf = (words: Words, locale: Locale) =>
  Object.entries(words).map(([value, label]) => ({ value, label: label[locale] }));
