// What a partner page loads from the CDN, by the loader's own list of each element's files
// (see packages/widgets/rollup.config.mjs, importTogether): gzip -9 bytes. Used by the size budget
// (test/size-budget.test.ts) and the benchmark (bench/run.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** gzip -9 bytes of a file. */
export const gzipBytes = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

/**
 * The files the loader asks for, all at once, when an element appears on a page in a language:
 * the element's chunk, its texts in that language and the chunks they import.
 * @returns {string[]} paths relative to the loader, or [] for a name the loader does not know
 */
export function loaderFiles(loader, tag, lang = 'fr') {
  const files = (list) => [...list.matchAll(/"\.\/([^"]+)"/g)].map(([, file]) => file);
  const start = loader.indexOf(`"${tag}":{element:`);
  if (start < 0) return [];
  const entry = loader.slice(start);
  // A file alone, import("./…"), or with the chunks it imports, Promise.all([import("./…"),…]).
  const imports = '(Promise\\.all\\(\\[[^\\]]*\\]|import\\("[^"]+"\\))';
  const element = new RegExp(`^"[^"]+":\\{element:\\(\\)=>${imports}`).exec(entry);
  const texts = new RegExp(`${lang}:\\(\\)=>${imports}`).exec(entry);
  if (!element || !texts) throw new Error(`page-weights: the loader's entry for ${tag} (${lang}) is not in the expected form`);
  return [...new Set([...files(element[1]), ...files(texts[1])])];
}

/**
 * The JS a page with one element loads: the loader, that element's files and its texts in the
 * page's language (French here; each language weighs about the same).
 * @returns {Record<string, number>} by element name, and 'no element' for the loader alone
 */
export function pageWeights(cdn, lang = 'fr') {
  const loader = readFileSync(join(cdn, 'brusano-widgets.js'), 'utf8');
  const weight = (file) => gzipBytes(join(cdn, file));
  const pages = { 'no element': weight('brusano-widgets.js') };
  for (const [, tag] of loader.matchAll(/"(brusano-[a-z-]+)":\{element:/g)) {
    pages[tag] = pages['no element'] + loaderFiles(loader, tag, lang).reduce((sum, file) => sum + weight(file), 0);
  }
  return pages;
}
