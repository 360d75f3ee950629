import { createClient, type Feed } from '@brusano/sdk';

// One load per feed URL for the whole page: three widgets on the same feed share it.
const loads = new Map<string, Promise<Feed>>();

function absolute(url: string): string {
  return new URL(url, document.baseURI).href;
}

/** Loads a feed through the SDK, once per URL; a failed load is forgotten so it can be tried again. */
export function loadFeed(url: string): Promise<Feed> {
  const key = absolute(url);
  let load = loads.get(key);
  if (!load) {
    load = createClient({ feedUrl: key, timeoutMs: 10_000, retries: 2 }).load();
    loads.set(key, load);
    load.catch(() => loads.delete(key));
  }
  return load;
}

/** Forgets a feed so the next load asks the server again. */
export function forgetFeed(url: string): void {
  loads.delete(absolute(url));
}
