import type { Bassin, Commune, Leadin, Service, TaxonomyTerm } from '../generated/types.js';
import { brusselsTime } from '../hours/brussels-time.js';
import { hoursWithAlerts } from '../hours/alerts.js';
import { compileHours, type CompiledHours } from '../hours/compiled-hours.js';
import { resolveTerritory } from '../territory/resolve-territory.js';
import { inSlices } from '../util/yield-to-page.js';
import { createTextIndex, normalWords, queryWords, type TextMatches } from './text-index.js';

/** Filters of the service finder. Within a list, any value matches; across filters, all must. */
export interface ServiceFilters {
  categoryIds?: readonly number[];
  sectorIds?: readonly number[];
  bassins?: readonly string[];
  /** NIS codes. */
  communes?: readonly string[];
  languages?: readonly string[];
  publics?: readonly string[];
  openNow?: boolean;
  free?: boolean;
  withoutAppointment?: boolean;
  reducedMobility?: boolean;
}

export type ListFacet = 'categoryIds' | 'sectorIds' | 'bassins' | 'communes' | 'languages' | 'publics';
export type FlagFacet = 'openNow' | 'free' | 'withoutAppointment' | 'reducedMobility';
const LIST_FACETS: readonly ListFacet[] = ['categoryIds', 'sectorIds', 'bassins', 'communes', 'languages', 'publics'];
const FLAG_FACETS: readonly FlagFacet[] = ['openNow', 'free', 'withoutAppointment', 'reducedMobility'];

export interface FacetCount {
  value: string;
  count: number;
}

export interface ServiceSearchResult {
  /**
   * Matching services, best first; the same query on the same feed always ranks the same. Those
   * with every word of the query come first, then those with most of them, then some.
   */
  services: Service[];
  /** How many of `services` (the first ones) have every word of the query: all of them for a query without words. */
  withEveryWord: number;
  /** Words of the query that no service has (the start of a word counts), as typed in normal form. */
  wordsNotFound: string[];
  /** For such a word, the directory's nearest word, when one is close ("did you mean"). */
  suggestions: Record<string, string>;
  /** How many services each facet value would give with the other filters kept. */
  facets: Record<ListFacet, FacetCount[]> & Record<FlagFacet, number>;
}

/** What a search reads: a loaded feed has it all. Services may also come later, with add(). */
export interface ServiceSearchData {
  services?: readonly Service[];
  categories?: readonly TaxonomyTerm[];
  sectors?: readonly TaxonomyTerm[];
  /** Everyday words that lead to categories (a feed's leadins dataset). */
  leadins?: readonly Leadin[];
  /** Where services are: which commune and bassin each address and area lies in. */
  communes: readonly Commune[];
  bassins: readonly Bassin[];
}

export interface ServiceSearch {
  search(text: string, filters?: ServiceFilters, options?: { at?: Date }): ServiceSearchResult;
  /**
   * Adds services, for a feed that arrives in parts: each is indexed for words and facets, in
   * slices that let the page answer between them. Searches see every service added so far.
   */
  add(services: readonly Service[], options?: { signal?: AbortSignal }): Promise<void>;
  /** How many services the search holds. */
  readonly size: number;
  /** Indexes the words of every service now (otherwise done on the first search with words). */
  prepare(): void;
}

/**
 * Ranking keys, 32 bits: how many words a service misses (5 bits: a query has at most 32), then
 * its score to a thousandth, highest first (27 bits: scores stay far below 134 000).
 */
const SCORE_STEPS = 1_000;
const SCORE_CEILING = 2 ** 27 - 1;

/** Keys and positions of a ranking, with their spares for the sort: kept between searches. */
class RankingRoom {
  keys = new Uint32Array(0);
  order = new Int32Array(0);
  spareKeys = new Uint32Array(0);
  spareOrder = new Int32Array(0);

  fit(size: number): void {
    if (this.keys.length >= size) return;
    const length = Math.max(size, this.keys.length * 2);
    [this.keys, this.order, this.spareKeys, this.spareOrder] = [new Uint32Array(length), new Int32Array(length), new Uint32Array(length), new Int32Array(length)];
  }
}

/**
 * The services a query's words find, best first: those with every word, then those missing one,
 * two…; within each, best score first and equal scores in name order, so the same query always
 * ranks the same. The services are taken in name order, then sorted by a stable radix sort on
 * their keys: linear, where a comparison sort of the thousands a common word finds was the
 * largest part of a keystroke. The positions returned are valid until the next ranking.
 */
function ranked({ size, scores, missed }: TextMatches, byName: Int32Array, room: RankingRoom): Int32Array {
  room.fit(size);
  const keys = room.keys.subarray(0, size);
  const order = room.order.subarray(0, size);
  for (let rank = 0, at = 0; at < size && rank < byName.length; rank++) {
    const entry = byName[rank]!;
    const score = scores[entry]!;
    if (score === 0) continue;
    keys[at] = missed[entry]! * 2 ** 27 + SCORE_CEILING - Math.min(SCORE_CEILING, Math.round(score * SCORE_STEPS));
    order[at++] = entry;
  }
  sortByKeys(keys, order, room.spareKeys.subarray(0, size), room.spareOrder.subarray(0, size));
  return order;
}

/** Sorts values by their 32-bit keys, smallest first, keeping the order of equal keys (least significant digit radix sort, a byte at a time, through the spares). */
function sortByKeys(keys: Uint32Array, values: Int32Array, spareKeys: Uint32Array, spareValues: Int32Array): void {
  let [fromKeys, fromValues, toKeys, toValues] = [keys, values, spareKeys, spareValues];
  const starts = new Int32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    starts.fill(0);
    for (let at = 0; at < fromKeys.length; at++) starts[(fromKeys[at]! >>> shift) & 255]!++;
    for (let digit = 0, start = 0; digit < 256; digit++) {
      const count = starts[digit]!;
      starts[digit] = start;
      start += count;
    }
    for (let at = 0; at < fromKeys.length; at++) {
      const to = starts[(fromKeys[at]! >>> shift) & 255]!++;
      toKeys[to] = fromKeys[at]!;
      toValues[to] = fromValues[at]!;
    }
    [fromKeys, fromValues, toKeys, toValues] = [toKeys, toValues, fromKeys, fromValues];
  }
  // Four passes: the sorted keys and values are back in the arrays given.
}

/**
 * The bassin and commune of a service that serves the whole Region: one value that stands for
 * every bassin and commune, counted once and shared out at the end (a fifth of the services of
 * a directory can be region-wide, each otherwise 24 counts a keystroke).
 */
const EVERYWHERE = '*';

/** Bit of each flag facet in a service's flags. */
const FLAG_BITS = { free: 1, withoutAppointment: 2, reducedMobility: 4 } as const;

/** Every (facet, value) pair met in the services, numbered. */
class Slots {
  /** Facet and value of each slot. */
  readonly pairs: { facet: number; value: string }[] = [];
  /** Per facet, each value's slot (one map per facet: no key to build for each look-up). */
  private readonly ids: Map<string, number>[] = [];

  find(facet: number, value: string): number | undefined {
    return this.ids[facet]?.get(value);
  }

  slot(facet: number, value: string): number {
    const ids = (this.ids[facet] ??= new Map());
    let id = ids.get(value);
    if (id === undefined) {
      id = this.pairs.push({ facet, value }) - 1;
      ids.set(value, id);
    }
    return id;
  }

  /** 1 for the slots of the wanted values of a facet (and EVERYWHERE, which has them all). */
  mark(table: Uint8Array, facet: number, values: readonly (string | number)[]): void {
    for (const value of [...values, EVERYWHERE]) {
      const id = this.find(facet, String(value));
      if (id !== undefined) table[id] = 1;
    }
  }
}

const texts = (text: { fr?: string; nl?: string; en?: string } | undefined) => (text ? [text.fr, text.nl, text.en].filter(Boolean).join(' ') : '');

/** Where each service is, and whom it serves: communes and bassins (or EVERYWHERE), with territory look-ups done once per postal code. */
function createServedAreas(communes: readonly Commune[], bassins: readonly Bassin[]) {
  const communeByNis = new Map(communes.map((commune) => [commune.nis, commune]));
  const byPostalCode = new Map<string, { communes: Commune[]; bassins: string[] }>();
  const lookUp = (postalCode: string) => {
    let found = byPostalCode.get(postalCode);
    if (!found) {
      const territory = resolveTerritory(postalCode, { communes, bassins, quartiers: [] });
      found = { communes: territory.communes, bassins: territory.bassins.map((bassin) => bassin.id) };
      byPostalCode.set(postalCode, found);
    }
    return found;
  };
  return (service: Service): { bassins: string[]; communes: string[] } => {
    if (service.areaServed?.region) return { bassins: [EVERYWHERE], communes: [EVERYWHERE] };
    const served = { bassins: new Set<string>(service.areaServed?.bassins ?? []), communes: new Set<string>(service.areaServed?.communes ?? []) };
    for (const location of service.locations ?? []) {
      if (location.address.country && location.address.country !== 'BE') continue;
      const territory = lookUp(location.address.postalCode ?? '');
      const commune = (location.address.nis ? communeByNis.get(location.address.nis) : undefined) ?? (territory.communes.length === 1 ? territory.communes[0] : undefined);
      if (commune) served.communes.add(commune.nis);
      for (const id of commune?.bassin ? [commune.bassin] : territory.bassins) served.bassins.add(id);
    }
    for (const nis of served.communes) {
      const bassin = communeByNis.get(nis)?.bassin;
      if (bassin) served.bassins.add(bassin);
    }
    return { bassins: [...served.bassins], communes: [...served.communes] };
  };
}

/** What the per-keystroke pass reads of the services, in flat arrays side by side (one service, one position). */
interface Columns {
  entries: Service[];
  /** Each service's facet values as slots, one number per (facet, value) pair across all list facets. */
  slotData: number[];
  /** Where each facet's slots start, LIST_FACETS.length + 1 marks per service. */
  facetStarts: number[];
  /** Free, without appointment, wheelchair, as FLAG_BITS. */
  flagsOf: number[];
  /** Which of the distinct opening hours each service has. */
  hoursOf: number[];
}

/** A search's filters as the pass reads them: the wanted slots of the filtered list facets (by index), open now, the flag bits required, which opening hours are open. */
interface ActiveFilters {
  wanted: Uint8Array;
  filteredFacets: number[];
  openNow: boolean;
  requiredFlags: number;
  openPatterns: Uint8Array;
}

const MARKS = LIST_FACETS.length + 1;
/** Filters are numbered: list facets 0–5 in LIST_FACETS order, then openNow (6) and each flag bit (7–9). */
const OPEN_NOW = LIST_FACETS.length;
const FLAG_ORDER = [FLAG_BITS.free, FLAG_BITS.withoutAppointment, FLAG_BITS.reducedMobility];

/**
 * One pass over the candidates, best first: an entry that passes every filter is a result and
 * counts for every facet; one that fails a single filter counts for that filter's facet only
 * (what choosing it would give). Kept apart from the search so the engine optimises this loop,
 * the whole cost of a keystroke that finds thousands.
 */
function filterAndCount(candidates: Int32Array, candidatesWithEveryWord: number, { entries, slotData, facetStarts, flagsOf, hoursOf }: Columns, active: ActiveFilters) {
  const { wanted, filteredFacets, requiredFlags, openPatterns } = active;
  const counts = new Int32Array(wanted.length);
  const flagCounts = new Int32Array(FLAG_FACETS.length);
  const results: Service[] = [];
  let withEveryWord = 0;
  for (let position = 0; position < candidates.length; position++) {
    const entry = candidates[position]!;
    const marks = entry * MARKS;
    const flags = flagsOf[entry]!;
    const open = openPatterns[hoursOf[entry]!] === 1;
    let failed = -1;
    let failures = 0;
    for (let at = 0; at < filteredFacets.length && failures < 2; at++) {
      const facet = filteredFacets[at]!;
      let found = false;
      for (let index = facetStarts[marks + facet]!, end = facetStarts[marks + facet + 1]!; index < end && !found; index++) found = wanted[slotData[index]!] === 1;
      if (!found) {
        failed = facet;
        failures++;
      }
    }
    if (active.openNow && !open && failures < 2) {
      failed = OPEN_NOW;
      failures++;
    }
    for (let flag = 0; requiredFlags !== 0 && flag < FLAG_ORDER.length && failures < 2; flag++) {
      const bit = FLAG_ORDER[flag]!;
      if (requiredFlags & bit && !(flags & bit)) {
        failed = OPEN_NOW + 1 + flag;
        failures++;
      }
    }
    if (failures > 1) continue;
    if (failures === 0) {
      if (position < candidatesWithEveryWord) withEveryWord++;
      results.push(entries[entry]!);
      for (let index = facetStarts[marks]!, end = facetStarts[marks + OPEN_NOW]!; index < end; index++) counts[slotData[index]!]!++;
    } else if (failed < OPEN_NOW) {
      for (let index = facetStarts[marks + failed]!, end = facetStarts[marks + failed + 1]!; index < end; index++) counts[slotData[index]!]!++;
    }
    if (open && (failures === 0 || failed === OPEN_NOW)) flagCounts[0]!++;
    for (let flag = 0; flag < FLAG_ORDER.length; flag++) {
      if ((failures === 0 || failed === OPEN_NOW + 1 + flag) && flags & FLAG_ORDER[flag]!) flagCounts[flag + 1]!++;
    }
  }
  return { results, withEveryWord, counts, flagCounts };
}

/**
 * A search over the services of a feed: weighted full text (name over categories over
 * description), prefix and typo tolerance, accents and case ignored, French and Dutch words for
 * the same thing, plus facets whose counts follow the current query and the other filters.
 *
 * @example
 * const finder = createServiceSearch(feed);
 * const { services, facets } = finder.search('maison medicale', { bassins: ['nord'], openNow: true });
 */
export function createServiceSearch({ services = [], categories = [], sectors = [], leadins = [], communes, bassins }: ServiceSearchData): ServiceSearch {
  const servedAreas = createServedAreas(communes, bassins);
  const slots = new Slots();
  // Every bassin and commune has its slot, for the region-wide services' count it gets.
  for (const bassin of bassins) slots.slot(LIST_FACETS.indexOf('bassins'), bassin.id);
  for (const commune of communes) slots.slot(LIST_FACETS.indexOf('communes'), commune.nis);
  const patternIds = new Map<string, number>();
  const patterns: CompiledHours[] = [];
  const columns: Columns = { entries: [], slotData: [], facetStarts: [], flagsOf: [], hoursOf: [] };
  const { entries, slotData, facetStarts, flagsOf, hoursOf } = columns;
  const nameKeys: string[] = [];

  function addEntry(service: Service): void {
    const served = servedAreas(service);
    // A closing alert closes the service meanwhile, for "open now" as for its card.
    const effective = hoursWithAlerts(service);
    const hoursKey = JSON.stringify(effective ?? null);
    let hours = patternIds.get(hoursKey);
    if (hours === undefined) patternIds.set(hoursKey, (hours = patterns.push(compileHours(effective)) - 1));
    const lists: Record<ListFacet, readonly string[]> = {
      categoryIds: service.categoryIds.map(String),
      sectorIds: (service.sectorIds ?? []).map(String),
      bassins: served.bassins,
      communes: served.communes,
      languages: service.languages ?? [],
      publics: service.publics ?? [],
    };
    LIST_FACETS.forEach((facet, index) => {
      facetStarts.push(slotData.length);
      for (const value of lists[facet]) slotData.push(slots.slot(index, value));
    });
    facetStarts.push(slotData.length);
    entries.push(service);
    flagsOf.push(
      (service.cost?.free === true ? FLAG_BITS.free : 0) |
        (service.appointment === 'not-required' || service.appointment === 'either' ? FLAG_BITS.withoutAppointment : 0) |
        ((service.locations ?? []).some((location) => location.accessibility?.reducedMobility === 'full') ? FLAG_BITS.reducedMobility : 0),
    );
    hoursOf.push(hours);
  }

  // Words are indexed on the first search with words (or by add() and prepare()), so a finder
  // can show its first results, which need no words, before the index exists.
  const textIndex = createTextIndex(categories, sectors, leadins);
  let indexed = 0;
  const indexWords = () => {
    for (; indexed < entries.length; indexed++) textIndex.add(indexed, entries[indexed]!);
  };

  // Without words, services come in name order (accents and case ignored), then feed order.
  // The order grows with the services: each batch is sorted, then merged in.
  let byName = new Int32Array(0);
  const rankingRoom = new RankingRoom();
  const compareNames = (a: number, b: number) => (nameKeys[a]! < nameKeys[b]! ? -1 : nameKeys[a]! > nameKeys[b]! ? 1 : a - b);
  const sortByName = () => {
    if (byName.length === entries.length) return;
    const added = Array.from({ length: entries.length - byName.length }, (_, offset) => byName.length + offset).sort(compareNames);
    const merged = new Int32Array(entries.length);
    let left = 0;
    let right = 0;
    for (let at = 0; at < merged.length; at++) {
      merged[at] = right >= added.length || (left < byName.length && compareNames(byName[left]!, added[right]!) < 0) ? byName[left++]! : added[right++]!;
    }
    byName = merged;
  };

  const addOne = (service: Service) => {
    addEntry(service);
    nameKeys.push(normalWords(texts(service.name)).join(' '));
  };
  services.forEach(addOne);

  // The last results, for the keystrokes that do not change the question (a 4th letter of an
  // unfinished word, backspace): same words, filters and minute give the same answer.
  const recent = new Map<string, ServiceSearchResult>();
  let lastWithoutWords: { key: string; result: ServiceSearchResult } | undefined;

  return {
    get size() {
      return entries.length;
    },
    prepare: indexWords,
    async add(more, { signal } = {}) {
      recent.clear();
      lastWithoutWords = undefined;
      await inSlices(
        more,
        (service) => {
          addOne(service);
          indexWords();
        },
        signal,
      );
      sortByName();
      recent.clear();
      lastWithoutWords = undefined;
    },
    search(text, filters = {}, { at = new Date() } = {}) {
      const now = brusselsTime(at);
      let words = queryWords(text);
      // Two letters that are no word of the directory: the start of a word being typed, not yet a question.
      let shortMatches: TextMatches | undefined;
      if (words && words.join('').length < 3) {
        indexWords();
        shortMatches = textIndex.search(words);
        if (shortMatches.size === 0) words = undefined;
      }
      const key = JSON.stringify([words ?? null, filters, now.date, now.minutes, entries.length]);
      const remembered = recent.get(key) ?? (lastWithoutWords?.key === key ? lastWithoutWords.result : undefined);
      if (remembered) return remembered;
      if (words) indexWords();
      sortByName();
      const matches = words ? (shortMatches ?? textIndex.search(words)) : undefined;
      const candidates = matches ? ranked(matches, byName, rankingRoom) : byName;
      const candidatesWithEveryWord = matches ? matches.withEveryWord : byName.length;

      // The active filters: the wanted slots of each filtered list facet, the flags required.
      const slotCount = slots.pairs.length;
      const wanted = new Uint8Array(slotCount);
      const filteredFacets = LIST_FACETS.flatMap((facet, index) => {
        const values = filters[facet];
        if (!values?.length) return [];
        slots.mark(wanted, index, values);
        return [index];
      });
      const requiredFlags = (filters.free ? FLAG_BITS.free : 0) | (filters.withoutAppointment ? FLAG_BITS.withoutAppointment : 0) | (filters.reducedMobility ? FLAG_BITS.reducedMobility : 0);
      const openPatterns = Uint8Array.from(patterns, (pattern) => (pattern.isOpen(now) ? 1 : 0));
      const { results, withEveryWord, counts, flagCounts } = filterAndCount(candidates, candidatesWithEveryWord, columns, { wanted, filteredFacets, openNow: filters.openNow === true, requiredFlags, openPatterns });

      const facets = Object.fromEntries([
        ...FLAG_FACETS.map((flag, index) => [flag, flagCounts[index]!]),
        ...LIST_FACETS.map((facet) => [facet, [] as FacetCount[]]),
      ]) as unknown as ServiceSearchResult['facets'];
      const everywhere = LIST_FACETS.map((_, facet) => {
        const slot = slots.find(facet, EVERYWHERE);
        return slot === undefined ? 0 : counts[slot]!;
      });
      counts.forEach((own, slot) => {
        const { facet, value } = slots.pairs[slot]!;
        const count = own + everywhere[facet]!;
        if (count > 0 && value !== EVERYWHERE) facets[LIST_FACETS[facet]!].push({ value, count });
      });
      for (const facet of LIST_FACETS) facets[facet].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
      const wordsNotFound = (matches?.unmatched ?? []).map((position) => words![position]!);
      const suggestions: Record<string, string> = {};
      for (const word of wordsNotFound) {
        const near = textIndex.suggest(word);
        if (near) suggestions[word] = near;
      }
      const result = { services: results, withEveryWord, wordsNotFound, suggestions, facets };
      if (recent.size >= 16) recent.delete(recent.keys().next().value!);
      recent.set(key, result);
      // The list without words comes back after every cleared box or new first letter: keep it apart.
      if (!matches) lastWithoutWords = { key, result };
      return result;
    },
  };
}
