import type { RetryPolicy } from '@temporalio/workflow';
import { REGISTRY_REFUSED } from './failures.js';

/**
 * Every process's activities retry the same way: quickly at first, at most every 30 s, and not
 * for ever (a permanent fault must surface as a failed run an admin can see); a refusal by the
 * registry is final at once.
 */
export const ACTIVITY_RETRY: RetryPolicy = {
  maximumInterval: '30 seconds',
  maximumAttempts: 20,
  nonRetryableErrorTypes: [REGISTRY_REFUSED],
};
