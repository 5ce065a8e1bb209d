import { beijingTime } from '../../shell/china-days';

/** A time as admins read it: Beijing date and time to the second, whatever the browser's zone. */
export const when = (iso: string | null | undefined) => (iso ? beijingTime(iso) : '—');

/** A link inside a sentence is underlined: colour alone does not tell it from the text (WCAG 1.4.1). */
export const UNDERLINED = { textDecoration: 'underline' } as const;
