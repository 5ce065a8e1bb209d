// Imported first by test/docs-examples-moved-clock.test.ts: the services' calendar moved a year
// and a half ahead (HUB_CLOCK_OFFSET_DAYS, services/common/config.ts) before any module of this
// test file reads the configuration, so the seed is placed around that day (its default
// HUB_SEED_TODAY is today in China, moved) and the hubs of the file count from it.

export const MOVED_DAYS = 548;

process.env.HUB_CLOCK_OFFSET_DAYS = String(MOVED_DAYS);
