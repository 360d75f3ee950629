/**
 * The last good copy of the feeds a page read, kept in the browser's Cache API: the files as they
 * were fetched, at most MAX_FEEDS feeds (the least recently stored goes first), so the widgets can
 * show a feed with its date when it cannot be reached. Asynchronous, in its own named cache, never
 * in the page's localStorage. Where the Cache API is missing (an http:// page) or refuses (storage
 * full, private mode), nothing is kept and everything else works.
 */
const CACHE_NAME = 'brusano-feeds-v1';
const MAX_FEEDS = 3;
/** Where a feed's list of stored files is kept: a made-up address, never fetched. */
const indexKey = (feedUrl: string) => `https://brusano.invalid/last-good?feed=${encodeURIComponent(feedUrl)}`;

interface FeedIndex {
  feedUrl: string;
  storedAt: string;
  files: string[];
}

function openCache(): Promise<Cache> | undefined {
  try {
    return (globalThis as { caches?: CacheStorage }).caches?.open(CACHE_NAME);
  } catch {
    return undefined;
  }
}

async function readIndex(cache: Cache, feedUrl: string): Promise<FeedIndex | undefined> {
  try {
    return (await (await cache.match(indexKey(feedUrl)))?.json()) as FeedIndex | undefined;
  } catch {
    return undefined;
  }
}

export interface LastGoodCopy {
  /** When the copy was stored. */
  storedAt: Date;
  /** A stored file, as it was fetched. */
  file(url: string): Promise<Response | undefined>;
}

/** The stored copy of a feed, if there is one. */
export async function lastGoodCopy(feedUrl: string): Promise<LastGoodCopy | undefined> {
  const cache = await openCache()?.catch(() => undefined);
  const index = cache && (await readIndex(cache, feedUrl));
  if (!cache || !index) return undefined;
  return {
    storedAt: new Date(index.storedAt),
    file: async (url) => (index.files.includes(url) ? ((await cache.match(url).catch(() => undefined)) ?? undefined) : undefined),
  };
}

// One write at a time: each updates the feed's list of files.
let writes: Promise<void> = Promise.resolve();

/**
 * Stores a file of a feed that was just read successfully. The response is read in the
 * background; the caller keeps its own copy (pass a clone).
 */
export function keepFile(feedUrl: string, url: string, response: Response): Promise<void> {
  writes = writes.then(() => store(feedUrl, url, response));
  return writes;
}

async function store(feedUrl: string, url: string, response: Response): Promise<void> {
  const cache = await openCache()?.catch(() => undefined);
  if (!cache) return;
  try {
    // The file is listed before it is written: a page closed in between leaves a listed file that
    // is missing (read as no copy of it), never a stored file that no list names and no eviction finds.
    const index = (await readIndex(cache, feedUrl)) ?? { feedUrl, storedAt: '', files: [] };
    const next: FeedIndex = { feedUrl, storedAt: new Date().toISOString(), files: [...new Set([...index.files, url])] };
    await cache.put(indexKey(feedUrl), new Response(JSON.stringify(next), { headers: { 'Content-Type': 'application/json' } }));
    await cache.put(url, response);
    await evictOldFeeds(cache);
  } catch {
    // Quota exceeded or storage refused: the page goes on without a stored copy.
  }
}

async function evictOldFeeds(cache: Cache): Promise<void> {
  const indexes: FeedIndex[] = [];
  for (const request of await cache.keys()) {
    if (!request.url.startsWith('https://brusano.invalid/last-good?')) continue;
    const index = (await (await cache.match(request))?.json().catch(() => undefined)) as FeedIndex | undefined;
    if (index) indexes.push(index);
  }
  indexes.sort((a, b) => b.storedAt.localeCompare(a.storedAt));
  const kept = new Set(indexes.slice(0, MAX_FEEDS).flatMap((index) => index.files));
  for (const old of indexes.slice(MAX_FEEDS)) {
    for (const file of old.files) if (!kept.has(file)) await cache.delete(file);
    await cache.delete(indexKey(old.feedUrl));
  }
}
