// The finder's chunk, as the loader imports it when a <brusano-service-finder> appears.
export { BrusanoServiceFinder as default } from '../../service-finder/service-finder.component.js';
export { adoptEarlyResponses } from '../../shared/feed-store.js';
