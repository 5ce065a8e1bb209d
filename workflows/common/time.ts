// Lengths of time in milliseconds, as Temporal's timers and the processes' deadlines take them.
// One place, so "a day" is written once in the whole hub (services and tests import it too).

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
