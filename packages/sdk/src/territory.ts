/**
 * Where a place is in Brussels' organisation of help (commune, bassin, sub-area) and whom to
 * call there, from the reference data you give: a loaded feed's, or the SDK's own copy
 * (`@brusano/sdk/reference`). A page that has a feed then carries no second copy.
 * `@brusano/sdk` offers the same functions with the SDK's copy as the default.
 */
export {
  resolveTerritory,
  type TerritoryAnswer,
  type TerritoryArea,
  type TerritoryReference,
  type TerritoryStatus,
} from './territory/resolve-territory.js';
export { helpdeskFor, type HelpdeskAnswer, type HelpdeskChoice } from './helpdesk/helpdesk-for.js';
export { regionalHelpdesk, isReachable, type HelpdeskReference } from './helpdesk/regional.js';
export { regionalContact } from './generated/regional-contact.js';
