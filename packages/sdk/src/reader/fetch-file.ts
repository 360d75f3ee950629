import { FeedHttpError, FeedNetworkError, FeedTimeoutError } from '../errors/index.js';

export interface FetchFileOptions {
  fetch?: typeof globalThis.fetch;
  /** Time allowed for each attempt to get an answer, in milliseconds. */
  timeoutMs: number;
  /** How many times a timeout, network error or 408/429/5xx is tried again. */
  retries: number;
  signal?: AbortSignal;
}

const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const backoff = (attempt: number) => Math.min(2000, 300 * 2 ** attempt);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Fetches one file of a feed: a timeout per attempt, bounded retries with backoff, and a typed
 * FeedError for every failure. The browser's HTTP cache revalidates what it already has, so an
 * unchanged file costs a 304. A few lines of fetch rather than an HTTP client: this is the only
 * request a partner page makes, and the page pays for every byte of code.
 *
 * @example
 * const response = await fetchFile('https://example.org/feed/manifest.json', { timeoutMs: 10_000, retries: 2 });
 */
export async function fetchFile(url: string, { fetch = globalThis.fetch, timeoutMs, retries, signal }: FetchFileOptions): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const controller = new AbortController();
    const abort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', abort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    let failure: Error;
    try {
      const response = await fetch(url, { signal: controller.signal, cache: 'no-cache', credentials: 'omit' });
      if (response.ok) return response;
      failure = new FeedHttpError(url, response.status);
      if (!RETRY_STATUSES.has(response.status)) throw failure;
      void response.body?.cancel().catch(() => undefined);
    } catch (error) {
      if (signal?.aborted) throw error; // the caller cancelled: not a feed failure
      if (error instanceof FeedHttpError) throw error;
      failure = timedOut ? new FeedTimeoutError(url, timeoutMs, { cause: error }) : new FeedNetworkError(url, { cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
    if (attempt >= retries) throw failure;
    await sleep(backoff(attempt));
  }
}
