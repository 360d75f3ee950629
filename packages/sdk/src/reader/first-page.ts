import type { OpeningHours, Service } from '../generated/types.js';
import type { FacetCount, FlagFacet, ListFacet } from '../search/service-search.js';
import type { Problem } from '../validation/problem.js';

export const FIRST_PAGE_FORMAT = 'brusano-first-page/1';
/** Where a built feed keeps its first pages, relative to the manifest. */
export const FIRST_PAGES_URL = 'browser/first/{territory}.json';

/**
 * The finder's first screen for a territory, precomputed by `brusano-feed build`: the first
 * services in the finder's order, how many there are in all, and the count of every filter, so a
 * page shows results before the whole directory has arrived.
 */
export interface FirstPage {
  format: typeof FIRST_PAGE_FORMAT;
  /** `region`, `bassin-<id>` or `commune-<NIS code>`. */
  territory: string;
  /** How many services the territory has. */
  total: number;
  /** The first services, in the order the finder lists them without words. */
  services: Service[];
  /** Facet counts over the territory's services ("open now" depends on the hour: see `hours`). */
  facets: Record<ListFacet, FacetCount[]> & Record<Exclude<FlagFacet, 'openNow'>, number>;
  /** Each distinct set of opening hours in the territory with how many services have it, to count who is open now. */
  hours: [OpeningHours | null, number][];
}

/** A first page as read in a browser: what was kept, and what was not. */
export interface ReadFirstPage extends FirstPage {
  problems: Problem[];
}

/**
 * The first-page key of the finder's starting territory: a commune (NIS code), a bassin, or the
 * whole Region.
 *
 * @example
 * territoryKey({ commune: '21010' }) // 'commune-21010'
 */
export function territoryKey({ bassin, commune }: { bassin?: string | undefined; commune?: string | undefined }): string | undefined {
  if (bassin && commune) return undefined;
  if (commune) return /^[0-9]{5}$/.test(commune) ? `commune-${commune}` : undefined;
  if (bassin) return /^[a-z0-9-]+$/.test(bassin) ? `bassin-${bassin}` : undefined;
  return 'region';
}
