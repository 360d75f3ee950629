import { FeedFormatError } from '../errors/index.js';
import { parseJson } from '../feed/parse-json.js';
import type { Service } from '../generated/types.js';
import { serviceShape } from '../generated/shapes/service.js';
import { inSlices, sliceIsOver, yieldToPage } from '../util/yield-to-page.js';
import type { Problem } from '../validation/problem.js';
import { COLUMNS_FORMAT, decodeRowGroup, SharedValues } from './columns.js';
import { guardRecords } from './guard.js';
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
