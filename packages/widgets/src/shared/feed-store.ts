import { openFeed, type FeedReader } from '@brusano/sdk/reader';

// One reader per feed URL for the whole page: three widgets on the same feed share every file.
const readers = new Map<string, FeedReader>();

/** Answers the loader asked for while an element's code was on its way, taken once instead of asking again. */
const early = new Map<string, Promise<Response>>();

/** Takes the requests the loader started early (see loader.ts). */
export function adoptEarlyResponses(responses: Map<string, Promise<Response>>): void {
  for (const [url, response] of responses) if (!early.has(url)) early.set(url, response);
  responses.clear();
}

const fetchEarlyFirst: typeof fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  const answer = early.get(url);
  if (!answer) return fetch(input, init);
  early.delete(url);
  // The reader's timeout still holds: its signal ends the wait for an early answer too.
  const signal = init?.signal;
  return signal
    ? Promise.race([answer, new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))])
    : answer;
};

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
  if (!reader) readers.set(key, (reader = openFeed(key, { timeoutMs: 10_000, retries: 2, fetch: fetchEarlyFirst })));
  return reader;
}

/** Forgets a feed's reader so the next read asks the server again (its last good copy stays). */
export function forgetFeed(url: string): void {
  readers.delete(absolute(url));
}
