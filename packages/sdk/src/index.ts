// Everything the SDK offers, for Node and for apps. A page that wants only one part imports its
// entry point instead (`@brusano/sdk/territory`, `/reader`, `/search`, `/hours`, `/calendar`,
// `/contact`, `/text`, `/client`) and loads nothing else.
import * as reference from './generated/reference.js';
import { helpdeskFor as helpdeskIn, type HelpdeskAnswer, type HelpdeskReference } from './helpdesk/helpdesk-for.js';
import { createServiceSearch as searchIn, type ServiceSearch, type ServiceSearchData } from './search/service-search.js';
import { resolveTerritory as resolveIn, type TerritoryAnswer, type TerritoryReference } from './territory/resolve-territory.js';
import { territoryAt as territoryIn } from './geo/territory-at.js';

export * from './client.js';
export * from './territory.js';
export * from './search.js';
export * from './hours.js';
export * from './calendar.js';
export * from './contact.js';
export * from './text.js';
export { communeAt, distanceInMetres } from './geo.js';
export * from './report.js';
export { openFeed, readFirstPage, prefetchServices, readServices, territoryKey, guardRecords, guardDocument, encodeRowGroup, decodeRowGroup, SharedValues, COLUMNS_FORMAT, FIRST_PAGE_FORMAT, FIRST_PAGES_URL } from './reader.js';
export type { FeedReader, FeedSnapshot, ReaderOptions, DatasetRead, ServiceBatch, FirstPage, ReadFirstPage, Shape, GuardResult, Column, RowGroup } from './reader.js';
export * from './generated/shapes.js';
export type * from './generated/types.js';

/**
 * Finds where a place is in the Brussels territorial organisation: its commune(s) and bassin(s),
 * from a postal code, a NIS code, or the name of a commune, a part of Brussels-City or a quartier,
 * in French or Dutch. Offline, from the SDK's reference data unless you pass a feed's.
 *
 * @example
 * resolveTerritory('1090').bassins[0].id  // 'nord'
 * resolveTerritory('1050').ambiguous      // true: Ixelles (Sud) or Brussels-City around avenue Louise
 * resolveTerritory('1300').status         // 'outside-region'
 */
export function resolveTerritory(input: string, data: TerritoryReference = reference): TerritoryAnswer {
  return resolveIn(input, data);
}

/**
 * The helpdesk(s) for a place, with the regional contact as fallback; from the SDK's reference
 * data unless you pass a feed's.
 *
 * @example
 * helpdeskFor('1090').choices[0].helpdesk?.phones[0]?.number // '+32 2 318 60 54' (Bassin Nord)
 */
export function helpdeskFor(territory: TerritoryAnswer | string, data: HelpdeskReference = reference): HelpdeskAnswer {
  return helpdeskIn(territory, data);
}

/**
 * The finder's search over a feed's services; the SDK's communes and bassins place them when
 * the data has none.
 *
 * @example
 * const { services, facets } = createServiceSearch(feed).search('maison medicale', { bassins: ['nord'], openNow: true });
 */
export function createServiceSearch(data: Omit<ServiceSearchData, 'communes' | 'bassins'> & Partial<ServiceSearchData>): ServiceSearch {
  return searchIn({ communes: reference.communes, bassins: reference.bassins, ...data });
}

/**
 * Where a point (longitude, latitude in WGS84) is: its commune, from the official boundaries, and
 * its bassin(s); the SDK's reference data unless you give yours.
 *
 * @example
 * territoryAt(4.3717, 50.8275).communes[0].name.fr // 'Ixelles' (Place Flagey)
 */
export function territoryAt(longitude: number, latitude: number, data: TerritoryReference = reference): TerritoryAnswer {
  return territoryIn(longitude, latitude, data);
}

