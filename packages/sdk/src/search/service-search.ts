import MiniSearch from 'minisearch';
import * as embedded from '../generated/reference.js';
import type { Bassin, Commune, Service, TaxonomyTerm } from '../generated/types.js';
import { openingStatus } from '../hours/opening-status.js';
import { resolveTerritory } from '../territory/resolve-territory.js';
import { normalizeText } from '../text/normalize.js';

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
  /** Matching services, best first. */
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
  lists: Record<ListFacet, ReadonlySet<string>>;
  free: boolean;
  withoutAppointment: boolean;
  reducedMobility: boolean;
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

/**
 * A search over the services of a feed: weighted full text (name over categories over
 * description), prefix and typo tolerance, accents and case ignored, plus facets whose counts
 * follow the current query.
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
        categoryIds: new Set(service.categoryIds.map(String)),
        sectorIds: new Set((service.sectorIds ?? []).map(String)),
        bassins: served.bassins,
        communes: served.communes,
        languages: new Set(service.languages ?? []),
        publics: new Set(service.publics ?? []),
      },
      free: service.cost?.free === true,
      withoutAppointment: service.appointment === 'not-required' || service.appointment === 'either',
      reducedMobility: (service.locations ?? []).some((location) => location.accessibility?.reducedMobility === 'full'),
    };
  });

  const index = new MiniSearch<{ id: number }>({
    fields: ['name', 'categories', 'description', 'place'],
    storeFields: [],
    processTerm: (term) => normalizeText(term) || null,
    tokenize: (text) => normalizeText(text).split(' '),
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
      combineWith: 'AND',
    },
  });
  index.addAll(entries.map((_, id) => ({ id })));

  const byName = entries
    .map((_, id) => id)
    .sort((a, b) => normalizeText(texts(entries[a]!.service.name)).localeCompare(normalizeText(texts(entries[b]!.service.name))));

  return {
    search(text, filters = {}, { at = new Date() } = {}) {
      const query = normalizeText(text);
      const ranked = query ? index.search(query).map((hit) => hit.id as number) : byName;
      const openNow = filters.openNow ? new Set(ranked.filter((id) => openingStatus(entries[id]!.service.hours, at).open)) : undefined;

      const passes = (id: number, skip?: ListFacet | FlagFacet) => {
        const entry = entries[id]!;
        for (const facet of LIST_FACETS) {
          const wanted = filters[facet];
          if (facet === skip || !wanted?.length) continue;
          if (!wanted.some((value) => entry.lists[facet].has(String(value)))) return false;
        }
        if (skip !== 'openNow' && openNow && !openNow.has(id)) return false;
        if (skip !== 'free' && filters.free && !entry.free) return false;
        if (skip !== 'withoutAppointment' && filters.withoutAppointment && !entry.withoutAppointment) return false;
        if (skip !== 'reducedMobility' && filters.reducedMobility && !entry.reducedMobility) return false;
        return true;
      };

      const facets = {} as ServiceSearchResult['facets'];
      for (const facet of LIST_FACETS) {
        const counts = new Map<string, number>();
        for (const id of ranked) {
          if (!passes(id, facet)) continue;
          for (const value of entries[id]!.lists[facet]) counts.set(value, (counts.get(value) ?? 0) + 1);
        }
        facets[facet] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      }
      for (const flag of FLAG_FACETS) {
        facets[flag] = ranked.filter(
          (id) => passes(id, flag) && (flag === 'openNow' ? openingStatus(entries[id]!.service.hours, at).open : entries[id]![flag]),
        ).length;
      }
      return { services: ranked.filter((id) => passes(id)).map((id) => entries[id]!.service), facets };
    },
  };
}
