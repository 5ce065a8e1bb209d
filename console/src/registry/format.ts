import { beijingTime, beijingToday } from '../shell/china-days';
import type { Locale } from '../shell/i18n';
import type { Words } from './words';

// Dates are read as the Federation reads them: the Asia/Shanghai day, whatever the browser's zone.

/** A moment as its Beijing day and minute: 2026-12-08 09:30. */
export const shanghaiMinute = (iso: string | null | undefined) => (iso ? beijingTime(iso, 'minute') : '—');

/** Today in Shanghai, yyyy-mm-dd (the registry's days are Chinese days). */
export const shanghaiToday = beijingToday;

/** An ISO day as it is (the registry keeps days, not moments), or a dash. */
export const day = (value: string | null | undefined) => value || '—';

/** A code in words, or the code when the table has none. */
export const wordOf = (words: Words, code: string | null | undefined, locale: Locale) =>
  code ? (words[code]?.[locale] ?? code) : '—';

/** The options of a select from a word table. */
export const optionsOf = (words: Words, locale: Locale) =>
  Object.entries(words).map(([value, label]) => ({ value, label: label[locale] }));
