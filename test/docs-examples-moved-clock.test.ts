import { MOVED_DAYS } from './support/docs/moved-clock.js'; // first: before anything reads the configuration
import { afterAll, expect, it } from 'vitest';
import { addDays, chinaDay, todayInChina } from '../services/common/dates.js';
import { docsExamplesSuite } from './support/docs/suite.js';

// Issue 20: the seed and every docs walk-through on a clock moved a year and a half ahead. The
// services' "today" is moved (HUB_CLOCK_OFFSET_DAYS), the seed is placed around that day, and
// the examples' @today and @year count from it; instants stay real, as Temporal's timers do
// (what that leaves unmoved: docs/configuration.md, HUB_CLOCK_OFFSET_DAYS).

afterAll(() => {
  delete process.env.HUB_CLOCK_OFFSET_DAYS; // a later test file in this worker reads its own
});

it("moves the services' today a year and a half ahead, and no instant", () => {
  expect(todayInChina()).toBe(addDays(chinaDay(Date.now()), MOVED_DAYS));
  expect(todayInChina(new Date(), 0)).toBe(chinaDay(Date.now()));
});

docsExamplesSuite('moved');
