import contact from 'brusano:regional-contact';
import communeOfPostalCode from 'brusano:postal-codes';

/**
 * The one script a partner page includes. It defines nothing by itself: when a `brusano-*`
 * element is on the page, now or later, it imports that element's chunk from beside itself and
 * defines it, so a page pays only for the elements it shows. A name already defined (another
 * copy, another version) is left alone. When a chunk cannot be loaded, the element says so in
 * French, Dutch or English and gives the regional contact.
 */
interface ElementModule {
  default: CustomElementConstructor;
  /** Hands the element's feed reader the answers the loader already asked for. */
  adoptEarlyResponses?: (responses: Map<string, Promise<Response>>) => void;
}

type Language = 'fr' | 'nl' | 'en';

/** Each element's code, and its texts in each language (the loader brings the page's language along). */
const ELEMENTS: Record<string, { element: () => Promise<ElementModule>; texts: Record<Language, () => Promise<unknown>> }> = {
  'brusano-service-finder': {
    element: () => import('./elements/brusano-service-finder.js'),
    texts: { fr: () => import('../service-finder/strings/fr.js'), nl: () => import('../service-finder/strings/nl.js'), en: () => import('../service-finder/strings/en.js') },
  },
  'brusano-agenda': {
    element: () => import('./elements/brusano-agenda.js'),
    texts: { fr: () => import('../agenda/strings/fr.js'), nl: () => import('../agenda/strings/nl.js'), en: () => import('../agenda/strings/en.js') },
  },
  'brusano-helpdesk-card': {
    element: () => import('./elements/brusano-helpdesk-card.js'),
    texts: { fr: () => import('../helpdesk-card/strings/fr.js'), nl: () => import('../helpdesk-card/strings/nl.js'), en: () => import('../helpdesk-card/strings/en.js') },
  },
};

const FAILED: Record<Language, string> = {
  fr: 'Ce module n’a pas pu se charger. Rechargez la page, ou contactez :',
  nl: 'Deze module kon niet worden geladen. Laad de pagina opnieuw, of neem contact op met:',
  en: 'This section could not be loaded. Reload the page, or contact:',
};

/**
 * The feed files each element reads first, besides the manifest, where a built feed keeps them:
 * asked for here, while the element's code is on its way, they arrive together with it.
 */
const FIRST_FILES: Record<string, (element: Element) => string[]> = {
  'brusano-service-finder': (element) => {
    const page = finderFirstPage(element);
    return page ? [`browser/first/${page}.json`] : [];
  },
  'brusano-agenda': () => ['events.json', 'bassins.json'],
  'brusano-helpdesk-card': () => ['bassins.json', 'communes.json', 'quartiers.json', 'helpdesks.json'],
};

/** The finder's first page for its attributes (the SDK's territoryKey), when the attributes alone tell it. */
function finderFirstPage(element: Element): string | undefined {
  if (['category', 'query', 'sync-url'].some((name) => element.hasAttribute(name))) return undefined;
  const bassin = element.getAttribute('bassin')?.trim();
  const commune = element.getAttribute('commune')?.trim();
  if (bassin && commune) return undefined;
  if (commune) {
    // A Brussels NIS code (21001 to 21019, as the finder's NIS_CODE) or a postal code; any other
    // code asks for nothing, the finder showing the Region then. Own keys only: "constructor" is no code.
    const nis = /^210(0[1-9]|1\d)$/.test(commune) ? commune : Object.hasOwn(communeOfPostalCode, commune) ? communeOfPostalCode[commune] : undefined;
    return nis ? `commune-${nis}` : undefined;
  }
  return bassin ? (/^[a-z0-9-]+$/.test(bassin) ? `bassin-${bassin}` : undefined) : 'region';
}

const early = new Map<string, Promise<Response>>();

/** Asks for an element's first feed files now, as the SDK's reader would (no cookie, the HTTP cache revalidated). */
function askEarly(element: Element): void {
  const feed = element.getAttribute('feed')?.trim();
  const files = FIRST_FILES[element.localName];
  if (!feed || !files) return;
  let manifest: URL;
  try {
    manifest = new URL(feed, document.baseURI);
  } catch {
    return;
  }
  if (manifest.protocol !== 'http:' && manifest.protocol !== 'https:') return;
  if (manifest.pathname.endsWith('/')) manifest.pathname += 'manifest.json';
  for (const url of [manifest.href, ...files(element).map((file) => new URL(file, manifest).href)]) {
    if (early.has(url)) continue;
    const response = fetch(url, { cache: 'no-cache', credentials: 'omit' });
    response.catch(() => undefined); // a failure is the reader's to report, when it asks
    early.set(url, response);
  }
}

const registering = new Map<string, Promise<void>>();
const failed = new Set<string>();

function languageOf(element: Element): Language {
  const lang = element.closest('[lang]')?.getAttribute('lang')?.trim().slice(0, 2).toLowerCase();
  return lang === 'nl' || lang === 'en' ? lang : 'fr';
}

/** Says in the element itself (its light DOM, hidden once it is ever defined) that it could not load. */
function showFailure(element: Element): void {
  if (element.querySelector(':scope > [data-brusano-fallback]')) return;
  const lang = languageOf(element);
  const message = document.createElement('p');
  message.setAttribute('data-brusano-fallback', '');
  message.setAttribute('role', 'alert');
  message.lang = lang;
  const phone = document.createElement('a');
  phone.href = `tel:${contact.phone.replace(/\s/g, '')}`;
  phone.textContent = contact.phoneText;
  const site = document.createElement('a');
  site.href = contact.website;
  site.textContent = contact.website.replace(/^https:\/\/(www\.)?/, '').replace(/\/$/, '');
  message.append(`${FAILED[lang]} ${contact.name[lang]}, `, phone, ' · ', site);
  element.append(message);
}

function register(element: Element): void {
  const tag = element.localName;
  if (failed.has(tag)) {
    showFailure(element);
    return;
  }
  if (customElements.get(tag)) return;
  const entry = ELEMENTS[tag];
  if (!entry) return;
  askEarly(element);
  if (registering.has(tag)) return;
  registering.set(
    tag,
    Promise.all([entry.element(), entry.texts[languageOf(element)]()]).then(
      ([module]) => {
        module.adoptEarlyResponses?.(early);
        if (!customElements.get(tag)) customElements.define(tag, module.default);
      },
      (error: unknown) => {
        failed.add(tag);
        console.error(`Brusano widgets: <${tag}> could not be loaded from ${new URL('./elements/', import.meta.url).href}`, error);
        document.querySelectorAll(`${tag}:not(:defined)`).forEach(showFailure);
      },
    ),
  );
}

/**
 * Defines the `brusano-*` elements found in a part of the page. The loader watches the document;
 * call it yourself for elements inside a shadow root of your own.
 *
 * @example
 * import { discover } from 'https://YOUR-CDN/brusano-widgets.js';
 * discover(myComponent.shadowRoot);
 */
export function discover(root: Document | DocumentFragment | Element): void {
  const candidates = [...root.querySelectorAll(':not(:defined)')];
  if (root instanceof Element && !root.matches(':defined')) candidates.push(root);
  for (const element of candidates) if (element.localName.startsWith('brusano-')) register(element);
}

discover(document);
new MutationObserver((mutations) => {
  for (const mutation of mutations) for (const node of mutation.addedNodes) if (node instanceof Element) discover(node);
}).observe(document.documentElement, { childList: true, subtree: true });
