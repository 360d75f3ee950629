/** The finder's search: weighted full text across French and Dutch, facets that follow the query, "open now". */
export {
  createServiceSearch,
  type ServiceFilters,
  type ServiceSearch,
  type ServiceSearchData,
  type ServiceSearchResult,
  type FacetCount,
  type ListFacet,
  type FlagFacet,
} from './search/service-search.js';
export { understandQuery, mergeFilters, type QueryFilter, type UnderstoodQuery } from './search/query-filters.js';
export { normalizeText } from './text/normalize.js';
