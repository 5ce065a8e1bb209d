import dayjs from 'dayjs';

/** A time as admins read it: local date and time to the second. */
export const when = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');

/** A link inside a sentence is underlined: colour alone does not tell it from the text (WCAG 1.4.1). */
export const UNDERLINED = { textDecoration: 'underline' } as const;
