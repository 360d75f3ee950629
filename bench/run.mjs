// `./run bench`: search latency per keystroke (ours and Fuse.js) at 1k, 5k, 20k and 50k
// services, index build time and heap, time to first results with 5k services, and the gzip
// size of every bundle, all in headless Chromium on this machine. Writes bench/results.json
// and the tables of BENCHMARKS.md (`node bench/run.mjs --report` rewrites them from results.json).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { serveFeed } from '@brusano/feed';
import { generateFeed, generateServices } from './generate-feed.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const out = join(here, '.out');
const SIZES = (process.env.BENCH_SIZES ?? '1000,5000,20000,50000').split(',').map(Number);
const FIRST_RESULTS_RUNS = 5;

const json = (path, value) => writeFileSync(path, JSON.stringify(value));
const reference = (name) => JSON.parse(readFileSync(join(root, 'packages', 'sdk', 'reference', `${name}.json`), 'utf8'));

function prepare() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'data'), { recursive: true });
  for (const size of SIZES) json(join(out, 'data', `services-${size}.json`), generateServices(size));
  json(join(out, 'data', 'categories.json'), reference('categories'));
  json(join(out, 'data', 'sectors.json'), reference('sectors'));
  const feed = generateFeed(5000);
  mkdirSync(join(out, 'feed-5000'));
  json(join(out, 'feed-5000', 'manifest.json'), feed.manifest);
  for (const [name, records] of Object.entries(feed.datasets)) json(join(out, 'feed-5000', `${name}.json`), records);
  mkdirSync(join(out, 'widgets'));
  for (const file of readdirSync(join(root, 'packages', 'widgets', 'dist', 'cdn'))) copyFileSync(join(root, 'packages', 'widgets', 'dist', 'cdn', file), join(out, 'widgets', file));
  for (const file of ['search.html', 'first-results.html', 'mark-start.js']) copyFileSync(join(here, file), join(out, file));
}

async function bundleHarness() {
  await build({
    entryPoints: [join(here, 'search-harness.js')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: join(out, 'search-harness.out.js'),
    nodePaths: [join(root, 'node_modules'), join(root, 'packages', 'sdk', 'node_modules')],
    logLevel: 'error',
  });
}

async function waitFor(page, expression, timeout) {
  await page.waitForFunction(expression, { timeout, polling: 100 });
  return page.evaluate(expression);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function sizes() {
  const files = [
    ...readdirSync(join(root, 'packages', 'widgets', 'dist', 'cdn')).filter((file) => file.endsWith('.js')).map((file) => ['widgets/dist/cdn/' + file, join(root, 'packages', 'widgets', 'dist', 'cdn', file)]),
    ...readdirSync(join(root, 'packages', 'sdk', 'dist')).filter((file) => file.endsWith('.js')).map((file) => ['sdk/dist/' + file, join(root, 'packages', 'sdk', 'dist', file)]),
  ];
  return Object.fromEntries(
    files.map(([name, path]) => {
      const content = readFileSync(path);
      return [name, { raw: content.length, gzip: gzipSync(content, { level: 9 }).length, brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length }];
    }),
  );
}

async function main() {
  prepare();
  await bundleHarness();
  const server = await serveFeed(out);
  const browser = await puppeteer.launch({
    protocolTimeout: 30 * 60_000,
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  const results = { date: new Date().toISOString(), machine: `${process.platform} ${process.arch}, Node ${process.versions.node}, ${browser ? await browser.version() : ''}`, search: [], firstResults: {}, sizes: sizes() };
  try {
    for (const size of SIZES) {
      const page = await browser.newPage();
      await page.goto(`${server.url}search.html?size=${size}`);
      const result = await waitFor(page, 'window.__results', 10 * 60_000);
      if (result.error) throw new Error(result.error);
      results.search.push(result);
      console.log(`search ${size}: ours p50 ${result.ours.p50.toFixed(2)} ms, p95 ${result.ours.p95.toFixed(2)} ms, build ${result.ours.build.toFixed(0)} ms, heap ${result.ours.heapTotalMB.toFixed(1)} MB; Fuse.js p95 ${result.fuse.p95.toFixed(2)} ms`);
      await page.close();
    }
    const runs = [];
    for (let run = 0; run < FIRST_RESULTS_RUNS; run++) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.goto(`${server.url}first-results.html`);
      runs.push(await waitFor(page, 'window.__firstResults', 60_000));
      await context.close();
    }
    results.firstResults = { services: 5000, runs: runs.length, sinceScriptStart: median(runs.map((run) => run.sinceScriptStart)), sinceNavigation: median(runs.map((run) => run.sinceNavigation)) };
    console.log(`first results with 5000 services: ${results.firstResults.sinceScriptStart.toFixed(0)} ms after script start (median of ${runs.length})`);
  } finally {
    await browser.close();
    await server.close();
  }
  writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeBenchmarksMd(results);
}

function targets(results) {
  const at = (size) => results.search.find((result) => result.size === size);
  const bundle = (name) => results.sizes[`widgets/dist/cdn/${name}.js`]?.gzip;
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  const lines = [];
  const check = (label, value, ok) => lines.push(`| ${label} | ${value} | ${ok ? 'met' : '**not met**'} |`);
  const s20 = at(20000);
  const s5 = at(5000);
  const s50 = at(50000);
  if (s20) check('p95 ≤ 4 ms per keystroke at 20 000', `${s20.ours.p95.toFixed(1)} ms`, s20.ours.p95 <= 4);
  if (s20) check('≥ 20× faster than Fuse.js at 20 000 (p95)', `${(s20.fuse.p95 / s20.ours.p95).toFixed(0)}×`, s20.fuse.p95 / s20.ours.p95 >= 20);
  if (s5 && s50) check('p95 at 50 000 ≤ 3 × p95 at 5 000', `${(s50.ours.p95 / s5.ours.p95).toFixed(1)}×`, s50.ours.p95 <= 3 * s5.ours.p95);
  check('first results ≤ 300 ms at 5 000', `${results.firstResults.sinceScriptStart.toFixed(0)} ms`, results.firstResults.sinceScriptStart <= 300);
  if (s20) check('heap ≤ 40 MB at 20 000 (the search index)', `${s20.ours.heapIndexMB.toFixed(1)} MB (${s20.ours.heapTotalMB.toFixed(1)} MB with the services themselves)`, s20.ours.heapIndexMB <= 40);
  check('all three widgets ≤ 25 kB gzip in one bundle', kb(bundle('brusano-widgets')), bundle('brusano-widgets') <= 25_000);
  check('helpdesk card alone ≤ 12 kB gzip', kb(bundle('brusano-helpdesk-card')), bundle('brusano-helpdesk-card') <= 12_000);
  return ['| target | measured | |', '|---|---:|---|', ...lines].join('\n');
}

function writeBenchmarksMd(results) {
  const row = (cells) => `| ${cells.join(' | ')} |`;
  const ms = (value) => value.toFixed(value < 10 ? 2 : 0);
  const search = results.search
    .map((result) =>
      row([
        result.size.toLocaleString('en'),
        ms(result.ours.p50),
        ms(result.ours.p95),
        ms(result.ours.build),
        result.ours.heapIndexMB.toFixed(1),
        result.ours.heapTotalMB.toFixed(1),
        ms(result.fuse.p50),
        ms(result.fuse.p95),
        ms(result.fuse.build),
        `${(result.fuse.p95 / result.ours.p95).toFixed(0)}×`,
      ]),
    )
    .join('\n');
  const bundles = Object.entries(results.sizes)
    .map(([name, size]) => row([`\`${name}\``, size.raw.toLocaleString('en'), size.gzip.toLocaleString('en'), size.brotli.toLocaleString('en')]))
    .join('\n');
  const generated = `<!-- bench:start -->
Measured ${results.date.slice(0, 10)} on ${results.machine}, with \`./run bench\`.

### Search, per keystroke (${results.search[0]?.ours.keystrokes ?? 0} keystrokes of ${'16'} recorded queries)

| services | ours p50 (ms) | ours p95 (ms) | ours index build (ms) | ours index heap (MB) | JS heap, data + index (MB) | Fuse.js p50 (ms) | Fuse.js p95 (ms) | Fuse.js index build (ms) | Fuse.js p95 / ours p95 |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${search}

"Ours" is \`createServiceSearch().search()\` as the finder calls it on every keystroke: full text
with synonyms, prefix and typo tolerance, filters and all facet counts. Fuse.js 7 runs on the same
services with the same weighted fields (threshold 0.3, location ignored), text only, on an even
sample of ${results.search[0]?.fuse.keystrokes ?? 0} of the keystrokes (it takes up to seconds per keystroke at 50 000).

### First results painted, 5 000 services

${ms(results.firstResults.sinceScriptStart)} ms from the first script's start to the first result cards on screen (median of ${results.firstResults.runs} cold page loads): download of the bundle and of the feed (${(5000).toLocaleString('en')} services) from 127.0.0.1, validation of every record, facet preparation, render. The full-text index is built afterwards, when the page is idle.

### Against the targets

${targets(results)}

### Bundle sizes (bytes)

| file | raw | gzip -9 | brotli 11 |
|---|---:|---:|---:|
${bundles}
<!-- bench:end -->`;
  const path = join(root, 'BENCHMARKS.md');
  const current = readFileSync(path, 'utf8');
  writeFileSync(path, current.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, generated));
}

if (process.argv.includes('--report')) writeBenchmarksMd(JSON.parse(readFileSync(join(here, 'results.json'), 'utf8')));
else await main();
