import MiniSearch, { type Query } from 'minisearch';
import * as embedded from '../generated/reference.js';
import type { Bassin, Commune, Service, TaxonomyTerm } from '../generated/types.js';
import { brusselsTime } from '../hours/brussels-time.js';
import { compileHours, type CompiledHours } from '../hours/compiled-hours.js';
import { resolveTerritory } from '../territory/resolve-territory.js';
import { normalizeText } from '../text/normalize.js';
import { STOP_WORDS, SYNONYMS } from './synonyms.js';

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
  /** Matching services, best first; equal scores in feed order, so the same query always ranks the same. */
  services: Service[];
  /** How many services each facet value would give with the other filters kept. */
  facets: Record<ListFacet, FacetCount[]> & Record<FlagFacet, number>;
}

export interface ServiceSearchData {
  services: readonly Service[];
  categories?: readonly TaxonomyTerm[];
  sectors?: readonly TaxonomyTerm[];
  communes?: readonly Commune[];
  bassins?: readonly Bassin[];
}

export interface ServiceSearch {
  search(text: string, filters?: ServiceFilters, options?: { at?: Date }): ServiceSearchResult;
}

interface Entry {
  service: Service;
  lists: Record<ListFacet, readonly string[]>;
  flags: Record<Exclude<FlagFacet, 'openNow'>, boolean>;
  hours: CompiledHours;
}

const texts = (text: { fr?: string; nl?: string; en?: string } | undefined) => (text ? [text.fr, text.nl, text.en].filter(Boolean).join(' ') : '');

function whereServed(service: Service, communes: readonly Commune[], bassins: readonly Bassin[]): { bassins: Set<string>; communes: Set<string> } {
  const served = { bassins: new Set<string>(service.areaServed?.bassins ?? []), communes: new Set<string>(service.areaServed?.communes ?? []) };
  if (service.areaServed?.region) {
    for (const bassin of bassins) served.bassins.add(bassin.id);
    for (const commune of communes) served.communes.add(commune.nis);
  }
  for (const location of service.locations ?? []) {
    const territory = resolveTerritory(location.address.postalCode, { communes, bassins, quartiers: [] });
    const commune = communes.find((candidate) => candidate.nis === location.address.nis) ?? (territory.communes.length === 1 ? territory.communes[0] : undefined);
    if (commune) served.communes.add(commune.nis);
    const ids = commune?.bassin ? [commune.bassin] : territory.bassins.map((bassin) => bassin.id);
    for (const id of ids) served.bassins.add(id);
  }
  for (const nis of served.communes) {
    const bassin = communes.find((commune) => commune.nis === nis)?.bassin;
    if (bassin) served.bassins.add(bassin);
  }
  return served;
}

function tokens(text: string): string[] {
  return normalizeText(text).split(' ').filter((token) => token && !STOP_WORDS.has(token));
}

const SYNONYM_GROUPS = SYNONYMS.map((group) => group.map(tokens));
const LONGEST_SYNONYM = Math.max(...SYNONYM_GROUPS.flat().map((words) => words.length));

/**
 * The query as MiniSearch reads it: every word must match (as a prefix, with typos allowed
 * on longer words), and a word or phrase with known equivalents matches any of them, so
 * "ocmw jette" finds a "CPAS" in Jette and "wijkgezondheidscentrum" a "maison médicale".
 */
function toQuery(text: string): Query | undefined {
  const words = tokens(text);
  if (words.length === 0) return undefined;
  const parts: Query[] = [];
  for (let index = 0; index < words.length; ) {
    let matched: readonly (readonly string[])[] | undefined;
    let length = 0;
    for (let size = Math.min(LONGEST_SYNONYM, words.length - index); size > 0 && !matched; size--) {
      const phrase = words.slice(index, index + size).join(' ');
      matched = SYNONYM_GROUPS.find((group) => group.some((alternative) => alternative.join(' ') === phrase));
      length = size;
    }
    if (matched) {
      parts.push({ combineWith: 'OR', queries: matched.map((alternative) => ({ combineWith: 'AND', queries: [...alternative] })) });
      index += length;
    } else {
      parts.push(words[index]!);
      index += 1;
    }
  }
  return { combineWith: 'AND', queries: parts };
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
export function createServiceSearch({ services, categories = [], sectors = [], communes = embedded.communes, bassins = embedded.bassins }: ServiceSearchData): ServiceSearch {
  const categoryText = new Map(categories.map((term) => [term.id, [texts(term.title), ...Object.values(term.keywords ?? {}).flat()].join(' ')]));
  const sectorText = new Map(sectors.map((term) => [term.id, texts(term.title)]));
  const entries: Entry[] = services.map((service) => {
    const served = whereServed(service, communes, bassins);
    return {
      service,
      lists: {
        categoryIds: service.categoryIds.map(String),
        sectorIds: (service.sectorIds ?? []).map(String),
        bassins: [...served.bassins],
        communes: [...served.communes],
        languages: service.languages ?? [],
        publics: service.publics ?? [],
      },
      flags: {
        free: service.cost?.free === true,
        withoutAppointment: service.appointment === 'not-required' || service.appointment === 'either',
        reducedMobility: (service.locations ?? []).some((location) => location.accessibility?.reducedMobility === 'full'),
      },
      hours: compileHours(service.hours),
    };
  });

  const index = new MiniSearch<{ id: number }>({
    fields: ['name', 'categories', 'description', 'place'],
    storeFields: [],
    tokenize: tokens,
    processTerm: (term) => term || null,
    extractField: (document, field) => {
      if (field === 'id') return String(document.id);
      const service = entries[document.id]!.service;
      switch (field) {
        case 'name':
          return [texts(service.name), ...(service.alternateNames ?? []).map(texts), texts(service.organization.name)].join(' ');
        case 'categories':
          return [...service.categoryIds.map((id) => categoryText.get(id)), ...(service.sectorIds ?? []).map((id) => sectorText.get(id))].join(' ');
        case 'description':
          return texts(service.description);
        default:
          return (service.locations ?? []).map((location) => texts(location.address.municipality)).join(' ');
      }
    },
    searchOptions: {
      boost: { name: 4, categories: 2, description: 1, place: 1 },
      prefix: true,
      fuzzy: (term) => (term.length > 4 ? 0.2 : false),
      maxFuzzy: 2,
    },
  });
  index.addAll(entries.map((_, id) => ({ id })));

  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  const byName = entries
    .map((entry, id) => ({ id, name: texts(entry.service.name) }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id)
    .map(({ id }) => id);

  return {
    search(text, filters = {}, { at = new Date() } = {}) {
      const query = toQuery(text);
      const candidates = query ? index.search(query).sort((a, b) => b.score - a.score || (a.id as number) - (b.id as number)).map((hit) => hit.id as number) : byName;
      const now = brusselsTime(at);

      // The active filters, as tests on an entry, each under its facet's name.
      const tests: [ListFacet | FlagFacet, (entry: Entry) => boolean][] = [];
      for (const facet of LIST_FACETS) {
        const wanted = filters[facet];
        if (wanted?.length) {
          const values = new Set(wanted.map(String));
          tests.push([facet, (entry) => entry.lists[facet].some((value) => values.has(value))]);
        }
      }
      if (filters.openNow) tests.push(['openNow', (entry) => entry.hours.isOpen(now)]);
      for (const flag of ['free', 'withoutAppointment', 'reducedMobility'] as const) {
        if (filters[flag]) tests.push([flag, (entry) => entry.flags[flag]]);
      }

      // One pass: an entry that passes every filter is a result and counts for every facet;
      // one that fails a single filter counts for that filter's facet only (what choosing it would give).
      const counts = Object.fromEntries(LIST_FACETS.map((facet) => [facet, new Map<string, number>()])) as Record<ListFacet, Map<string, number>>;
      const flagCounts: Record<FlagFacet, number> = { openNow: 0, free: 0, withoutAppointment: 0, reducedMobility: 0 };
      const results: Service[] = [];
      for (const id of candidates) {
        const entry = entries[id]!;
        let failed: ListFacet | FlagFacet | undefined;
        let failures = 0;
        for (const [facet, test] of tests) {
          if (!test(entry)) {
            failed = facet;
            if (++failures > 1) break;
          }
        }
        if (failures > 1) continue;
        if (failures === 0) results.push(entry.service);
        for (const facet of LIST_FACETS) {
          if (failures === 1 && failed !== facet) continue;
          const map = counts[facet];
          for (const value of entry.lists[facet]) map.set(value, (map.get(value) ?? 0) + 1);
        }
        for (const flag of FLAG_FACETS) {
          if (failures === 1 && failed !== flag) continue;
          if (flag === 'openNow' ? entry.hours.isOpen(now) : entry.flags[flag]) flagCounts[flag]++;
        }
      }

      const facets = { ...flagCounts } as ServiceSearchResult['facets'];
      for (const facet of LIST_FACETS) {
        facets[facet] = [...counts[facet]].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      }
      return { services: results, facets };
    },
  };
}
