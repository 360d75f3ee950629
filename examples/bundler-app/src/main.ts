// An app that owns its data: it loads the feed once with the SDK, hands it to the widgets
// (`feedData`), and reacts to their events.
import { createClient, helpdeskFor, localize, type Service } from '@brusano/sdk';
import '@brusano/widgets/service-finder.js';
import '@brusano/widgets/helpdesk-card.js';
import type { ServiceSelectDetail } from '@brusano/widgets/service-finder.js';

const finder = document.querySelector('brusano-service-finder')!;
const card = document.querySelector('brusano-helpdesk-card')!;
const summary = document.getElementById('summary')!;
const chosen = document.getElementById('chosen')!;

try {
  const feed = await createClient({ feedUrl: new URL('../feed/manifest.json', window.location.href) }).load();
  finder.feedData = feed;
  card.feedData = feed;
  summary.textContent = `${feed.services.length} services chargés, ${feed.problems.length} fiches écartées.`;
} catch (error) {
  summary.textContent = `Le flux n'a pas pu être chargé : ${(error as Error).message}`;
}

finder.addEventListener('brusano-select', (event) => {
  const service: Service = (event as CustomEvent<ServiceSelectDetail>).detail.service;
  const location = service.locations?.[0];
  chosen.textContent = `${localize(service.name, 'fr')?.text ?? service.id}${location ? ` — ${location.address.postalCode}` : ''}`;
  if (location) {
    // The helpdesk for the service's place, found by the SDK.
    card.setAttribute('postal-code', location.address.postalCode);
    const bassin = helpdeskFor(location.address.postalCode, card.feedData).choices[0]?.bassin;
    if (bassin) chosen.textContent += ` (bassin ${bassin.name.fr})`;
  }
});
