// The "real page" benchmark: what a partner's visitor gets. The README's one-tag snippet on a
// page, a feed made by `brusano-feed build` served precompressed (brotli) by a static server, a
// fresh browser context (empty cache) per run, the clock from navigation start. On a desktop
// (no throttling) and on the mobile profile Lighthouse grades pages on: DevTools' "Slow 4G"
// (562.5 ms latency, 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up) with a 4× CPU slowdown, on a
// phone's screen.
//
// Measured per run: first result card painted; the whole directory searchable (a query typed
// then gives its answer over every service); JS bytes before first results; the longest
// main-thread task while loading and while typing; the page's JS heap at the end. The same run
// with the self-contained bundle of PEER_COMMIT (before the loader) is the peer.
//
//   node bench/real-page.mjs            every size, both profiles, ours and the peer
//   BENCH_REAL_SIZES=5000 BENCH_REAL_RUNS=1 node bench/real-page.mjs
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { buildFeed, serveFeed } from '@brusano/feed';
import { generateFeed } from './generate-feed.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const out = join(here, '.out', 'real');

/** The last commit with the self-contained bundle: every page loaded all three elements, the SDK and the whole feed. */
export const PEER_COMMIT = 'fc4a1aa';

export const PROFILES = {
  // The screens are Lighthouse's too: a desktop's, and a phone's (a Moto G Power, the device of its mobile run).
  desktop: { network: undefined, cpu: 1, viewport: { width: 1350, height: 940, deviceScaleFactor: 1 } },
  mobile: {
    // Chrome DevTools' "Slow 4G" preset, as Lighthouse's mobile run uses it.
    network: { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000 * 0.9) / 8, uploadThroughput: (750 * 1000 * 0.9) / 8 },
    cpu: 4,
    viewport: { width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
  },
};

/** What a visitor types once the directory is searchable: its answer must cover every service. */
const PROBE_QUERY = 'logement';
/** Typed key by key afterwards, to catch long tasks while typing. */
const TYPED = 'aide alimentaire';

function compressCopies(directory) {
  for (const file of readdirSync(directory)) {
    const path = join(directory, file);
    if (statSync(path).isDirectory()) compressCopies(path);
    else if (/\.(js|html|json)$/.test(file) && !existsSync(`${path}.br`)) {
      const bytes = readFileSync(path);
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
  }
}

/**
 * Builds the widgets of PEER_COMMIT once, in a git worktree that borrows this checkout's
 * node_modules (the dependencies of that commit are the same versions), and returns their CDN folder.
 */
export function peerBundles() {
  const cdn = join(here, '.out', `peer-${PEER_COMMIT}`, 'cdn');
  if (existsSync(join(cdn, 'brusano-widgets.js'))) return cdn;
  const tree = join(here, '.out', `peer-${PEER_COMMIT}`, 'tree');
  rmSync(tree, { recursive: true, force: true });
  execFileSync('git', ['worktree', 'prune'], { cwd: root });
  execFileSync('git', ['worktree', 'add', '--detach', '--force', tree, PEER_COMMIT], { cwd: root, stdio: 'ignore' });
  try {
    symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'));
    for (const pkg of ['sdk', 'widgets']) cpSync(join(root, 'packages', pkg, 'node_modules'), join(tree, 'packages', pkg, 'node_modules'), { recursive: true, verbatimSymlinks: true });
    // That commit built the SDK with tsup, which the CLI package still uses: lend it.
    symlinkSync(readlinkSync(join(root, 'packages', 'feed', 'node_modules', 'tsup')), join(tree, 'packages', 'sdk', 'node_modules', 'tsup'));
    const run = (cwd, command, args) => execFileSync(command, args, { cwd: join(tree, cwd), stdio: 'ignore' });
    run('packages/sdk', 'node', ['scripts/generate.mjs']);
    run('packages/sdk', 'node', ['node_modules/tsup/dist/cli-default.js']);
    run('packages/widgets', 'node', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
    run('packages/widgets', 'node', ['node_modules/rollup/dist/bin/rollup', '-c', 'rollup.config.mjs']);
    mkdirSync(cdn, { recursive: true });
    cpSync(join(tree, 'packages', 'widgets', 'dist', 'cdn'), cdn, { recursive: true });
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: root, stdio: 'ignore' });
  }
  return cdn;
}

const SNIPPET = (cdn, feed, body) => `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Partner page</title>
  <script type="module" src="${cdn}/brusano-widgets.js"></script>
</head>
<body>
  <main>
    <h1>Coordination sociale</h1>
    ${body.replaceAll('FEED', feed)}
  </main>
</body>
</html>`;

/** Writes the site: for ours and the peer, the widgets, and the built feeds (pages come with the servers). */
export async function prepareSite(sizes) {
  rmSync(out, { recursive: true, force: true });
  const variants = { ours: join(root, 'packages', 'widgets', 'dist', 'cdn'), peer: peerBundles() };
  for (const size of sizes) {
    const source = join(here, '.out', 'real-source', String(size));
    rmSync(source, { recursive: true, force: true });
    mkdirSync(source, { recursive: true });
    const feed = generateFeed(size);
    writeFileSync(join(source, 'manifest.json'), JSON.stringify({ ...feed.manifest, generatedAt: '2026-11-28T00:00:00Z' }));
    for (const [name, records] of Object.entries(feed.datasets)) writeFileSync(join(source, `${name}.json`), JSON.stringify(records));
    await buildFeed(source, join(out, 'feeds', String(size)));
    // The peer reads the feed format of its day: the same datasets, without what later builds add to the manifest.
    const peerFeed = join(out, 'feeds-peer', String(size));
    cpSync(join(out, 'feeds', String(size)), peerFeed, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(peerFeed, 'manifest.json'), 'utf8'));
    delete manifest.browser;
    delete manifest.datasets.leadins;
    for (const file of ['manifest.json.br', 'manifest.json.gz']) rmSync(join(peerFeed, file), { force: true });
    writeFileSync(join(peerFeed, 'manifest.json'), JSON.stringify(manifest));
  }
  for (const [variant, cdn] of Object.entries(variants)) {
    const dir = join(out, variant);
    mkdirSync(dir, { recursive: true });
    cpSync(cdn, join(dir, 'widgets'), { recursive: true, filter: (path) => !path.endsWith('.map') });
  }
  compressCopies(out);
  return out;
}

/** The partner pages: the README's snippet, the widgets from the CDN's origin, the feed from the page's. */
function writePages(sizes, cdnOrigin) {
  for (const variant of ['ours', 'peer']) {
    const dir = join(out, variant);
    const cdn = `${cdnOrigin}/${variant}/widgets`;
    const feeds = variant === 'peer' ? 'feeds-peer' : 'feeds';
    for (const size of sizes) writeFileSync(join(dir, `finder-${size}.html`), SNIPPET(cdn, `../${feeds}/${size}/manifest.json`, '<brusano-service-finder feed="FEED"></brusano-service-finder>'));
    writeFileSync(join(dir, 'helpdesk.html'), SNIPPET(cdn, `../${feeds}/${sizes[0]}/manifest.json`, '<brusano-helpdesk-card feed="FEED" postal-code="1090"></brusano-helpdesk-card>'));
    writeFileSync(join(dir, 'empty.html'), SNIPPET(cdn, '', '<p>Pas de widget sur cette page.</p>'));
  }
}

/** Runs in the page before anything else: long tasks, and the moments the bench waits for. */
const PROBE = `(() => {
  const bench = (window.__bench = { longtasks: [], marks: {} });
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) bench.longtasks.push([entry.startTime, entry.duration]); }).observe({ type: 'longtask', buffered: true });
  // A finder's first result card; the helpdesk card's answer (its frame alone, shown at once, is no answer).
  const shown = () => document.querySelector('brusano-service-finder')?.shadowRoot?.querySelector('.card') ?? document.querySelector('brusano-helpdesk-card')?.shadowRoot?.querySelector('.helpdesk');
  function watch() {
    if (!bench.marks.firstResults && shown()) {
      // The cards are in the DOM: the frame that shows them is painted before the task after the next frame.
      requestAnimationFrame(() => setTimeout(() => (bench.marks.firstResults ??= performance.now())));
      return;
    }
    requestAnimationFrame(watch);
  }
  watch();
})();`;

function median(values) {
  const sorted = values.filter((value) => typeof value === 'number').sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : undefined;
}

async function finderState(page) {
  return page.evaluate(() => {
    const root = document.querySelector('brusano-service-finder')?.shadowRoot;
    return {
      count: root?.querySelector('.count')?.textContent?.trim() ?? '',
      // Ours says so while the rest of the directory loads; the peer has loaded everything before its first card.
      loading: Boolean(root?.querySelector('[data-loading-directory]')),
      query: root?.querySelector('#query')?.value ?? '',
    };
  });
}

/** One cold visit: a new browser context (empty cache), the profile's throttling, navigation, measures. */
async function visit(browser, url, profile, { finder = false, widget = true } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(profile.viewport);
  const cdp = await page.createCDPSession();
  // The network domain is on only for throttling, without DevTools keeping copies of the bodies:
  // those copies cost the page long tasks that a visitor's browser never has.
  await cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
  if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  await page.evaluateOnNewDocument(PROBE);
  await page.goto(url, { waitUntil: widget ? 'domcontentloaded' : 'load', timeout: 120_000 });
  if (!widget) await new Promise((resolve) => setTimeout(resolve, 1000));
  if (widget) {
    await page.waitForFunction('window.__bench.marks.firstResults', { timeout: 120_000, polling: 50 }).catch((error) => {
      throw new Error(`no first results on ${url} (${profile.cpu > 1 ? 'mobile' : 'desktop'})`, { cause: error });
    });
  }
  const result = { firstResults: await page.evaluate(() => window.__bench.marks.firstResults ?? performance.now()) };
  // The scripts loaded before the first results: their bytes as sent (brotli) and as gzip -9.
  const scripts = await page.evaluate(
    (until) => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.js')).map((entry) => ({ path: new URL(entry.name).pathname, bytes: entry.encodedBodySize, before: entry.responseEnd <= until })),
    result.firstResults,
  );
  const gzipOf = (path) => gzipSync(readFileSync(join(out, path)), { level: 9 }).length;
  result.jsBytesBeforeFirstResults = scripts.filter((script) => script.before).reduce((sum, script) => sum + script.bytes, 0);
  result.jsGzipBeforeFirstResults = scripts.filter((script) => script.before).reduce((sum, script) => sum + gzipOf(script.path), 0);
  result.jsGzipTotal = scripts.reduce((sum, script) => sum + gzipOf(script.path), 0);
  if (finder) {
    // The directory is searchable when nothing is loading any more and a query gets its answer.
    await page.waitForFunction(() => !document.querySelector('brusano-service-finder')?.shadowRoot?.querySelector('[data-loading-directory]'), { timeout: 180_000, polling: 50 });
    await page.evaluate((query) => {
      const input = document.querySelector('brusano-service-finder').shadowRoot.querySelector('#query');
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, PROBE_QUERY);
    await page.waitForFunction(() => {
      const root = document.querySelector('brusano-service-finder').shadowRoot;
      return root.querySelector('#query').value && !root.querySelector('[data-loading-directory]') && root.querySelector('.card, .empty');
    }, { timeout: 60_000, polling: 'raf' });
    result.searchable = await page.evaluate(() => performance.now());
    result.probeCount = (await finderState(page)).count;
    result.longestTaskLoading = await page.evaluate((until) => Math.max(0, ...window.__bench.longtasks.filter(([start]) => start <= until).map(([, duration]) => duration)), result.searchable);
    // Typing, key by key, as a person does.
    const typingStart = await page.evaluate(() => {
      const input = document.querySelector('brusano-service-finder').shadowRoot.querySelector('#query');
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.focus();
      return performance.now();
    });
    await page.keyboard.type(TYPED, { delay: 120 });
    await new Promise((resolve) => setTimeout(resolve, 1000 * profile.cpu));
    result.longestTaskTyping = await page.evaluate((from) => Math.max(0, ...window.__bench.longtasks.filter(([start]) => start >= from).map(([, duration]) => duration)), typingStart);
    result.typedCount = (await finderState(page)).count;
  }
  result.jsBytesTotal = await page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.js')).reduce((sum, entry) => sum + entry.encodedBodySize, 0));
  result.feedBytes = await page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/feeds')).reduce((sum, entry) => sum + entry.encodedBodySize, 0));
  await cdp.send('HeapProfiler.collectGarbage');
  result.heapMB = (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
  await context.close();
  return result;
}

/** Bytes of what the finder needs for the whole directory, brotli, per 1 000 services. */
function feedBytesPer1000(size) {
  const feed = join(out, 'feeds', String(size));
  const manifest = JSON.parse(readFileSync(join(feed, 'manifest.json'), 'utf8'));
  const brotli = (file) => statSync(join(feed, `${file}.br`)).size;
  const plain = brotli(manifest.datasets.services.url);
  const compact = manifest.browser ? brotli(manifest.browser.services.url) : undefined;
  return { plain: (plain / size) * 1000, compact: compact === undefined ? undefined : (compact / size) * 1000 };
}

/** Chromium as a visitor has it: no DevTools network monitoring (see visit()). */
export function launchForVisits(puppeteer) {
  return puppeteer.launch({
    protocolTimeout: 30 * 60_000,
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    networkEnabled: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export async function realPageBench(browser, { sizes = [5000, 20000], runs = 3, log = console.log } = {}) {
  await prepareSite(sizes);
  const server = await serveFeed(out);
  // The widgets come from a CDN, as the README's snippet has it: another origin (CORS allowed).
  const cdn = await serveFeed(out);
  writePages(sizes, cdn.url.replace(/\/$/, ''));
  const results = { sizes, runs, finder: [], pages: {}, feedBytesPer1000: Object.fromEntries(sizes.map((size) => [size, feedBytesPer1000(size)])) };
  try {
    for (const variant of ['ours', 'peer']) {
      for (const page of ['empty', 'helpdesk']) {
        const visits = [];
        for (let run = 0; run < runs; run++) visits.push(await visit(browser, `${server.url}${variant}/${page}.html`, PROFILES.desktop, { widget: page !== 'empty' }));
        results.pages[`${variant}/${page}`] = { jsBytes: median(visits.map((v) => v.jsBytesTotal)), jsGzip: median(visits.map((v) => v.jsGzipTotal)), firstPaint: median(visits.map((v) => v.firstResults)) };
      }
    }
    for (const size of sizes) {
      for (const [profileName, profile] of Object.entries(PROFILES)) {
        for (const variant of ['ours', 'peer']) {
          const visits = [];
          for (let run = 0; run < runs; run++) visits.push(await visit(browser, `${server.url}${variant}/finder-${size}.html`, profile, { finder: true }));
          const row = {
            variant,
            size,
            profile: profileName,
            firstResults: median(visits.map((v) => v.firstResults)),
            searchable: median(visits.map((v) => v.searchable)),
            jsBytesBeforeFirstResults: median(visits.map((v) => v.jsBytesBeforeFirstResults)),
            jsGzipBeforeFirstResults: median(visits.map((v) => v.jsGzipBeforeFirstResults)),
            longestTaskLoading: median(visits.map((v) => v.longestTaskLoading)),
            longestTaskTyping: median(visits.map((v) => v.longestTaskTyping)),
            heapMB: median(visits.map((v) => v.heapMB)),
            feedBytes: median(visits.map((v) => v.feedBytes)),
            probeCount: visits[0].probeCount,
            typedCount: visits[0].typedCount,
          };
          results.finder.push(row);
          log(`real page ${variant} ${size} ${profileName}: first results ${row.firstResults.toFixed(0)} ms, searchable ${row.searchable.toFixed(0)} ms, JS before ${(row.jsGzipBeforeFirstResults / 1000).toFixed(1)} kB gzip (${(row.jsBytesBeforeFirstResults / 1000).toFixed(1)} kB sent), longest task ${row.longestTaskLoading.toFixed(0)} / ${row.longestTaskTyping.toFixed(0)} ms, heap ${row.heapMB.toFixed(1)} MB (${row.probeCount})`);
        }
      }
    }
  } finally {
    await server.close();
    await cdn.close();
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await launchForVisits(puppeteer);
  try {
    const sizes = (process.env.BENCH_REAL_SIZES ?? '5000,20000').split(',').map(Number);
    const results = await realPageBench(browser, { sizes, runs: Number(process.env.BENCH_REAL_RUNS ?? 3) });
    console.log(JSON.stringify(results, null, 2));
  } finally {
    await browser.close();
  }
}
