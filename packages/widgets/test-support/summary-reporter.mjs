// Ends the browser run with one plain line, "browser tests: N passed, N failed, N skipped",
// and leaves the counts for the final summary of the test command.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) count(child, totals);
  return totals;
}

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) totals.failed++;
      }
      const dir = fileURLToPath(new URL('../../../.cache/test-results/', import.meta.url));
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${dir}browser.json`, JSON.stringify(totals));
      process.stdout.write(`\nbrowser tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
    },
  };
}
