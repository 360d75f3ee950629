// The test command's last line: the node and browser test counts added up.
import { readFileSync, rmSync } from 'node:fs';

const dir = new URL('../.cache/test-results/', import.meta.url);
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const run of ['node', 'browser']) {
  const counts = JSON.parse(readFileSync(new URL(`${run}.json`, dir), 'utf8'));
  for (const key of Object.keys(totals)) totals[key] += counts[key];
}
rmSync(dir, { recursive: true, force: true });
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = totals.failed > 0 ? 1 : 0;
