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

/** Scores are ranked to a millionth, up to 2 000: ranking keys are score and name rank in one number. */
const SCORE_STEPS = 1e6;
const SCORE_CEILING = 2_000 * SCORE_STEPS;
const RANK_SPAN = 2 ** 21;

/** Bit of each flag facet in a service's flags. */
const FLAG_BITS = { free: 1, withoutAppointment: 2, reducedMobility: 4 } as const;

/** Every (facet, value) pair met in the services, numbered. */
class Slots {
  /** Facet and value of each slot. */
  readonly pairs: { facet: number; value: string }[] = [];
  private readonly ids = new Map<string, number>();

  slot(facet: number, value: string): number {
    const key = `${facet}\u0000${value}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.pairs.push({ facet, value }) - 1;
      this.ids.set(key, id);
    }
    return id;
  }

  /** 1 for the slots of the wanted values of a facet. */
  mark(table: Uint8Array, facet: number, values: readonly (string | number)[]): void {
    for (const value of values) {
      const id = this.ids.get(`${facet}\u0000${String(value)}`);
      if (id !== undefined) table[id] = 1;
    }
  }
}

const texts = (text: { fr?: string; nl?: string; en?: string } | undefined) => (text ? [text.fr, text.nl, text.en].filter(Boolean).join(' ') : '');

/** Where each service is, and whom it serves: communes and bassins, with territory look-ups done once per postal code. */
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
    const served = { bassins: new Set<string>(service.areaServed?.bassins ?? []), communes: new Set<string>(service.areaServed?.communes ?? []) };
    if (service.areaServed?.region) {
      for (const bassin of bassins) served.bassins.add(bassin.id);
      for (const commune of communes) served.communes.add(commune.nis);
    }
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
  const patternIds = new Map<string, number>();
  const patterns: CompiledHours[] = [];
  // What the per-keystroke pass reads of each service, in flat arrays side by side (one service,
  // one position): its facet values as slots, one number per (facet, value) pair across all list
  // facets; where each facet's slots start (LIST_FACETS.length + 1 marks per service); its flags
  // (free, without appointment, wheelchair, as bits); which of the distinct opening hours it has.
  const entries: Service[] = [];
  const slotData: number[] = [];
  const facetStarts: number[] = [];
  const flagsOf: number[] = [];
  const hoursOf: number[] = [];
  const nameKeys: string[] = [];
  const MARKS = LIST_FACETS.length + 1;

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
  let byName: number[] = [];
  let nameRank = new Int32Array(0);
  const compareNames = (a: number, b: number) => (nameKeys[a]! < nameKeys[b]! ? -1 : nameKeys[a]! > nameKeys[b]! ? 1 : a - b);
  const sortByName = () => {
    if (byName.length === entries.length) return;
    const added = Array.from({ length: entries.length - byName.length }, (_, offset) => byName.length + offset).sort(compareNames);
    const merged: number[] = [];
    let left = 0;
    let right = 0;
    while (left < byName.length || right < added.length) {
      if (right >= added.length || (left < byName.length && compareNames(byName[left]!, added[right]!) < 0)) merged.push(byName[left++]!);
      else merged.push(added[right++]!);
    }
    byName = merged;
    nameRank = new Int32Array(entries.length);
    byName.forEach((id, rank) => (nameRank[id] = rank));
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
        if (shortMatches.scores.size === 0) words = undefined;
      }
      const key = JSON.stringify([words ?? null, filters, now.date, now.minutes, entries.length]);
      const remembered = recent.get(key) ?? (lastWithoutWords?.key === key ? lastWithoutWords.result : undefined);
      if (remembered) return remembered;
      if (words) indexWords();
      sortByName();
      const matches = words ? (shortMatches ?? textIndex.search(words)) : undefined;
      // Services with every word first, then those missing one, two…; within each, best score
      // first and equal scores in name order, so the same query always ranks the same. Sorted as
      // numbers, score then rank in one key, which the engine sorts fastest.
      let candidates: ArrayLike<number> = byName;
      if (matches) {
        const byMissed: number[][] = [];
        for (const [id, score] of matches.scores) {
          (byMissed[matches.missed.get(id) ?? 0] ??= []).push((SCORE_CEILING - Math.min(SCORE_CEILING, Math.round(score * SCORE_STEPS))) * RANK_SPAN + nameRank[id]!);
        }
        candidates = byMissed.flatMap((keys) => Array.from(Float64Array.from(keys).sort(), (key) => byName[key % RANK_SPAN]!));
      }

      // The active filters: the wanted slots of each filtered list facet, the flags required.
      const slotCount = slots.pairs.length;
      const wanted = new Uint8Array(slotCount);
      const filtered = LIST_FACETS.map((facet, index) => {
        const values = filters[facet];
        if (values?.length) slots.mark(wanted, index, values);
        return Boolean(values?.length);
      });
      const requiredFlags = (filters.free ? FLAG_BITS.free : 0) | (filters.withoutAppointment ? FLAG_BITS.withoutAppointment : 0) | (filters.reducedMobility ? FLAG_BITS.reducedMobility : 0);
      const openPatterns = Uint8Array.from(patterns, (pattern) => (pattern.isOpen(now) ? 1 : 0));
      const isOpen = (entry: number) => openPatterns[hoursOf[entry]!] === 1;
      // Filters are numbered: list facets 0–5 in LIST_FACETS order, then openNow (6) and each flag bit (7–9).
      const OPEN_NOW = LIST_FACETS.length;
      const FLAG_ORDER = [FLAG_BITS.free, FLAG_BITS.withoutAppointment, FLAG_BITS.reducedMobility];

      // One pass: an entry that passes every filter is a result and counts for every facet;
      // one that fails a single filter counts for that filter's facet only (what choosing it would give).
      const counts = new Int32Array(slotCount);
      const flagCounts = new Int32Array(FLAG_FACETS.length);
      const results: Service[] = [];
      let withEveryWord = 0;
      for (let position = 0; position < candidates.length; position++) {
        const entry = candidates[position]!;
        const marks = entry * MARKS;
        const flags = flagsOf[entry]!;
        let failed = -1;
        let failures = 0;
        for (let facet = 0; facet < OPEN_NOW && failures < 2; facet++) {
          if (!filtered[facet]) continue;
          let found = false;
          for (let index = facetStarts[marks + facet]!; index < facetStarts[marks + facet + 1]! && !found; index++) found = wanted[slotData[index]!] === 1;
          if (!found) {
            failed = facet;
            failures++;
          }
        }
        if (failures < 2 && filters.openNow && !isOpen(entry)) {
          failed = OPEN_NOW;
          failures++;
        }
        for (let flag = 0; flag < FLAG_ORDER.length && failures < 2; flag++) {
          const bit = FLAG_ORDER[flag]!;
          if (requiredFlags & bit && !(flags & bit)) {
            failed = OPEN_NOW + 1 + flag;
            failures++;
          }
        }
        if (failures > 1) continue;
        if (failures === 0) {
          if (!matches?.missed.has(entry)) withEveryWord++;
          results.push(entries[entry]!);
          for (let index = facetStarts[marks]!, end = facetStarts[marks + OPEN_NOW]!; index < end; index++) counts[slotData[index]!]!++;
        } else if (failed < OPEN_NOW) {
          for (let index = facetStarts[marks + failed]!; index < facetStarts[marks + failed + 1]!; index++) counts[slotData[index]!]!++;
        }
        if ((failures === 0 || failed === OPEN_NOW) && isOpen(entry)) flagCounts[0]!++;
        for (let flag = 0; flag < FLAG_ORDER.length; flag++) {
          if ((failures === 0 || failed === OPEN_NOW + 1 + flag) && flags & FLAG_ORDER[flag]!) flagCounts[flag + 1]!++;
        }
      }

      const facets = Object.fromEntries([
        ...FLAG_FACETS.map((flag, index) => [flag, flagCounts[index]!]),
        ...LIST_FACETS.map((facet) => [facet, [] as FacetCount[]]),
      ]) as unknown as ServiceSearchResult['facets'];
      counts.forEach((count, slot) => {
        if (count === 0) return;
        const { facet, value } = slots.pairs[slot]!;
        facets[LIST_FACETS[facet]!].push({ value, count });
      });
      for (const facet of LIST_FACETS) facets[facet].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
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
