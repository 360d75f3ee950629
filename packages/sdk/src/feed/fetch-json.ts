import ky, { HTTPError, TimeoutError } from 'ky';
import { FeedError, FeedHttpError, FeedNetworkError, FeedTimeoutError } from '../errors/index.js';
import { parseJson } from './parse-json.js';

export interface FetchJsonOptions {
  fetch?: typeof globalThis.fetch;
  timeoutMs: number;
  retries: number;
}

/** Fetches a JSON document; turns every failure into a typed FeedError. */
export type FetchJson = (url: string, signal?: AbortSignal) => Promise<unknown>;

interface CachedDocument {
  etag: string;
  text: string;
}

/**
 * A JSON fetcher with a timeout per attempt, bounded retries with backoff, and ETag
 * revalidation: a document fetched before is asked for with If-None-Match, and a
 * 304 Not Modified answer reuses the copy already in memory.
 */
export function createFetchJson({ fetch, timeoutMs, retries }: FetchJsonOptions): FetchJson {
  const cache = new Map<string, CachedDocument>();
  const http = ky.create({
    timeout: timeoutMs,
    retry: { limit: retries, retryOnTimeout: true, backoffLimit: 2000 },
    throwHttpErrors: (status) => status !== 304,
    // The SDK keeps its own copy and revalidates it; the browser's cache must not answer for the server.
    cache: 'no-store',
    ...(fetch ? { fetch } : {}),
  });

  return async (url, signal) => {
    const cached = cache.get(url);
    let text: string;
    try {
      const response = await http.get(url, {
        headers: cached ? { 'if-none-match': cached.etag } : {},
        ...(signal ? { signal } : {}),
      });
      if (response.status === 304 && cached) {
        text = cached.text;
      } else {
        text = await response.text();
        const etag = response.headers.get('etag');
        if (etag) cache.set(url, { etag, text });
        else cache.delete(url);
      }
    } catch (error) {
      throw toFeedError(error, url, timeoutMs, signal);
    }
    return parseJson(text, url);
  };
}

function toFeedError(error: unknown, url: string, timeoutMs: number, signal?: AbortSignal): unknown {
  if (signal?.aborted) return error; // the caller cancelled: not a feed failure
  if (error instanceof FeedError) return error;
  if (error instanceof HTTPError) return new FeedHttpError(url, error.response.status, { cause: error });
  if (error instanceof TimeoutError) return new FeedTimeoutError(url, timeoutMs, { cause: error });
  return new FeedNetworkError(url, { cause: error });
}
