import { openFeed, type FeedReader } from '@brusano/sdk/reader';

// One reader per feed URL for the whole page: three widgets on the same feed share every file.
const readers = new Map<string, FeedReader>();

function absolute(url: string): string {
  return new URL(url, document.baseURI).href;
}

/**
 * The page's reader of a feed, opened on first use. It keeps the last good copy of what it read
 * in the Cache API (never in the page's localStorage) and falls back to it when the feed cannot
 * be reached.
 */
export function readerFor(url: string): FeedReader {
  const key = absolute(url);
  let reader = readers.get(key);
  if (!reader) readers.set(key, (reader = openFeed(key, { timeoutMs: 10_000, retries: 2 })));
  return reader;
}

/** Forgets a feed's reader so the next read asks the server again (its last good copy stays). */
export function forgetFeed(url: string): void {
  readers.delete(absolute(url));
}
