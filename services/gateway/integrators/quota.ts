import { HeaderMap } from '@apollo/server';
import { HubError } from '../../common/errors.js';
import type { ClientGrant } from './directory.js';

// An integrator client's quota: requests per minute (a window per clock minute, counted in this
// gateway process) and per Asia/Shanghai day (the registry's count of every replica's flushed
// requests as of the last read, plus what this replica saw since). With several replicas a
// minute's count is each replica's own, so a client may get up to N times its minute; the day
// is shared within a flush interval (docs/integrators.md).

const MINUTE_MS = 60_000;

export class MinuteWindows {
  private readonly windows = new Map<string, { minute: number; count: number }>();

  /** Counts one request of `clientId` in the current minute; the count so far, this one included. */
  take(clientId: string, now: number): number {
    const minute = Math.floor(now / MINUTE_MS);
    const window = this.windows.get(clientId);
    if (!window || window.minute !== minute) {
      if (this.windows.size > 10_000) this.windows.clear(); // old windows only: a new minute starts every count again
      this.windows.set(clientId, { minute, count: 1 });
      return 1;
    }
    return ++window.count;
  }
}

const quotaExceeded = (message: string, retryAfter: number) =>
  new HubError('QUOTA_EXCEEDED', message, {
    retryAfter,
    http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) },
  });

/** Seconds from `now` to the next midnight in China (UTC+8, no summer time). */
export function secondsToChinaMidnight(now: number): number {
  const DAY = 86_400_000;
  const shifted = now + 8 * 3_600_000;
  return Math.max(1, Math.ceil((DAY - (shifted % DAY)) / 1000));
}

/** Throws QUOTA_EXCEEDED (429 with Retry-After) when this request is past either quota. */
export function checkQuota(grant: ClientGrant, usage: { thisMinute: number; today: number }, now = Date.now()): void {
  if (grant.requestsPerMinute != null && usage.thisMinute > grant.requestsPerMinute) {
    const retryAfter = Math.max(1, Math.ceil((MINUTE_MS - (now % MINUTE_MS)) / 1000));
    throw quotaExceeded(
      `已超出每分钟 ${grant.requestsPerMinute} 次的调用配额，请 ${retryAfter} 秒后再试。Quota exceeded: at most ${grant.requestsPerMinute} requests a minute; retry after ${retryAfter} s.`,
      retryAfter,
    );
  }
  if (grant.requestsPerDay != null && usage.today > grant.requestsPerDay) {
    const retryAfter = secondsToChinaMidnight(now);
    throw quotaExceeded(
      `已超出每日 ${grant.requestsPerDay} 次的调用配额（按北京时间计日），明天零点后恢复。Quota exceeded: at most ${grant.requestsPerDay} requests a day (Asia/Shanghai); retry after ${retryAfter} s.`,
      retryAfter,
    );
  }
}
