// Everyone here reads Beijing time: a procurement's deadlines are shown as Asia/Shanghai days
// and minutes whatever zone the browser is in, and a closing time typed in the form is read as
// Beijing time too.

const ZONE = 'Asia/Shanghai';

const parts = (iso: string, withTime: boolean) =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );

/** 2026-12-08 (the Beijing day of an instant). */
export function shanghaiDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parts(iso, false);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 2026-12-08 17:00 (Beijing time). */
export function shanghaiMinute(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parts(iso, true);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A wall-clock time "YYYY-MM-DD HH:mm:ss" read as Beijing time, as an ISO instant. */
export const fromShanghaiWallClock = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`).toISOString();

/** Fen (分) as yuan with two decimals and grouping: 1234500 → ¥12,345.00. */
export const yuan = (fen: number | null | undefined) =>
  fen == null ? '' : `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
