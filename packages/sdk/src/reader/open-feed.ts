import { FeedError, FeedFormatError } from '../errors/index.js';
import { resolveManifestUrl } from '../feed/manifest-url.js';
import { checkSchemaVersion, parseJson } from '../feed/parse-json.js';
import type { FeedManifest } from '../generated/types.js';
import { manifestShape } from '../generated/shapes/manifest.js';
import { inSlices } from '../util/yield-to-page.js';
import type { DatasetName, FeedData } from '../validation/datasets.js';
import type { Problem } from '../validation/problem.js';
import { fetchFile } from './fetch-file.js';
import { guardDocument, guardRecords, type Shape } from './guard.js';
import { keepFile, lastGoodCopy, type LastGoodCopy } from './last-good.js';

export interface ReaderOptions {
  /** A fetch implementation, for tests. Defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Time allowed for each request attempt, in milliseconds. Default 10 000. */
  timeoutMs?: number;
  /** How many times a failed request (timeout, network error, 408/429/5xx) is tried again. Default 2. */
  retries?: number;
  /** Keep the files read in the browser's Cache API and use them when the feed cannot be reached. Default true. */
  keepLastGood?: boolean;
}

/** The manifest, and whether it comes from the last good copy because the feed could not be reached. */
export interface FeedSnapshot {
  manifestUrl: string;
  manifest: FeedManifest;
  /** Set when this is the last good copy: when it was stored. */
  storedAt?: Date;
  /** Set with storedAt: why the feed itself could not be read. */
  error?: unknown;
  problems: Problem[];
}

export interface DatasetRead<N extends DatasetName> {
  records: FeedData[N];
  problems: Problem[];
}

export interface FeedReader {
  readonly manifestUrl: string;
  /**
   * The manifest, read once. When the feed cannot be reached, the last good copy kept in this
   * browser, with its date.
   * @throws {FeedError} when neither can be read.
   */
  manifest(): Promise<FeedSnapshot>;
  /**
   * A dataset's records that fit `shape`, its schema's shape (each with what does not fit
   * dropped), and the problems; read once. The caller names the shape so a bundle carries the
   * shapes of the datasets it reads, no more.
   */
  dataset<N extends DatasetName>(name: N, shape: Shape): Promise<DatasetRead<N>>;
  /**
   * Any file of the feed, once the manifest is read: from the network (and kept as the last good
   * copy), or from the last good copy when the feed cannot be reached. With `early`, the file is
   * asked for at once, at the same time as the manifest (one try; if it fails, as usual after).
   */
  file(url: string, options?: { early?: boolean }): Promise<Response>;
  /**
   * Asks for a file of the feed now, without waiting for the manifest or for the code that will
   * read it: the next `file(url)` takes this request (one try; if it fails, as usual after).
   */
  prefetch(url: string): void;
}

/** The field that names a record, where it is not `id`. */
const ID_FIELDS: Partial<Record<DatasetName, string>> = { communes: 'nis' };

/** Records checked between two looks at the page's clock. */
const GUARD_SLICE = 50;

/**
 * Opens a feed for reading in a browser: the manifest, then only the datasets a widget asks for,
 * and any file (readFirstPage() and readServices() bring the finder's services). Every record goes through the
 * guard (a record keeps what fits the schemas), no validator or HTTP library is loaded, and each
 * file read is kept in the Cache API as the last good copy.
 *
 * @example
 * const reader = openFeed('https://example.org/feed/manifest.json');
 * const { records: helpdesks } = await reader.dataset('helpdesks', helpdeskShape);
 * const first = await readFirstPage(reader, 'bassin-nord'); // a built feed's first results, or undefined
 * await readServices(reader, ({ services, loaded, total }) => search.add(services));
 */
export function openFeed(feedUrl: string | URL, { fetch, timeoutMs = 10_000, retries = 2, keepLastGood = true }: ReaderOptions = {}): FeedReader {
  const manifestUrl = resolveManifestUrl(feedUrl);
  const fetchOptions = { timeoutMs, retries, ...(fetch ? { fetch } : {}) };
  let copy: Promise<LastGoodCopy | undefined> | undefined;
  const storedCopy = () => (keepLastGood ? (copy ??= lastGoodCopy(manifestUrl).catch(() => undefined)) : Promise.resolve(undefined));
  const keep = (url: string, response: Response) => {
    if (keepLastGood) void keepFile(manifestUrl, url, response.clone()).catch(() => undefined);
  };

  /** A file of the feed from the network, or from the last good copy when the manifest came from there or the network fails. */
  async function read(url: string, snapshot: FeedSnapshot | undefined): Promise<Response> {
    if (snapshot?.storedAt) {
      const stored = await (await storedCopy())?.file(url);
      if (stored) return stored;
    }
    try {
      const response = await fetchFile(url, fetchOptions);
      keep(url, response);
      return response;
    } catch (error) {
      const stored = error instanceof FeedError ? await (await storedCopy())?.file(url) : undefined;
      if (stored) return stored;
      throw error;
    }
  }

  let manifestRead: Promise<FeedSnapshot> | undefined;
  function manifest(): Promise<FeedSnapshot> {
    return (manifestRead ??= (async () => {
      let response: Response;
      let storedAt: Date | undefined;
      let failure: unknown;
      try {
        response = await fetchFile(manifestUrl, fetchOptions);
      } catch (error) {
        const stored = error instanceof FeedError ? await storedCopy() : undefined;
        const file = await stored?.file(manifestUrl);
        if (!stored || !file) throw error;
        [response, storedAt, failure] = [file, stored.storedAt, error];
      }
      const document = parseJson(await response.clone().text(), manifestUrl);
      checkSchemaVersion(document, manifestUrl);
      const { value, problems } = guardDocument<FeedManifest>(manifestShape, 'manifest', document);
      if (!value) throw new FeedFormatError(`The feed manifest at ${manifestUrl} is not valid.`, manifestUrl, problems);
      if (!storedAt) keep(manifestUrl, response);
      return { manifestUrl, manifest: value, problems, ...(storedAt ? { storedAt, error: failure } : {}) };
    })());
  }

  /** Requests made ahead (prefetch, or file() with `early`), each taken by the next file() of its URL. */
  const asked = new Map<string, Promise<Response | undefined>>();
  function prefetch(url: string): void {
    if (!asked.has(url)) asked.set(url, fetchFile(url, { ...fetchOptions, retries: 0 }).catch(() => undefined));
  }

  /**
   * A file of the feed, asked for at once: built feeds keep each file where the manifest will most
   * likely say, so the request need not wait for the manifest. Used when the manifest agrees.
   */
  async function file(url: string, { early = false } = {}): Promise<Response> {
    if (early) prefetch(url);
    const attempt = asked.get(url);
    asked.delete(url);
    const snapshot = await manifest();
    const response = attempt && !snapshot.storedAt ? await attempt : undefined;
    if (!response) return read(url, snapshot);
    keep(url, response);
    return response;
  }

  const datasetReads = new Map<DatasetName, Promise<DatasetRead<DatasetName>>>();
  function dataset<N extends DatasetName>(name: N, shape: Shape): Promise<DatasetRead<N>> {
    let found = datasetReads.get(name);
    if (!found) {
      const conventional = new URL(`${name}.json`, manifestUrl).href;
      const early = file(conventional, { early: true });
      early.catch(() => undefined); // the manifest may name another file, or none
      found = (async () => {
        const snapshot = await manifest();
        const reference = snapshot.manifest.datasets[name];
        if (!reference) return { records: [], problems: [] }; // an optional dataset the feed leaves out
        const url = new URL(reference.url, manifestUrl).href;
        const list = parseJson(await (url === conventional ? await early : await read(url, snapshot)).text(), url);
        if (!Array.isArray(list)) throw new FeedFormatError(`${url} must hold a list of ${name}.`, url);
        // Checked in slices, so a large dataset never holds the page for long.
        const idField = ID_FIELDS[name] ?? 'id';
        const records: unknown[] = [];
        const problems: Problem[] = [];
        const seenIds = new Map<string, number>();
        const starts = Array.from({ length: Math.ceil(list.length / GUARD_SLICE) }, (_, index) => index * GUARD_SLICE);
        await inSlices(starts, (start) => {
          const slice = guardRecords(shape, name, list.slice(start, start + GUARD_SLICE), idField, start, seenIds);
          records.push(...slice.records);
          problems.push(...slice.problems);
        });
        return { records, problems };
      })() as Promise<DatasetRead<DatasetName>>;
      datasetReads.set(name, found);
    }
    return found as Promise<DatasetRead<N>>;
  }

  return {
    manifestUrl,
    manifest,
    dataset,
    file,
    prefetch,
  };
}
