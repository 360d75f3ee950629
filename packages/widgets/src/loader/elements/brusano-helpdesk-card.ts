// The helpdesk card's chunk, as the loader imports it when a <brusano-helpdesk-card> appears.
export { BrusanoHelpdeskCard as default } from '../../helpdesk-card/helpdesk-card.component.js';
export { adoptEarlyResponses } from '../../shared/feed-store.js';
