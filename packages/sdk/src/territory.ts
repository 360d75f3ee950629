/**
 * Where a place is in Brussels' organisation of help (commune, bassin, sub-area) and whom to
 * call there: offline, from the reference data the SDK carries, or from a loaded feed's.
 */
export {
  resolveTerritory,
  type TerritoryAnswer,
  type TerritoryArea,
  type TerritoryReference,
  type TerritoryStatus,
} from './territory/resolve-territory.js';
export { helpdeskFor, regionalHelpdesk, isReachable, type HelpdeskAnswer, type HelpdeskChoice, type HelpdeskReference } from './helpdesk/helpdesk-for.js';
export { regionalContact } from './generated/reference.js';
