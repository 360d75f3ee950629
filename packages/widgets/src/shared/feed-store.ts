import { createClient, type Feed } from '@brusano/sdk';

// One load per feed URL for the whole page: three widgets on the same feed share it.
const loads = new Map<string, Promise<Feed>>();

/** The only thing the widgets store in the browser: the last feed that loaded, to show when a later load fails. */
export const CACHE_PREFIX = 'brusano-feed-cache:';
const lastGood = new Map<string, Feed>();

function absolute(url: string): string {
  return new URL(url, document.baseURI).href;
}

function remember(key: string, feed: Feed): void {
  lastGood.set(key, feed);
  try {
    localStorage.setItem(CACHE_PREFIX + key, JSON.stringify(feed));
  } catch {
    // Storage full, disabled or forbidden: the copy in memory still serves this page.
  }
}

/** Loads a feed through the SDK, once per URL; a failed load is forgotten so it can be tried again. */
export function loadFeed(url: string): Promise<Feed> {
  const key = absolute(url);
  let load = loads.get(key);
  if (!load) {
    load = createClient({ feedUrl: key, timeoutMs: 10_000, retries: 2 }).load();
    loads.set(key, load);
    load.then(
      (feed) => remember(key, feed),
      () => loads.delete(key),
    );
  }
  return load;
}

/** The last feed that loaded from this URL (in this page, or an earlier visit), if any. */
export function lastGoodFeed(url: string): Feed | undefined {
  const key = absolute(url);
  const inMemory = lastGood.get(key);
  if (inMemory) return inMemory;
  try {
    const stored = localStorage.getItem(CACHE_PREFIX + key);
    if (!stored) return undefined;
    const feed = JSON.parse(stored) as Feed;
    return feed && Array.isArray(feed.services) && Array.isArray(feed.problems) ? { ...feed, loadedAt: new Date(feed.loadedAt) } : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets a feed's load so the next one asks the server again (its last good copy stays). */
export function forgetFeed(url: string): void {
  loads.delete(absolute(url));
}
