import { FeedFormatError } from '../errors/index.js';
import { parseJson } from '../feed/parse-json.js';
import type { Service } from '../generated/types.js';
import { openingHoursShape } from '../generated/shapes/openingHours.js';
import { serviceShape } from '../generated/shapes/service.js';
import { inSlices, sliceIsOver, yieldToPage } from '../util/yield-to-page.js';
import type { Problem } from '../validation/problem.js';
import { COLUMNS_FORMAT, decodeRowGroup, SharedValues } from './columns.js';
import { FIRST_PAGE_FORMAT, FIRST_PAGES_URL, type ReadFirstPage } from './first-page.js';
import { guardDocument, guardRecords, type Shape } from './guard.js';
import type { FeedReader } from './open-feed.js';

/** A batch of services as they arrive (a hand-made feed's one list comes in batches too). */
export interface ServiceBatch {
  services: Service[];
  problems: Problem[];
  /** How many services have arrived so far, this batch included. */
  loaded: number;
  /** How many the feed has, when it says. */
  total?: number;
}

const FACETS_SHAPE: Shape = (() => {
  const counts: Shape = { type: 'array', items: { type: 'object', properties: { value: { type: 'string', maxLength: 200 }, count: { type: 'integer', minimum: 0 } }, required: ['value', 'count'] } };
  const flag: Shape = { type: 'integer', minimum: 0 };
  return {
    type: 'object',
    properties: { categoryIds: counts, sectorIds: counts, bassins: counts, communes: counts, languages: counts, publics: counts, free: flag, withoutAppointment: flag, reducedMobility: flag },
    required: ['categoryIds', 'sectorIds', 'bassins', 'communes', 'languages', 'publics', 'free', 'withoutAppointment', 'reducedMobility'],
  };
})();

const firstPages = new WeakMap<FeedReader, Map<string, Promise<ReadFirstPage | undefined>>>();

/**
 * The finder's first page for a territory key (see territoryKey), from a built feed; undefined
 * when the feed has none. Asked for where a built feed keeps it at the same time as the manifest,
 * which then says whether it counts: no round trip waits for another.
 *
 * @example
 * const first = await readFirstPage(reader, 'commune-21010');
 */
export function readFirstPage(reader: FeedReader, territory: string): Promise<ReadFirstPage | undefined> {
  let pages = firstPages.get(reader);
  if (!pages) firstPages.set(reader, (pages = new Map()));
  let found = pages.get(territory);
  if (found) return found;
  const conventional = new URL(FIRST_PAGES_URL.replace('{territory}', territory), reader.manifestUrl).href;
  const early = reader.file(conventional, { early: true });
  early.catch(() => undefined); // a feed without first pages: the manifest says so below
  found = (async () => {
    const { manifest } = await reader.manifest();
    const declared = manifest.browser?.firstPages;
    if (!declared?.territories.includes(territory)) return undefined;
    const url = new URL(declared.url.replace('{territory}', territory), reader.manifestUrl).href;
    const document = parseJson(await (url === conventional ? await early : await reader.file(url)).text(), url) as Partial<ReadFirstPage> | null;
    if (document?.format !== FIRST_PAGE_FORMAT || !Number.isInteger(document.total) || !Array.isArray(document.services)) return undefined;
    const services = guardRecords<Service>(serviceShape, 'services', document.services, 'id');
    const facets = guardDocument<ReadFirstPage['facets']>(FACETS_SHAPE, 'services', document.facets);
    if (!facets.value) return undefined;
    const hours = (Array.isArray(document.hours) ? document.hours : []).flatMap((entry): ReadFirstPage['hours'] => {
      if (!Array.isArray(entry) || !Number.isInteger(entry[1])) return [];
      if (entry[0] === null) return [[null, entry[1]]];
      const checked = guardDocument<NonNullable<ReadFirstPage['hours'][number][0]>>(openingHoursShape, 'services', entry[0]);
      return checked.value && checked.problems.length === 0 ? [[checked.value, entry[1]]] : [];
    });
    return { format: FIRST_PAGE_FORMAT, territory, total: document.total!, services: services.records, facets: facets.value, hours, problems: services.problems };
  })();
  pages.set(territory, found);
  return found;
}

/** Services in a batch of a feed that has no compact file. */
const PLAIN_BATCH = 1000;
/** Services checked between two looks at the page's clock. */
const GUARD_SLICE = 50;

/**
 * Calls `onLine` with each element of a JSON array written one element per line, as the
 * elements arrive: a large file is read while it downloads, and each line is a short task.
 */
async function readArrayLines(response: Response, url: string, onLine: (value: unknown, index: number) => Promise<void> | void): Promise<void> {
  let index = 0;
  const take = async (line: string) => {
    const trimmed = line.trim().replace(/,$/, '');
    if (trimmed === '' || trimmed === '[' || trimmed === ']') return;
    if (sliceIsOver()) await yieldToPage();
    await onLine(parseJson(trimmed, url), index++);
  };
  if (!response.body) {
    for (const line of (await response.text()).split('\n')) await take(line);
    return;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  // The pieces of the line being read: a line is joined once, when its end arrives.
  let pieces: string[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    let from = 0;
    for (let end = value.indexOf('\n'); end >= 0; end = value.indexOf('\n', from)) {
      pieces.push(value.slice(from, end));
      const line = pieces.join('');
      pieces = [];
      await take(line);
      from = end + 1;
    }
    pieces.push(value.slice(from));
  }
  await take(pieces.join(''));
}

async function read(reader: FeedReader, publish: (batch: ServiceBatch) => void, after: Promise<unknown>): Promise<void> {
  const { manifest } = await reader.manifest();
  await after;
  const compact = manifest.browser?.services;
  if (!compact) {
    // A feed without the browser's files: its one list, checked, then handed over in batches.
    const { records, problems } = await reader.dataset('services', serviceShape);
    for (let start = 0; start < records.length || start === 0; start += PLAIN_BATCH) {
      const services = records.slice(start, start + PLAIN_BATCH);
      publish({ services, problems: start === 0 ? problems : [], loaded: Math.min(records.length, start + PLAIN_BATCH), total: records.length });
    }
    return;
  }
  const url = new URL(compact.url, reader.manifestUrl).href;
  let total: number | undefined = compact.count;
  let loaded = 0;
  const seenIds = new Map<string, number>();
  // Short texts, lists and small objects repeated across the file (streets, languages, dates) are kept once.
  const shared = new SharedValues();
  await readArrayLines(await reader.file(url), url, async (line, index) => {
    if (index === 0) {
      const header = line as { format?: unknown; count?: unknown } | null;
      if (header?.format !== COLUMNS_FORMAT) throw new FeedFormatError(`${url} is not in the ${COLUMNS_FORMAT} form.`, url);
      if (Number.isInteger(header.count)) total = header.count as number;
      return;
    }
    if (sliceIsOver()) await yieldToPage();
    const records = decodeRowGroup(line, shared);
    const services: Service[] = [];
    const problems: Problem[] = [];
    const starts = Array.from({ length: Math.ceil(records.length / GUARD_SLICE) }, (_, slice) => slice * GUARD_SLICE);
    await inSlices(starts, (start) => {
      const checked = guardRecords<Service>(serviceShape, 'services', records.slice(start, start + GUARD_SLICE), 'id', loaded + start, seenIds);
      services.push(...checked.records);
      problems.push(...checked.problems);
    });
    loaded += records.length;
    publish({ services, problems, loaded, ...(total === undefined ? {} : { total }) });
  });
}

interface Reading {
  batches: ServiceBatch[];
  listeners: Set<(batch: ServiceBatch) => void>;
  done: Promise<void>;
}
const readings = new WeakMap<FeedReader, Reading>();

/**
 * Every service of a feed, batch by batch as it arrives: a built feed's compact file is read
 * while it downloads, a group at a time, each group checked by the guard; a hand-made feed's
 * services.json comes in batches once checked. Read once per reader: a later caller first gets
 * the batches already read, then the rest.
 *
 * `after` holds the download back until it settles: a page shows its first results before the
 * whole directory takes the network and the processor.
 *
 * @example
 * await readServices(reader, ({ services, loaded, total }) => search.add(services), { after: firstPaint });
 */
export function readServices(reader: FeedReader, onBatch: (batch: ServiceBatch) => void, { after = Promise.resolve() }: { after?: Promise<unknown> } = {}): Promise<void> {
  let reading = readings.get(reader);
  if (!reading) {
    const batches: ServiceBatch[] = [];
    const listeners = new Set<(batch: ServiceBatch) => void>();
    const done = read(
      reader,
      (batch) => {
        batches.push(batch);
        listeners.forEach((listener) => listener(batch));
      },
      after.catch(() => undefined),
    );
    readings.set(reader, (reading = { batches, listeners, done }));
  }
  reading.batches.forEach(onBatch);
  reading.listeners.add(onBatch);
  const { listeners } = reading;
  return reading.done.finally(() => listeners.delete(onBatch));
}
