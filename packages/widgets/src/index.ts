// Registers the three Brusano widgets and exports their classes.
// To register one only, import '@brusano/widgets/service-finder.js' (or agenda.js, helpdesk-card.js).
export * from './service-finder/service-finder.js';
export * from './agenda/agenda.js';
export * from './helpdesk-card/helpdesk-card.js';
export type { BrusanoErrorDetail } from './shared/brusano-element.js';
