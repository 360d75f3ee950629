import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/paths.js';

/**
 * Bundles may not grow past their budget (gzip -9 bytes). Each budget is set from a measured
 * size (see BENCHMARKS.md) with at most 10 % headroom: raise it only with a reason in the commit.
 */
const budget = JSON.parse(readFileSync(join(ROOT, 'size-budget.json'), 'utf8')) as { files: Record<string, number> };

describe('size budget', () => {
  it.each(Object.entries(budget.files))('%s stays within %i bytes gzipped', (file, limit) => {
    const size = gzipSync(readFileSync(join(ROOT, file)), { level: 9 }).length;
    expect(size, `${file} is ${size} bytes gzipped`).toBeLessThanOrEqual(limit);
  });

  it('covers every CDN bundle', () => {
    expect(Object.keys(budget.files).filter((file) => file.includes('/dist/cdn/')).sort()).toEqual([
      'packages/widgets/dist/cdn/brusano-agenda.js',
      'packages/widgets/dist/cdn/brusano-helpdesk-card.js',
      'packages/widgets/dist/cdn/brusano-service-finder.js',
      'packages/widgets/dist/cdn/brusano-widgets.js',
    ]);
  });
});
