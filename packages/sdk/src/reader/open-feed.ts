import { FeedError, FeedFormatError } from '../errors/index.js';
import { resolveManifestUrl } from '../feed/manifest-url.js';
import { checkSchemaVersion, parseJson } from '../feed/parse-json.js';
import type { FeedManifest, Service } from '../generated/types.js';
import * as shapes from '../generated/shapes.js';
import { inSlices, yieldToPage } from '../util/yield-to-page.js';
import type { DatasetName, FeedData } from '../validation/datasets.js';
import type { Problem } from '../validation/problem.js';
import { COLUMNS_FORMAT, decodeRowGroup } from './columns.js';
import { fetchFile } from './fetch-file.js';
import { FIRST_PAGE_FORMAT, FIRST_PAGES_URL, type ReadFirstPage } from './first-page.js';
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

/** A batch of services as they arrive: the whole list of a hand-made feed comes in batches too. */
export interface ServiceBatch {
  services: Service[];
  problems: Problem[];
  /** How many services have arrived so far, this batch included. */
  loaded: number;
  /** How many the feed has, when it says. */
  total?: number;
}

export interface FeedReader {
  readonly manifestUrl: string;
  /**
   * The manifest, read once. When the feed cannot be reached, the last good copy kept in this
   * browser, with its date.
   * @throws {FeedError} when neither can be read.
   */
  manifest(): Promise<FeedSnapshot>;
  /** A dataset's records that fit the schemas (each with what does not fit dropped), and the problems; read once. */
  dataset<N extends DatasetName>(name: N): Promise<DatasetRead<N>>;
  /** The finder's first page for a territory key (see territoryKey); undefined when the feed has none. */
  firstPage(territory: string): Promise<ReadFirstPage | undefined>;
  /** Every service, batch by batch; later callers get the batches already read, then the rest. */
  services(onBatch: (batch: ServiceBatch) => void): Promise<void>;
}

const DATASETS: Record<DatasetName, { shape: Shape; idField: string }> = {
  bassins: { shape: shapes.bassinShape, idField: 'id' },
  communes: { shape: shapes.communeShape, idField: 'nis' },
  quartiers: { shape: shapes.quartierShape, idField: 'id' },
  helpdesks: { shape: shapes.helpdeskShape, idField: 'id' },
  actions: { shape: shapes.actionShape, idField: 'id' },
  events: { shape: shapes.eventShape, idField: 'id' },
  services: { shape: shapes.serviceShape, idField: 'id' },
  categories: { shape: shapes.taxonomyTermShape, idField: 'id' },
  sectors: { shape: shapes.taxonomyTermShape, idField: 'id' },
};

const FACETS_SHAPE: Shape = (() => {
  const counts: Shape = { type: 'array', items: { type: 'object', properties: { value: { type: 'string', maxLength: 200 }, count: { type: 'integer', minimum: 0 } }, required: ['value', 'count'] } };
  const flag: Shape = { type: 'integer', minimum: 0 };
  return {
    type: 'object',
    properties: { categoryIds: counts, sectorIds: counts, bassins: counts, communes: counts, languages: counts, publics: counts, free: flag, withoutAppointment: flag, reducedMobility: flag },
    required: ['categoryIds', 'sectorIds', 'bassins', 'communes', 'languages', 'publics', 'free', 'withoutAppointment', 'reducedMobility'],
  };
})();

/**
 * Calls `onLine` with each element of a JSON array written one element per line, as the
 * elements arrive: a large file is read while it downloads, and each line is a short task.
 */
async function readArrayLines(response: Response, url: string, onLine: (value: unknown, index: number) => void | Promise<void>): Promise<void> {
  let index = 0;
  const take = async (line: string) => {
    const trimmed = line.trim().replace(/,$/, '');
    if (trimmed === '' || trimmed === '[' || trimmed === ']') return;
    await onLine(parseJson(trimmed, url), index++);
    await yieldToPage();
  };
  if (!response.body) {
    for (const line of (await response.text()).split('\n')) await take(line);
    return;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    pending += value;
    let end: number;
    while ((end = pending.indexOf('\n')) >= 0) {
      await take(pending.slice(0, end));
      pending = pending.slice(end + 1);
    }
  }
  await take(pending);
}

/**
 * Opens a feed for reading in a browser: the manifest, then only the datasets a widget asks for,
 * the first page of a territory, and the services as they arrive. Every record goes through the
 * guard (a record keeps what fits the schemas), no validator or HTTP library is loaded, and each
 * file read is kept in the Cache API as the last good copy.
 *
 * @example
 * const reader = openFeed('https://example.org/feed/manifest.json');
 * const { records: helpdesks } = await reader.dataset('helpdesks');
 * const first = await reader.firstPage('bassin-nord');   // a built feed's first results, or undefined
 * await reader.services(({ services, loaded, total }) => search.add(services));
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
      const { value, problems } = guardDocument<FeedManifest>(shapes.manifestShape, 'manifest', document);
      if (!value) throw new FeedFormatError(`The feed manifest at ${manifestUrl} is not valid.`, manifestUrl, problems);
      if (!storedAt) keep(manifestUrl, response);
      return { manifestUrl, manifest: value, problems, ...(storedAt ? { storedAt, error: failure } : {}) };
    })());
  }

  async function readList(name: DatasetName, snapshot: FeedSnapshot): Promise<{ url: string; list: unknown[] } | undefined> {
    const reference = snapshot.manifest.datasets[name];
    if (!reference) return undefined; // an optional dataset the feed leaves out
    const url = new URL(reference.url, manifestUrl).href;
    const list = parseJson(await (await read(url, snapshot)).text(), url);
    if (!Array.isArray(list)) throw new FeedFormatError(`${url} must hold a list of ${name}.`, url);
    return { url, list };
  }

  const datasetReads = new Map<DatasetName, Promise<DatasetRead<DatasetName>>>();
  function dataset<N extends DatasetName>(name: N): Promise<DatasetRead<N>> {
    let found = datasetReads.get(name);
    if (!found) {
      found = (async () => {
        const read = await readList(name, await manifest());
        if (!read) return { records: [], problems: [] };
        const { shape, idField } = DATASETS[name];
        return guardRecords(shape, name, read.list, idField);
      })() as Promise<DatasetRead<DatasetName>>;
      datasetReads.set(name, found);
    }
    return found as Promise<DatasetRead<N>>;
  }

  const firstPages = new Map<string, Promise<ReadFirstPage | undefined>>();
  function firstPage(territory: string): Promise<ReadFirstPage | undefined> {
    let found = firstPages.get(territory);
    if (found) return found;
    // Asked for where a built feed keeps it, at the same time as the manifest: the manifest then says whether it counts.
    const conventional = new URL(FIRST_PAGES_URL.replace('{territory}', territory), manifestUrl).href;
    const early = fetchFile(conventional, { ...fetchOptions, retries: 0 }).catch(() => undefined);
    found = (async () => {
      const snapshot = await manifest();
      const pages = snapshot.manifest.browser?.firstPages;
      if (!pages?.territories.includes(territory)) return undefined;
      const url = new URL(pages.url.replace('{territory}', territory), manifestUrl).href;
      const fetched = url === conventional && !snapshot.storedAt ? await early : undefined;
      if (fetched) keep(url, fetched);
      const document = parseJson(await (fetched ?? (await read(url, snapshot))).text(), url) as Partial<ReadFirstPage> | null;
      if (document?.format !== FIRST_PAGE_FORMAT || !Number.isInteger(document.total) || !Array.isArray(document.services)) return undefined;
      const services = guardRecords<Service>(shapes.serviceShape, 'services', document.services, 'id');
      const facets = guardDocument<ReadFirstPage['facets']>(FACETS_SHAPE, 'services', document.facets);
      if (!facets.value) return undefined;
      const hours = (Array.isArray(document.hours) ? document.hours : []).flatMap((entry): ReadFirstPage['hours'] => {
        if (!Array.isArray(entry) || !Number.isInteger(entry[1])) return [];
        if (entry[0] === null) return [[null, entry[1]]];
        const checked = guardDocument<NonNullable<ReadFirstPage['hours'][number][0]>>(shapes.openingHoursShape, 'services', entry[0]);
        return checked.value && checked.problems.length === 0 ? [[checked.value, entry[1]]] : [];
      });
      return { format: FIRST_PAGE_FORMAT, territory, total: document.total!, services: services.records, facets: facets.value, hours, problems: services.problems };
    })();
    firstPages.set(territory, found);
    return found;
  }

  const batches: ServiceBatch[] = [];
  const listeners = new Set<(batch: ServiceBatch) => void>();
  let servicesRead: Promise<void> | undefined;
  const publish = (batch: ServiceBatch) => {
    batches.push(batch);
    listeners.forEach((listener) => listener(batch));
  };

  async function readServices(): Promise<void> {
    const snapshot = await manifest();
    const compact = snapshot.manifest.browser?.services;
    const seenIds = new Map<string, number>();
    let loaded = 0;
    if (compact) {
      const url = new URL(compact.url, manifestUrl).href;
      let total: number | undefined = compact.count;
      await readArrayLines(await read(url, snapshot), url, (line, index) => {
        if (index === 0) {
          const header = line as { format?: unknown; count?: unknown } | null;
          if (header?.format !== COLUMNS_FORMAT) throw new FeedFormatError(`${url} is not in the ${COLUMNS_FORMAT} form.`, url);
          if (Number.isInteger(header.count)) total = header.count as number;
          return;
        }
        const records = decodeRowGroup(line);
        const { records: services, problems } = guardRecords<Service>(shapes.serviceShape, 'services', records, 'id', loaded, seenIds);
        loaded += records.length;
        publish({ services, problems, loaded, ...(total === undefined ? {} : { total }) });
      });
      return;
    }
    // A feed without the browser's files: one list, read whole, checked in slices.
    const plain = await readList('services', snapshot);
    if (!plain) return;
    const total = plain.list.length;
    const SLICE = 500;
    const slices = Array.from({ length: Math.ceil(total / SLICE) }, (_, index) => index * SLICE);
    await inSlices(slices, (start) => {
      const { records: services, problems } = guardRecords<Service>(shapes.serviceShape, 'services', plain.list.slice(start, start + SLICE), 'id', start, seenIds);
      loaded = Math.min(total, start + SLICE);
      publish({ services, problems, loaded, total });
    });
  }

  return {
    manifestUrl,
    manifest,
    dataset,
    firstPage,
    services(onBatch) {
      batches.forEach(onBatch);
      listeners.add(onBatch);
      servicesRead ??= readServices();
      return servicesRead.finally(() => listeners.delete(onBatch));
    },
  };
}
