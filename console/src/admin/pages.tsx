import type { ConsolePage } from '../shell/routes';

// The admins' pages (runs, a run, operations, schedules, overviews, statistics).
export const adminPages: ConsolePage[] = [];
