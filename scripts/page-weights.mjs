// What a partner page loads from the CDN, by the loader's own list of each element's files
// (see packages/widgets/rollup.config.mjs, importTogether): gzip -9 bytes. Used by the size budget
// (test/size-budget.test.ts) and the benchmark (bench/run.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** gzip -9 bytes of a file. */
export const gzipBytes = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

/**
 * The JS a page with one element loads: the loader and that element's files.
 * @returns {Record<string, number>} by element name, and 'no element' for the loader alone
 */
export function pageWeights(cdn) {
  const loader = readFileSync(join(cdn, 'brusano-widgets.js'), 'utf8');
  const weight = (file) => gzipBytes(join(cdn, file));
  const pages = { 'no element': weight('brusano-widgets.js') };
  for (const [, tag, list] of loader.matchAll(/"(brusano-[a-z-]+)":\(\)=>Promise\.all\(\[([^\]]*)\]/g)) {
    pages[tag] = pages['no element'] + [...list.matchAll(/"\.\/([^"]+)"/g)].reduce((sum, [, file]) => sum + weight(file), 0);
  }
  return pages;
}
