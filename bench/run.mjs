// `./run bench`: what a partner's visitor gets (the "real page" run of real-page.mjs: the README's
// snippet, a built feed served compressed, desktop and mobile profile, ours and the self-contained
// bundle before the loader), search latency per keystroke (ours and Fuse.js) at 1k to 50k services,
// the judged search relevance (bench/relevance: ours, MiniSearch, Orama, Fuse.js) and the gzip
// size of the CDN files, in headless Chromium and Node on this machine. Writes
// bench/results.json and the tables of BENCHMARKS.md (`node bench/run.mjs --report` rewrites them
// from results.json).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { serveFeed } from '@brusano/feed';
import { generateServices } from './generate-feed.mjs';
import { pageWeights } from '../scripts/page-weights.mjs';
import { launchForVisits, PEER_COMMIT, realPageBench } from './real-page.mjs';
import { apiLoadBench } from './api-load.mjs';
import { relevanceBench } from './relevance/run.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const out = join(here, '.out');
const SIZES = (process.env.BENCH_SIZES ?? '1000,5000,20000,50000').split(',').map(Number);
const REAL_SIZES = (process.env.BENCH_REAL_SIZES ?? '5000,20000').split(',').map(Number);
const REAL_RUNS = Number(process.env.BENCH_REAL_RUNS ?? 3);

const json = (path, value) => writeFileSync(path, JSON.stringify(value));
const reference = (name) => JSON.parse(readFileSync(join(root, 'packages', 'sdk', 'reference', `${name}.json`), 'utf8'));

function prepare() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'data'), { recursive: true });
  for (const size of SIZES) json(join(out, 'data', `services-${size}.json`), generateServices(size));
  json(join(out, 'data', 'categories.json'), reference('categories'));
  json(join(out, 'data', 'sectors.json'), reference('sectors'));
  json(join(out, 'data', 'leadins.json'), reference('leadins'));
  copyFileSync(join(here, 'search.html'), join(out, 'search.html'));
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


const CDN = join(root, 'packages', 'widgets', 'dist', 'cdn');

function measure(path) {
  const content = readFileSync(path);
  return { raw: content.length, gzip: gzipSync(content, { level: 9 }).length, brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
}

/** Every CDN file, by its name with the content hash left out (chunks/shared.styles-[hash].js). */
function sizes() {
  const files = readdirSync(CDN, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
  return Object.fromEntries(files.map((file) => [file.replace(/-[\w-]{8}\.js$/, '-[hash].js'), measure(join(CDN, file))]));
}

async function main() {
  prepare();
  await bundleHarness();
  const results = { date: new Date().toISOString(), machine: '', search: [], realPage: undefined, sizes: sizes(), pages: pageWeights(CDN) };
  const visits = await launchForVisits(puppeteer);
  try {
    results.machine = `${process.platform} ${process.arch}, Node ${process.versions.node}, ${await visits.version()}`;
    results.realPage = await realPageBench(visits, { sizes: REAL_SIZES, runs: REAL_RUNS });
  } finally {
    await visits.close();
  }
  // The HSDS API of brusano-feed serve, on the largest built feed of the real-page run.
  const apiSize = Math.max(...REAL_SIZES);
  results.api = { size: apiSize, ...(await apiLoadBench(join(out, 'real', 'feeds', String(apiSize)))) };
  console.log(`api ${apiSize}: one page ${results.api.onePage.requestsPerSecond} req/s (p99 ${results.api.onePage.p99} ms), searches ${results.api.searches.requestsPerSecond} req/s (p99 ${results.api.searches.p99} ms)`);
  const server = await serveFeed(out);
  const browser = await puppeteer.launch({
    protocolTimeout: 30 * 60_000,
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
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
  } finally {
    await browser.close();
    await server.close();
  }
  results.relevance = await relevanceBench();
  writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeBenchmarksMd(results);
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

/** The judged relevance benchmark (bench/relevance), ours against the peers, with its goals. */
function relevanceTable({ relevance }) {
  if (!relevance) return '';
  const names = { ours: 'ours (finder)', minisearch: 'MiniSearch, common settings', orama: 'Orama, FR + NL stemmers', fuse: 'Fuse.js' };
  const percent = (value) => `${(value * 100).toFixed(1)} %`;
  const rows = Object.entries(relevance.results)
    .map(([name, result]) => `| ${names[name] ?? name} | ${percent(result.successAt10)} | ${percent(result.precisionAt10)} | ${result.mrr.toFixed(3)} | ${result.noResult} |`)
    .join('\n');
  const ours = relevance.results.ours;
  const peers = Object.entries(relevance.results).filter(([name]) => name !== 'ours').map(([, result]) => result);
  const ahead = (key, higher = true) => peers.every((peer) => (higher ? ours[key] > peer[key] : ours[key] < peer[key]));
  const verdict = (met) => (met ? 'met' : '**not met**');
  return `### Search relevance: ${relevance.queries} judged queries over ${relevance.services.toLocaleString('en')} generated services

The queries (FR, NL, EN; colloquial words, acronyms, typos, filter words, communes, long phrases)
and how they were judged are in \`bench/relevance/judged-queries.mjs\`: a service is relevant when
one of its Bruxelles Social categories is one a professional accepts for the query and it meets
the query's filter words. Peers index each service's name, description and its categories'
titles and keywords; they have no lead-ins or filter words (that is what ours adds).

| engine | success@10 | precision@10 | MRR | queries with no result |
|---|---:|---:|---:|---:|
${rows}

| goal | measured | |
|---|---:|---|
| success@10 ≥ 97 %, ahead of every peer | ${percent(ours.successAt10)} | ${verdict(ours.successAt10 >= 0.97 && ahead('successAt10'))} |
| precision@10 ≥ 75 %, ahead of every peer | ${percent(ours.precisionAt10)} | ${verdict(ours.precisionAt10 >= 0.75 && ahead('precisionAt10'))} |
| MRR ≥ 0.9, ahead of every peer | ${ours.mrr.toFixed(3)} | ${verdict(ours.mrr >= 0.9 && ahead('mrr'))} |
| no query without a result, fewer than every peer | ${ours.noResult} | ${verdict(ours.noResult === 0 && ahead('noResult', false))} |`;
}
const seconds = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** The goals of the "light and instant at real size" issue, each met or not, from the measures. */
function goals(results) {
  const row = (variant, size, profile) => results.realPage.finder.find((entry) => entry.variant === variant && entry.size === size && entry.profile === profile);
  const lines = [];
  const check = (label, value, ok) => lines.push(`| ${label} | ${value} | ${ok ? 'met' : '**not met**'} |`);
  const { pages } = results;
  check('loader ≤ 6 kB gzip', kb(pages['no element']), pages['no element'] <= 6000);
  // As a visit loads it: the card asked about a postal code also loads the territory look-up.
  const helpdesk = results.realPage.pages['ours/helpdesk']?.jsGzip ?? pages['brusano-helpdesk-card'];
  check('page with only the helpdesk card (asked about a postal code) ≤ 20 kB of JS, gzip', kb(helpdesk), helpdesk <= 20_000);
  const desktop5 = row('ours', 5000, 'desktop');
  const desktop20 = row('ours', 20000, 'desktop');
  const mobile5 = row('ours', 5000, 'mobile');
  const mobile20 = row('ours', 20000, 'mobile');
  // On the mobile profile: on a desktop, the search's chunk, asked for once the first results are
  // drawn, can arrive before the frame that shows them is painted and count as "before".
  if (mobile5) check('finder: JS before first results ≤ 40 kB gzip (mobile profile)', kb(mobile5.jsGzipBeforeFirstResults), mobile5.jsGzipBeforeFirstResults <= 40_000);
  for (const entry of [desktop5, desktop20]) if (entry) check(`first results ≤ 300 ms, desktop, ${entry.size.toLocaleString('en')} services`, seconds(entry.firstResults), entry.firstResults <= 300);
  for (const entry of [mobile5, mobile20]) if (entry) check(`first results ≤ 2.5 s, mobile profile, ${entry.size.toLocaleString('en')} services`, seconds(entry.firstResults), entry.firstResults <= 2500);
  for (const [label, small, large] of [['desktop', desktop5, desktop20], ['mobile profile', mobile5, mobile20]]) {
    if (small && large) check(`first results at 20 000 ≤ 1.3 × at 5 000, ${label}`, `${(large.firstResults / small.firstResults).toFixed(2)}×`, large.firstResults <= 1.3 * small.firstResults);
  }
  if (mobile20) check('whole directory searchable ≤ 5 s, mobile profile, 20 000 services', seconds(mobile20.searchable), mobile20.searchable <= 5000);
  if (desktop20) check('no main-thread task over 50 ms while loading, desktop, 20 000', `${desktop20.longestTaskLoading.toFixed(0)} ms`, desktop20.longestTaskLoading <= 50);
  if (desktop20) check('no main-thread task over 50 ms while typing, desktop, 20 000', `${desktop20.longestTaskTyping.toFixed(0)} ms`, desktop20.longestTaskTyping <= 50);
  const search20 = results.search.find((entry) => entry.size === 20000);
  if (search20) check('search p95 ≤ 4 ms per keystroke at 20 000', `${search20.ours.p95.toFixed(1)} ms`, search20.ours.p95 <= 4);
  if (desktop20) check('JS heap of the page ≤ 40 MB at 20 000', `${desktop20.heapMB.toFixed(1)} MB`, desktop20.heapMB <= 40);
  for (const [size, bytes] of Object.entries(results.realPage.feedBytesPer1000)) {
    check(`feed, brotli, per 1 000 services ≤ half of the plain files (${Number(size).toLocaleString('en')} services)`, `${kb(bytes.compact)} (plain: ${kb(bytes.plain)})`, bytes.compact <= bytes.plain / 2);
  }
  return ['| goal | measured | |', '|---|---:|---|', ...lines].join('\n');
}

function realPageTable(results) {
  const row = (cells) => `| ${cells.join(' | ')} |`;
  const lines = results.realPage.finder.map((entry) =>
    row([
      entry.variant === 'ours' ? 'loader + built feed' : 'self-contained bundle (before)',
      entry.size.toLocaleString('en'),
      entry.profile,
      seconds(entry.firstResults),
      seconds(entry.searchable),
      kb(entry.jsGzipBeforeFirstResults),
      `${entry.longestTaskLoading.toFixed(0)} / ${entry.longestTaskTyping.toFixed(0)} ms`,
      `${entry.heapMB.toFixed(1)} MB`,
      kb(entry.feedBytes),
    ]),
  );
  return [
    '| page | services | profile | first results | whole directory searchable | JS before first results (gzip) | longest task, loading / typing | JS heap | feed transferred |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|',
    ...lines,
  ].join('\n');
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
  const pages = Object.entries(results.pages)
    .map(([page, gzip]) => row([page === 'no element' ? 'the snippet, no element on the page' : `\`<${page}>\` alone`, kb(gzip)]))
    .join('\n');
  const { realPage } = results;
  const generated = `<!-- bench:start -->
Measured ${results.date.slice(0, 10)} on ${results.machine}, with \`./run bench\`.

### What a visitor gets: the README's snippet on a page, a built feed

The page has the README's one script tag (the widgets from another origin, as from a CDN) and a
\`<brusano-service-finder>\`; the feed is made by \`brusano-feed build\` from ${realPage.sizes.map((size) => size.toLocaleString('en')).join(' and ')}
generated services and served with its brotli copies; each visit is a fresh browser context
(empty cache), the clock starts at navigation. Desktop: no throttling, a 1350 × 940 screen. Mobile
profile: DevTools' "Slow 4G" (562.5 ms latency, 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up), a 4× CPU
slowdown and a phone's 412 × 823 screen at 1.75 pixels per point (the screens are Lighthouse's).
Median of ${realPage.runs} visits. "Whole directory searchable": a word typed then gets its answer
over every service. "Before" is the self-contained bundle of commit ${PEER_COMMIT}, which loaded
and validated the whole feed before its first card, on the same feed's plain files.

${realPageTable(results)}

### Against the goals

${goals(results)}

### JS a page loads (gzip -9), by the loader's own list of each element's files

What the loader asks for at once when the element appears. Chunks an element loads later come on
top: the territory look-up when a helpdesk card has a place to look up (the goal above counts it),
the search once the finder's first results are shown.

| page | JS |
|---|---:|
${pages}

### Search, per keystroke (${results.search[0]?.ours.keystrokes ?? 0} keystrokes of 16 recorded queries)

| services | ours p50 (ms) | ours p95 (ms) | ours index build (ms) | ours index heap (MB) | JS heap, data + index (MB) | Fuse.js p50 (ms) | Fuse.js p95 (ms) | Fuse.js index build (ms) | Fuse.js p95 / ours p95 |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${search}

"Ours" is what the finder does on every keystroke: \`understandQuery()\` reads the filter words, then
\`createServiceSearch().search()\` — full text with lead-ins, French and Dutch stemming, prefix and
typo tolerance, partial matches ranked after full ones, filters and all facet counts. Fuse.js 7 runs on the same
services with the same weighted fields (threshold 0.3, location ignored), text only, on an even
sample of ${results.search[0]?.fuse.keystrokes ?? 0} of the keystrokes (it takes up to seconds per keystroke at 50 000).

${relevanceTable(results)}

${apiTable(results)}

### CDN files (bytes)

| file | raw | gzip -9 | brotli 11 |
|---|---:|---:|---:|
${bundles}
<!-- bench:end -->`;
  const path = join(root, 'BENCHMARKS.md');
  const current = readFileSync(path, 'utf8');
  writeFileSync(path, current.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, generated));
}

function apiTable({ api }) {
  if (!api) return '';
  const row = (cells) => `| ${cells.join(' | ')} |`;
  const line = (name, run) => row([name, run.requestsPerSecond.toLocaleString('en'), `${run.p50} ms`, `${run.p99} ms`, String(run.non2xx + run.errors + run.timeouts)]);
  return `### HSDS API of \`brusano-feed serve\` (autocannon, ${api.connections} connections, ${api.seconds} s, brotli)

On the built feed of ${api.size.toLocaleString('en')} services, the same machine running server and load.

| requests | requests/s | p50 | p99 | errors |
|---|---:|---:|---:|---:|
${line('`/services?page=1&per_page=50`, the same page again and again', api.onePage)}
${line('`/services?search=…&page=…&per_page=…`, a different query each time', api.searches)}`;
}

if (process.argv.includes('--report')) writeBenchmarksMd(JSON.parse(readFileSync(join(here, 'results.json'), 'utf8')));
else await main();
