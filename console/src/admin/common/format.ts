import dayjs from 'dayjs';

/** A time as admins read it: local date and time to the second. */
export const when = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');
