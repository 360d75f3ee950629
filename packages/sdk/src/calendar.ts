/** Calendars of events: RFC 5545 iCalendar files, and schema.org JSON-LD for search engines. */
export { eventToJsonLd } from './calendar/json-ld.js';
export { eventsToIcs, eventToIcs, territoryCalendars, type IcsOptions, type TerritoryCalendar } from './calendar/ics.js';
