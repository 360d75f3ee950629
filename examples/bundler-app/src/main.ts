// An app that owns its data: it loads the feed once with the SDK, hands it to the widgets
// (`feedData`), and reacts to their events. Its own texts follow the demo's FR/NL/EN switch.
import { createClient, helpdeskFor, localize, type Service } from '@brusano/sdk';
import '@brusano/widgets/service-finder.js';
import '@brusano/widgets/helpdesk-card.js';
import type { ServiceSelectDetail } from '@brusano/widgets/service-finder.js';
import '../../site/language-switch.js';

type Language = 'fr' | 'nl' | 'en';

const finder = document.querySelector('brusano-service-finder')!;
const card = document.querySelector('brusano-helpdesk-card')!;
const summary = document.getElementById('summary')!;
const chosen = document.getElementById('chosen')!;

/** Sets a text in the three languages; the switch shows the one the page is in. */
function say(element: HTMLElement, texts: (lang: Language) => string): void {
  for (const lang of ['fr', 'nl', 'en'] as const) element.dataset[lang] = texts(lang);
  element.textContent = element.dataset[document.documentElement.lang] ?? element.dataset.fr!;
}

try {
  const feed = await createClient({ feedUrl: new URL('../feed/manifest.json', window.location.href) }).load();
  finder.feedData = feed;
  card.feedData = feed;
  const { length: services } = feed.services;
  const { length: problems } = feed.problems;
  say(summary, (lang) =>
    ({
      fr: `${services} services chargés, ${problems} fiches écartées.`,
      nl: `${services} diensten geladen, ${problems} fiches weggelaten.`,
      en: `${services} services loaded, ${problems} records left out.`,
    })[lang],
  );
} catch (error) {
  const { message } = error as Error;
  say(summary, (lang) => ({ fr: `Le flux n'a pas pu être chargé : ${message}`, nl: `De feed kon niet worden geladen: ${message}`, en: `The feed could not be loaded: ${message}` })[lang]);
}

finder.addEventListener('brusano-select', (event) => {
  const service: Service = (event as CustomEvent<ServiceSelectDetail>).detail.service;
  const location = service.locations?.[0];
  // The helpdesk for the service's place, found by the SDK.
  const bassin = location ? helpdeskFor(location.address.postalCode, card.feedData).choices[0]?.bassin : undefined;
  if (location) card.setAttribute('postal-code', location.address.postalCode);
  say(chosen, (lang) => {
    const name = localize(service.name, lang)?.text ?? service.id;
    const place = location ? ` — ${location.address.postalCode}` : '';
    const area = bassin ? ` (${lang === 'nl' ? 'zorgzone' : 'bassin'} ${localize(bassin.name, lang)?.text ?? bassin.name.fr})` : '';
    return `${name}${place}${area}`;
  });
});
