import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { ROOT } from './paths.js';

/** Ends the run with one plain line, "node tests: N passed, N failed, N skipped", and leaves the counts for the final summary. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed' || state === 'failed' || state === 'skipped') count[state]++;
      }
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) count.failed++;
    }
    const dir = join(ROOT, '.cache', 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'node.json'), JSON.stringify(count));
    process.stdout.write(`\nnode tests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`);
  }
}
