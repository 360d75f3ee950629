// What reads a place a page or a person names (a postal code, a commune's name) and finds its
// helpdesk: loaded when a place is named, so a finder told nothing of the kind does not carry it
// before its first results. The SDK's communes and bassins answer before the feed's arrive.
export { helpdeskFor, resolveTerritory } from '@brusano/sdk/territory';
export { bassins } from '@brusano/sdk/reference/bassins';
export { communes } from '@brusano/sdk/reference/communes';
