import contact from 'brusano:regional-contact';

/**
 * The one script a partner page includes. It defines nothing by itself: when a `brusano-*`
 * element is on the page, now or later, it imports that element's chunk from beside itself and
 * defines it, so a page pays only for the elements it shows. A name already defined (another
 * copy, another version) is left alone. When a chunk cannot be loaded, the element says so in
 * French, Dutch or English and gives the regional contact.
 */
const ELEMENTS: Record<string, () => Promise<{ default: CustomElementConstructor }>> = {
  'brusano-service-finder': () => import('./elements/brusano-service-finder.js'),
  'brusano-agenda': () => import('./elements/brusano-agenda.js'),
  'brusano-helpdesk-card': () => import('./elements/brusano-helpdesk-card.js'),
};

const FAILED: Record<'fr' | 'nl' | 'en', string> = {
  fr: 'Ce module n’a pas pu se charger. Rechargez la page, ou contactez :',
  nl: 'Deze module kon niet worden geladen. Laad de pagina opnieuw, of neem contact op met:',
  en: 'This section could not be loaded. Reload the page, or contact:',
};

const registering = new Map<string, Promise<void>>();
const failed = new Set<string>();

function languageOf(element: Element): 'fr' | 'nl' | 'en' {
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
  phone.textContent = contact.phone;
  const site = document.createElement('a');
  site.href = contact.website;
  site.textContent = contact.website.replace(/^https:\/\/(www\.)?/, '').replace(/\/$/, '');
  message.append(`${FAILED[lang]} ${contact.name[lang]}, `, phone, ' · ', site);
  element.append(message);
}

function register(tag: string): void {
  if (failed.has(tag)) {
    document.querySelectorAll(`${tag}:not(:defined)`).forEach(showFailure);
    return;
  }
  if (customElements.get(tag) || registering.has(tag)) return;
  const load = ELEMENTS[tag];
  if (!load) return;
  registering.set(
    tag,
    load().then(
      (module) => {
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
  for (const element of candidates) if (element.localName.startsWith('brusano-')) register(element.localName);
}

discover(document);
new MutationObserver((mutations) => {
  for (const mutation of mutations) for (const node of mutation.addedNodes) if (node instanceof Element) discover(node);
}).observe(document.documentElement, { childList: true, subtree: true });
