import { docsExamplesSuite } from './support/docs/suite.js';

// README.md's promise: every GraphQL example of README.md and docs/ runs against a hub with the
// seed, page by page in page order, and every shell block is marked as run (here, or by the
// test it names) or not run, with why. The annotation before each block is described in
// test/support/docs/spec.ts; the references it may use (seed ids, saved values, days counted
// from today) in test/support/docs/references.ts. The same pages on a clock a year and a half
// ahead: test/docs-examples-moved-clock.test.ts.

docsExamplesSuite('today', { checkTheChecks: true });
