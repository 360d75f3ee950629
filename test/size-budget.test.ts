import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gzipBytes, loaderFiles, pageWeights } from '../scripts/page-weights.mjs';
import { ROOT } from './support/paths.js';

/**
 * The CDN may not grow past its budget (gzip -9 bytes): each file a partner may include, and what
 * a page with one element loads in all (the loader and that element's files, by the loader's own
 * list). Each budget is a measured size (see BENCHMARKS.md) with at most 5 % headroom: raise it only
 * with a reason in the commit.
 */
const budget = JSON.parse(readFileSync(join(ROOT, 'size-budget.json'), 'utf8')) as { files: Record<string, number>; pages: Record<string, number> };
const CDN = join(ROOT, 'packages', 'widgets', 'dist', 'cdn');

describe('size budget', () => {
  it.each(Object.entries(budget.files))('%s stays within %i bytes gzipped', (file, limit) => {
    const size = gzipBytes(join(ROOT, file));
    expect(size, `${file} is ${size} bytes gzipped`).toBeLessThanOrEqual(limit);
  });

  it.each(Object.entries(budget.pages))('a page with %s loads at most %i bytes of JS, gzipped', (page, limit) => {
    const size = pageWeights(CDN)[page];
    expect(size, `a page with ${page} loads ${size} bytes gzipped`).toBeLessThanOrEqual(limit);
  });

  it('gives a page with only the helpdesk card the guard’s shapes of the datasets it reads, not those of the services or events', () => {
    const loader = readFileSync(join(CDN, 'brusano-widgets.js'), 'utf8');
    const code = (tag: string) => loaderFiles(loader, tag, 'fr').map((file) => readFileSync(join(CDN, file), 'utf8')).join('\n');
    // Values that only the services' and the events' schemas list (publics, meeting types).
    const [servicesOnly, eventsOnly] = ['"single-parent-families"', '"concertation"'];
    expect(code('brusano-service-finder')).toContain(servicesOnly);
    expect(code('brusano-agenda')).toContain(eventsOnly);
    expect(code('brusano-helpdesk-card')).not.toContain(servicesOnly);
    expect(code('brusano-helpdesk-card')).not.toContain(eventsOnly);
    expect(code('brusano-helpdesk-card')).toContain('"professionals"'); // a helpdesk's audience: its own shape is there
  });

  it('covers the loader, every one-file bundle and every element', () => {
    expect(Object.keys(budget.files).sort()).toEqual([
      'packages/widgets/dist/cdn/brusano-agenda.js',
      'packages/widgets/dist/cdn/brusano-helpdesk-card.js',
      'packages/widgets/dist/cdn/brusano-service-finder.js',
      'packages/widgets/dist/cdn/brusano-widgets.js',
    ]);
    expect(Object.keys(budget.pages).sort()).toEqual(Object.keys(pageWeights(CDN)).sort());
  });
});
