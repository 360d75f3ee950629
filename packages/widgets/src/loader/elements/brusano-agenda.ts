// The agenda's chunk, as the loader imports it when a <brusano-agenda> appears.
export { BrusanoAgenda as default } from '../../agenda/agenda.component.js';
export { adoptEarlyResponses } from '../../shared/feed-store.js';
