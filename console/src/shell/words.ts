import { useCallback } from 'react';
import { STAGE_WORDS } from '../../../workflows/stage-words';
import { useLocale, type Bilingual, type Locale } from './i18n';

// Words for the codes every part of the console shows (process types, stages), one table each:
// the stages are the admins' timeline's own words (workflows/stage-words.ts). A code without a
// word is shown as it is, so a new process never shows a blank.

export const PROCESS_TYPES: Record<string, Bilingual> = {
  TRAINING_ENROLLMENT: { zh: '培训报名', en: 'Training enrollment' },
  EVALUATION: { zh: '年度评价', en: 'Annual evaluation' },
  PROCUREMENT: { zh: '政府购买服务', en: 'Government service procurement' },
};

export { STAGE_WORDS };

/** A code in words, or the code itself when it has none. */
export function wordFor(table: Record<string, Bilingual>, code: string | null | undefined, locale: Locale): string {
  if (!code) return '';
  return table[code]?.[locale] ?? code;
}

/** wordFor in the current locale: `word(TASK_KINDS, 'SELF_ASSESSMENT')` is 自评 or Self-assessment. */
export function useWords() {
  const { locale } = useLocale();
  return useCallback(
    (table: Record<string, Bilingual>, code: string | null | undefined) => wordFor(table, code, locale),
    [locale],
  );
}
