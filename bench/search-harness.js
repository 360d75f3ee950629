// Runs in headless Chromium: builds the search index over N services, then replays every
// keystroke of the recorded queries, for @brusano/sdk's search and for Fuse.js on the same data.
import Fuse from 'fuse.js';
import { createServiceSearch, understandQuery } from '@brusano/sdk';
import { communes } from '@brusano/sdk/reference/communes';
import { KEYSTROKES } from './queries.mjs';

const size = Number(new URLSearchParams(location.search).get('size'));
const gc = () => (globalThis.gc ? globalThis.gc() : undefined);
const heap = () => (gc(), performance.memory.usedJSHeapSize);

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Fuse.js takes seconds per keystroke on large sets: it replays an even sample of the keystrokes. */
const FUSE_SAMPLE = 60;

function replay(search, keystrokes = KEYSTROKES) {
  for (const text of keystrokes.slice(0, 20)) search(text); // warm-up
  const times = [];
  let results = 0;
  for (const text of keystrokes) {
    const start = performance.now();
    results += search(text);
    times.push(performance.now() - start);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), keystrokes: times.length, results };
}

async function run() {
  const [services, categories, sectors, leadins] = await Promise.all(
    [`data/services-${size}.json`, 'data/categories.json', 'data/sectors.json', 'data/leadins.json'].map((url) => fetch(url).then((response) => response.json())),
  );
  const heapData = heap();

  let start = performance.now();
  const ours = createServiceSearch({ services, categories, sectors, leadins });
  ours.prepare();
  const oursBuild = performance.now() - start;
  const heapOurs = heap();
  // As the finder does on every keystroke: the filter words read, then the search.
  const languages = [...new Set(services.flatMap((service) => service.languages ?? []))];
  const oursRun = replay((text) => {
    const { text: words, filters } = understandQuery(text, { communes, languages });
    return ours.search(words, filters).services.length;
  });

  const categoryText = new Map(categories.map((term) => [term.id, [term.title.fr, term.title.nl, ...Object.values(term.keywords ?? {}).flat()].join(' ')]));
  const documents = services.map((service) => ({ ...service, categoryText: service.categoryIds.map((id) => categoryText.get(id)).join(' ') }));
  const keys = [
    { name: 'name.fr', weight: 4 },
    { name: 'name.nl', weight: 4 },
    { name: 'categoryText', weight: 2 },
    { name: 'description.fr', weight: 1 },
    { name: 'description.nl', weight: 1 },
  ];
  start = performance.now();
  const fuse = new Fuse(documents, { keys, threshold: 0.3, ignoreLocation: true }, Fuse.createIndex(keys, documents));
  const fuseBuild = performance.now() - start;
  const step = Math.max(1, Math.floor(KEYSTROKES.length / FUSE_SAMPLE));
  const fuseRun = replay((text) => fuse.search(text).length, KEYSTROKES.filter((_, index) => index % step === 0));

  return {
    size,
    ours: { build: oursBuild, ...oursRun, heapIndexMB: (heapOurs - heapData) / 2 ** 20, heapTotalMB: heapOurs / 2 ** 20 },
    fuse: { build: fuseBuild, ...fuseRun },
  };
}

run().then(
  (results) => (window.__results = results),
  (error) => (window.__results = { error: String(error?.stack ?? error) }),
);
