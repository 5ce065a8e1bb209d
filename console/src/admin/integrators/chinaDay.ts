// Days as the Federation counts them (Asia/Shanghai), whatever the browser's time zone.
const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** The Asia/Shanghai day (yyyy-mm-dd) of a moment, `daysBefore` days earlier. */
export const chinaDay = (at: Date | string = new Date(), daysBefore = 0) =>
  CHINA_DAY.format(new Date(new Date(at).getTime() - daysBefore * 86_400_000));
