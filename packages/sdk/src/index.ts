export * from './errors/index.js';
export { createClient, SCHEMA_MAJOR_VERSION, type ClientOptions, type Feed, type FeedClient } from './feed/create-client.js';
export { validateDataset, isOptionalDataset, DATASET_NAMES, type DatasetName, type FeedData } from './validation/datasets.js';
export { validateManifest } from './generated/validators.js';
export { problemsFromAjv, type Problem } from './validation/problem.js';
export { checkReferences } from './validation/references.js';
export {
  resolveTerritory,
  type TerritoryAnswer,
  type TerritoryArea,
  type TerritoryReference,
  type TerritoryStatus,
} from './territory/resolve-territory.js';
export { helpdeskFor, regionalHelpdesk, isReachable, type HelpdeskAnswer, type HelpdeskChoice, type HelpdeskReference } from './helpdesk/helpdesk-for.js';
export { normalizeText } from './text/normalize.js';
export type * from './generated/types.js';
export { openingStatus, intervalsOn, type OpeningStatus } from './hours/opening-status.js';
export { brusselsTime, weekdayOf, WEEKDAYS, TIME_ZONE, type BrusselsTime, type Weekday } from './hours/brussels-time.js';
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
export { eventToJsonLd } from './calendar/json-ld.js';
export { eventsToIcs, eventToIcs, territoryCalendars, type IcsOptions, type TerritoryCalendar } from './calendar/ics.js';
export { helpdeskToVCard } from './contact/vcard.js';
export { localize, LANGUAGES, type Language } from './text/localize.js';
