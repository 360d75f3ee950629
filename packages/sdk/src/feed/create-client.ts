import { FeedFormatError } from '../errors/index.js';
import type { FeedManifest } from '../generated/types.js';
import { validateManifest } from '../generated/validators.js';
import { DATASET_NAMES, validateDataset, type FeedData } from '../validation/datasets.js';
import { problemsFromAjv, type Problem } from '../validation/problem.js';
import { createFetchJson } from './fetch-json.js';
import { resolveManifestUrl } from './manifest-url.js';
import { checkSchemaVersion } from './parse-json.js';

export interface ClientOptions {
  /** URL of the feed's manifest.json, or of the folder that holds it (ending with /). Relative URLs resolve against the page. */
  feedUrl: string | URL;
  /** A fetch implementation, for tests or for server-side rendering. Defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Time allowed for each request attempt, in milliseconds. Default 10 000. */
  timeoutMs?: number;
  /** How many times a failed request (timeout, network error, 408/429/5xx) is tried again. Default 2. */
  retries?: number;
}

/** A loaded feed: the valid records of every dataset (a record with a bad optional field kept without it), and what was wrong. */
export interface Feed extends FeedData {
  url: string;
  manifest: FeedManifest;
  /** What failed validation, with where and why; `outcome` says whether the record was skipped or kept without the field. */
  problems: Problem[];
  loadedAt: Date;
}

export interface FeedClient {
  /** The manifest URL the client reads. */
  readonly manifestUrl: string;
  /**
   * Loads the manifest and every dataset, validating each record. Later calls revalidate
   * with ETags, so an unchanged feed costs a 304 per file.
   * @throws {FeedHttpError | FeedTimeoutError | FeedNetworkError | FeedFormatError}
   */
  load(options?: { signal?: AbortSignal }): Promise<Feed>;
}

export { SCHEMA_MAJOR_VERSION } from './manifest-url.js';

/**
 * Creates a client for a Brusano feed.
 *
 * @example
 * const client = createClient({ feedUrl: 'https://example.org/feed/manifest.json' });
 * const feed = await client.load();
 * console.log(feed.services.length, 'services;', feed.problems.length, 'records skipped');
 */
export function createClient({ feedUrl, fetch, timeoutMs = 10_000, retries = 2 }: ClientOptions): FeedClient {
  const manifestUrl = resolveManifestUrl(feedUrl);
  const fetchJson = createFetchJson({ timeoutMs, retries, ...(fetch ? { fetch } : {}) });

  async function loadManifest(signal?: AbortSignal): Promise<FeedManifest> {
    const document = await fetchJson(manifestUrl, signal);
    checkSchemaVersion(document, manifestUrl);
    if (!validateManifest(document)) {
      const problems = problemsFromAjv(validateManifest.errors ?? [], { dataset: 'manifest' });
      throw new FeedFormatError(`The feed manifest at ${manifestUrl} is not valid.`, manifestUrl, problems);
    }
    return document as FeedManifest;
  }

  return {
    manifestUrl,
    async load({ signal } = {}) {
      const manifest = await loadManifest(signal);
      const results = await Promise.all(
        DATASET_NAMES.map(async (name) => {
          const reference = manifest.datasets[name];
          if (!reference) return [name, { records: [], problems: [] }] as const; // an optional dataset left out
          const url = new URL(reference.url, manifestUrl).href;
          const records = await fetchJson(url, signal);
          if (!Array.isArray(records)) {
            throw new FeedFormatError(`${url} must hold a list of ${name}.`, url);
          }
          return [name, validateDataset(name, records, { dropInvalidFields: true })] as const;
        }),
      );
      const data = Object.fromEntries(results.map(([name, result]) => [name, result.records])) as unknown as FeedData;
      return {
        ...data,
        url: manifestUrl,
        manifest,
        problems: results.flatMap(([, result]) => result.problems),
        loadedAt: new Date(),
      };
    },
  };
}
