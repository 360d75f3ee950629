import { parseJson } from '../feed/parse-json.js';
import type { Service } from '../generated/types.js';
import { openingHoursShape } from '../generated/shapes/openingHours.js';
import { serviceShape } from '../generated/shapes/service.js';
import { FIRST_PAGE_FORMAT, FIRST_PAGES_URL, type ReadFirstPage } from './first-page.js';
import { guardDocument, guardRecords, type Shape } from './guard.js';
import type { FeedReader } from './open-feed.js';

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

/**
 * Asks for a built feed's compact services file now, without reading it: readServices(), when
 * its code arrives later, takes this request instead of making another.
 *
 * @example
 * firstPainted.then(() => prefetchServices(reader));
 */
export async function prefetchServices(reader: FeedReader): Promise<void> {
  const { manifest } = await reader.manifest();
  const compact = manifest.browser?.services;
  if (compact) reader.prefetch(new URL(compact.url, reader.manifestUrl).href);
}
