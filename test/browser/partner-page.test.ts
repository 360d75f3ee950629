import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFeed } from '@brusano/feed';
import { launchChromium, scratchWithWidgets, serveSite, writePage, type Site } from '../support/browser.js';
import { SAMPLE_FEED } from '../support/paths.js';
import { loaderFiles } from '../../scripts/page-weights.mjs';

/** The policy a partner page can keep while embedding the widgets (stated in the README). */
const STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'";

// Records every CSP violation and error, as the page itself would see them.
const WATCH = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));`;

const page = (lang: string, head: string, body: string) => `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8" />
  <title>Partner page</title>
  <script type="module" src="/watch.js"></script>
  ${head}
</head>
<body>
  <main>${body}</main>
</body>
</html>`;

const THREE = `<brusano-service-finder feed="/feed/manifest.json" page-size="3"></brusano-service-finder>
  <brusano-agenda feed="/feed/manifest.json" limit="3"></brusano-agenda>
  <brusano-helpdesk-card feed="/feed/manifest.json" postal-code="1090"></brusano-helpdesk-card>`;

// Two builds on one page (a one-file element bundle and the loader, each with its own copy of
// Lit and the SDK), under a host stylesheet that tries to restyle everything.
const HOSTILE_CSS = `
* { font-family: "Comic Sans MS", cursive !important; }
p, li, dd, dt, h2, h3, button, a, input, select { color: rgb(255, 0, 0) !important; background: rgb(255, 255, 0) !important; display: inline !important; }
.card, .results, .notice, .status { display: none !important; }
button { border: 10px dashed rgb(0, 255, 0) !important; }
.page-text { color: rgb(1, 2, 3); }`;

/** Waits until each named element has rendered something other than "loading". */
async function rendered(tab: Page, names: string[]): Promise<void> {
  await tab.waitForFunction(
    (list: string[]) =>
      list.every((name) => {
        const root = document.querySelector(name)?.shadowRoot;
        return root && !root.querySelector('.notice[role="status"], .sr-only[role="status"]:not([aria-live]), [data-loading-directory]') && root.textContent!.trim().length > 0;
      }),
    { timeout: 20_000 },
    names,
  );
}

describe('the widgets on a partner page', () => {
  const scratch = scratchWithWidgets('brusano-partner-');
  let site: Site;
  let cdn: Site;
  let browser: Browser;

  beforeAll(async () => {
    const { folder } = scratch;
    await buildFeed(SAMPLE_FEED, join(folder, 'feed'));
    writePage(folder, 'watch.js', WATCH);
    writePage(folder, 'hostile.css', HOSTILE_CSS);
    writePage(folder, 'index.html', page('fr', '<script type="module" src="/widgets/brusano-widgets.js"></script>', THREE));
    writePage(
      folder,
      'two-copies.html',
      page(
        'nl',
        '<link rel="stylesheet" href="/hostile.css" /><script type="module" src="/widgets/brusano-service-finder.js"></script><script type="module" src="/widgets/brusano-widgets.js"></script>',
        `<span class="page-text">Tekst van de pagina</span>
        <brusano-service-finder feed="/feed/manifest.json" page-size="2"></brusano-service-finder>
        <brusano-helpdesk-card postal-code="1090"></brusano-helpdesk-card>
        <button class="page-button">Knop van de pagina</button>`,
      ),
    );
    writePage(folder, 'finder-only.html', page('fr', '<script type="module" src="/widgets/brusano-widgets.js"></script>', '<brusano-service-finder feed="/feed/manifest.json" page-size="3"></brusano-service-finder>'));
    writePage(folder, 'helpdesk-only.html', page('fr', '<script type="module" src="/widgets/brusano-widgets.js"></script>', '<brusano-helpdesk-card feed="/feed/manifest.json" postal-code="1090"></brusano-helpdesk-card>'));
    // Finders given a commune as a postal code, a NIS code, a code of no Brussels commune and a word that is a key of every object.
    writePage(
      folder,
      'communes.html',
      page('fr', '<script type="module" src="/widgets/brusano-widgets.js"></script>', ['1090', '21010', '21099', 'constructor'].map((commune) => `<brusano-service-finder feed="/feed/manifest.json" commune="${commune}" page-size="1"></brusano-service-finder>`).join('')),
    );
    writePage(folder, 'nothing.html', page('fr', '<script type="module" src="/widgets/brusano-widgets.js"></script>', '<p>Pas de widget ici.</p>'));
    writePage(folder, 'late.js', `setTimeout(() => document.querySelector('main').insertAdjacentHTML('beforeend', '<div><brusano-agenda feed="/feed/manifest.json" limit="2"></brusano-agenda></div>'), 300);`);
    writePage(folder, 'late.html', page('en', '<script type="module" src="/widgets/brusano-widgets.js"></script><script type="module" src="/late.js"></script>', '<p>An agenda comes later.</p>'));
    writePage(
      folder,
      'own-element.js',
      `customElements.define('brusano-helpdesk-card', class extends HTMLElement { connectedCallback() { this.textContent = 'the page’s own element'; } });`,
    );
    writePage(folder, 'registered.html', page('fr', '<script type="module" src="/own-element.js"></script><script type="module" src="/widgets/brusano-widgets.js"></script>', THREE));
    // The same files on another origin, as a CDN serves them, where the agenda's chunk is missing.
    cdn = await serveSite(folder, { headers: () => ({ 'Access-Control-Allow-Origin': '*' }), missing: (path) => path === '/widgets/elements/brusano-agenda.js' });
    // The partner's pages: the strict policy, or the README's with the bundle on the CDN.
    const cdnPolicy = `default-src 'none'; script-src ${cdn.origin} 'self'; style-src 'self'; connect-src 'self'; img-src 'self'`;
    site = await serveSite(folder, { headers: (path) => ({ 'Content-Security-Policy': path.startsWith('/cdn') ? cdnPolicy : STRICT_CSP }) });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await cdn?.close();
    scratch.remove();
  });

  async function open(path: string, watchErrors = true): Promise<{ tab: Page; errors: string[] }> {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(String(error)));
    tab.on('console', (message) => {
      // The browser asks for /favicon.ico on its own; the test site has none.
      if (watchErrors && message.type() === 'error' && !message.location().url?.endsWith('/favicon.ico')) errors.push(message.text());
    });
    await tab.goto(`${site.origin}${path}`);
    return { tab, errors };
  }

  it('renders all three widgets under a strict CSP with zero violations, and keeps the visitor private', async () => {
    const contacted = new Set<string>();
    const tab = await browser.newPage();
    // data: URLs are no host (Chromium's own date and time pickers draw their icons with them).
    tab.on('request', (request) => void (request.url().startsWith('data:') ? undefined : contacted.add(new URL(request.url()).origin)));
    const dataUrls: string[] = [];
    tab.on('request', (request) => void (request.url().startsWith('data:') && dataUrls.push(request.url().slice(0, 40))));
    await tab.goto(`${site.origin}/index.html`);
    await rendered(tab, ['brusano-service-finder', 'brusano-agenda', 'brusano-helpdesk-card']);
    const state = await tab.evaluate(async () => {
      const root = (name: string) => document.querySelector(name)!.shadowRoot!;
      return {
        violations: (window as unknown as { __violations: string[] }).__violations,
        cards: root('brusano-service-finder').querySelectorAll('.card').length,
        events: root('brusano-agenda').querySelectorAll('.event').length,
        helpline: root('brusano-helpdesk-card').querySelector('a[href="tel:+3223186054"]') !== null,
        styled: getComputedStyle(root('brusano-service-finder').querySelector('.card')!).borderRadius !== '0px',
        // What a reader sees of a card's kind and opening hours, from the CDN files' minified templates.
        kinds: [...root('brusano-service-finder').querySelectorAll('.types')].map((line) => (line as HTMLElement).innerText),
        hours: [...root('brusano-service-finder').querySelectorAll('.status')].map((status) => (status.parentElement as HTMLElement).innerText),
        cookies: document.cookie,
        local: localStorage.length,
        session: sessionStorage.length,
        caches: await caches.keys(),
        globals: Object.keys(window).filter((key) => /^(brusano|lit|reactive)/i.test(key)),
      };
    });
    expect(state.violations).toEqual([]);
    expect(state.cards).toBe(3);
    expect(state.events).toBeGreaterThan(0);
    expect(state.helpline).toBe(true);
    expect(state.styled).toBe(true); // the widgets' styles apply without 'unsafe-inline'
    // The spaces the templates write between a part and the words after it are kept ("Exemple Hébergement", "Fermé · ouvre…").
    expect(state.kinds.length).toBe(3);
    for (const kind of state.kinds) expect(kind).toMatch(/^Exemple \S/);
    for (const line of state.hours) expect(line).not.toMatch(/\S·|·\S/);
    expect(state.cookies).toBe('');
    expect(state.local).toBe(0); // the page's localStorage is left alone
    expect(state.session).toBe(0);
    expect(state.caches).toEqual(['brusano-feeds-v1']); // the only storage: the last good copy of the feed
    expect(state.globals).toEqual([]);
    expect([...contacted]).toEqual([site.origin]); // no request to any host but the page's own and its feed
    expect(dataUrls.every((url) => url.startsWith('data:image/'))).toBe(true);
    expect((await tab.cookies()).length).toBe(0);
  });

  it('loads the loader and the chunks of the elements on the page, with the texts of the page’s language, and nothing else', async () => {
    const before = site.requests.length;
    const { tab, errors } = await open('/finder-only.html');
    await rendered(tab, ['brusano-service-finder']);
    const nothing = await open('/nothing.html');
    await nothing.tab.waitForNetworkIdle();
    const scripts = site.requests.slice(before).filter((path) => path.endsWith('.js') && path.startsWith('/widgets/'));
    // The finder's chunk, its French texts and the chunks they import, as the loader names them, all asked for at once.
    const loader = readFileSync(join(site.folder, 'widgets', 'brusano-widgets.js'), 'utf8');
    const finderFiles = loaderFiles(loader, 'brusano-service-finder', 'fr').map((file) => `/widgets/${file}`);
    expect(finderFiles).toContain('/widgets/elements/brusano-service-finder.js');
    expect(finderFiles).toContain('/widgets/elements/brusano-service-finder.fr.js');
    expect(scripts.filter((path) => /\.(nl|en)\.js$|\/texts-(nl|en)-/.test(path))).toEqual([]); // no other language's words
    // And what the finder asks for once its first results are shown (the search, the directory's
    // reader, and the chunks asked for with them); not what it loads only when a person or the page
    // asks (near me, a place named, a handout's QR codes, a report).
    const finderChunk = readFileSync(join(site.folder, 'widgets', 'elements', 'brusano-service-finder.js'), 'utf8');
    const files = (imports: string) => [...imports.matchAll(/import\("\.\.\/([^"]+)"\)/g)].map(([, file]) => `/widgets/${file}`);
    // Each lazy import with the chunks asked for together with it: Promise.all([import(a),import(b)…]) or import(a).
    const later = [...finderChunk.matchAll(/Promise\.all\(\[((?:import\("[^"]+"\),?)+)\]\)|import\("\.\.\/[^"]+"\)/g)].map(([match, group]) => files(group ?? match));
    const firstResults = later.filter(([file]) => /\/chunks\/(search|read-directory)-/.test(file!));
    const afterFirstResults = firstResults.flat();
    const onDemand = later.filter((group) => !firstResults.includes(group)).map(([file]) => file!);
    expect(firstResults).toHaveLength(2);
    expect(onDemand.map((file) => file.replace(/-[\w-]{8}\.js$/, '')).sort()).toEqual(['/widgets/chunks/geo', '/widgets/chunks/place-lookup', '/widgets/chunks/report', '/widgets/chunks/uqr']);
    expect(new Set(scripts)).toEqual(new Set(['/widgets/brusano-widgets.js', ...finderFiles, ...afterFirstResults]));
    expect(scripts.filter((path) => path === '/widgets/brusano-widgets.js')).toHaveLength(2); // once per page
    expect(errors).toEqual([]);
    expect(nothing.errors).toEqual([]);
  });

  it('asks early for the first page of a commune given by postal or NIS code, and for none of a code that names no Brussels commune', async () => {
    const before = site.requests.length;
    const { tab, errors } = await open('/communes.html');
    await tab.waitForFunction(() => [...document.querySelectorAll('brusano-service-finder')].every((finder) => finder.shadowRoot?.querySelector('.card')), { timeout: 30_000 });
    const firstPages = site.requests.slice(before).filter((path) => path.includes('/browser/first/'));
    // Jette's page (asked once, for both), and the Region's for the two the finder does not know; nothing else.
    expect(new Set(firstPages)).toEqual(new Set(['/feed/browser/first/commune-21010.json', '/feed/browser/first/region.json']));
    expect(errors).toEqual([]);
  });

  it('asks for a helpdesk card’s look-up together with the chunk it imports, not one after the other', async () => {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(String(error)));
    // A round trip long enough that a file imported only once another has arrived cannot be on its way before.
    await tab.emulateNetworkConditions({ download: 10_000_000, upload: 10_000_000, latency: 200 });
    await tab.goto(`${site.origin}/helpdesk-only.html`);
    await rendered(tab, ['brusano-helpdesk-card']);
    await tab.waitForFunction(() => document.querySelector('brusano-helpdesk-card')!.shadowRoot!.querySelector('.helpdesk'));
    const scripts = await tab.evaluate(() =>
      performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.js')).map((entry) => ({ path: new URL(entry.name).pathname, start: entry.startTime, end: (entry as PerformanceResourceTiming).responseEnd })),
    );
    const element = scripts.find((script) => script.path === '/widgets/elements/brusano-helpdesk-card.js')!;
    // What the card asks for once it has a postal code to look up: the look-up and the chunk it imports.
    const lookUp = scripts.filter((script) => script.start > element.end);
    expect(lookUp.map((script) => script.path.replace(/-[\w-]{8}\.js$/, '')).sort()).toEqual(['/widgets/chunks/territory', '/widgets/chunks/territory']);
    // Both asked for before either arrived: one round trip on a slow network, not two.
    expect(Math.max(...lookUp.map((script) => script.start))).toBeLessThan(Math.min(...lookUp.map((script) => script.end)));
    expect(errors).toEqual([]);
  });

  it('defines an element added to the page later, with the texts of the page’s language only, and follows a change of language', async () => {
    const before = site.requests.length;
    const { tab, errors } = await open('/late.html');
    await rendered(tab, ['brusano-agenda']);
    const title = () => tab.evaluate(() => document.querySelector('brusano-agenda')!.shadowRoot!.querySelector('h2')!.textContent);
    expect(await title()).toBe('Agenda of meetings and activities');
    const texts = () => site.requests.slice(before).filter((path) => /brusano-agenda\.(fr|nl|en)\.js$/.test(path));
    expect(texts()).toEqual(['/widgets/elements/brusano-agenda.en.js']);
    await tab.evaluate(() => document.documentElement.setAttribute('lang', 'nl'));
    await tab.waitForFunction(() => document.querySelector('brusano-agenda')!.shadowRoot!.querySelector('h2')!.textContent === 'Agenda van bijeenkomsten en activiteiten');
    expect(texts()).toEqual(['/widgets/elements/brusano-agenda.en.js', '/widgets/elements/brusano-agenda.nl.js']);
    expect(errors).toEqual([]);
  });

  it('leaves alone a name the page already defined', async () => {
    const before = site.requests.length;
    const { tab, errors } = await open('/registered.html');
    await rendered(tab, ['brusano-service-finder', 'brusano-agenda']);
    expect(await tab.evaluate(() => document.querySelector('brusano-helpdesk-card')!.textContent)).toBe('the page’s own element');
    expect(site.requests.slice(before)).not.toContain('/widgets/elements/brusano-helpdesk-card.js');
    expect(errors).toEqual([]);
  });

  it('works with two builds on one page and keeps its styles apart from a hostile host stylesheet', async () => {
    const { tab, errors } = await open('/two-copies.html');
    await tab.waitForFunction(() => (document.querySelector('brusano-service-finder')?.shadowRoot?.querySelectorAll('.card').length ?? 0) > 0, { timeout: 20_000 });
    await rendered(tab, ['brusano-helpdesk-card']);
    const state = await tab.evaluate(() => {
      const finder = document.querySelector('brusano-service-finder')!.shadowRoot!;
      const card = document.querySelector('brusano-helpdesk-card')!.shadowRoot!;
      const button = finder.querySelector('button')!;
      return {
        cards: [...finder.querySelectorAll('.card')].filter((element) => getComputedStyle(element).display !== 'none').length,
        helpline: card.querySelector('a[href="tel:+3223186054"]') !== null,
        dutch: finder.querySelector('h2')!.textContent,
        insideButtonBorder: getComputedStyle(button).borderTopStyle,
        insideTextColor: getComputedStyle(finder.querySelector('.card dd')!).color,
        pageText: getComputedStyle(document.querySelector('.page-text')!).color,
        pageButtonBorder: getComputedStyle(document.querySelector('.page-button')!).borderTopStyle,
        violations: (window as unknown as { __violations: string[] }).__violations,
      };
    });
    expect(errors).toEqual([]);
    expect(state.cards).toBe(2);
    expect(state.helpline).toBe(true);
    expect(state.dutch).toBe('Een welzijns- of gezondheidsdienst vinden');
    expect(state.insideButtonBorder).toBe('solid'); // the host's dashed border does not reach inside
    expect(state.insideTextColor).not.toBe('rgb(255, 0, 0)');
    expect(state.pageText).toBe('rgb(1, 2, 3)'); // and the widgets' styles do not reach the page
    expect(state.pageButtonBorder).toBe('dashed');
    expect(state.violations).toEqual([]);
  });

  describe('with the bundle on another origin (a CDN) under the README policy', () => {
    it('loads every chunk from there, with no violation', async () => {
      writePage(site.folder, 'cdn.html', page('fr', `<script type="module" src="${cdn.origin}/widgets/brusano-widgets.js"></script>`, THREE.replace(/<brusano-agenda[^>]*><\/brusano-agenda>/, '')));
      const before = cdn.requests.length;
      const { tab, errors } = await open('/cdn.html');
      await rendered(tab, ['brusano-service-finder', 'brusano-helpdesk-card']);
      expect(await tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
      expect(cdn.requests.slice(before)).toEqual(expect.arrayContaining(['/widgets/brusano-widgets.js', '/widgets/elements/brusano-service-finder.js', '/widgets/elements/brusano-helpdesk-card.js']));
      expect(errors).toEqual([]);
    });

    it('says so in the page’s language, with the regional contact, when a chunk cannot be loaded', async () => {
      writePage(
        site.folder,
        'cdn-broken.html',
        page('nl', `<script type="module" src="${cdn.origin}/widgets/brusano-widgets.js"></script>`, '<brusano-agenda feed="/feed/manifest.json"></brusano-agenda><brusano-helpdesk-card postal-code="1090"></brusano-helpdesk-card>'),
      );
      const { tab } = await open('/cdn-broken.html', false);
      await tab.waitForFunction(() => document.querySelector('brusano-agenda [data-brusano-fallback]'), { timeout: 20_000 });
      await rendered(tab, ['brusano-helpdesk-card']);
      const fallback = await tab.evaluate(() => {
        const message = document.querySelector('brusano-agenda [data-brusano-fallback]')!;
        return { text: message.textContent, lang: message.getAttribute('lang'), role: message.getAttribute('role'), links: [...message.querySelectorAll('a')].map((link) => link.getAttribute('href')) };
      });
      expect(fallback.text).toContain('Deze module kon niet worden geladen');
      expect(fallback.text).toContain('Brusano — regionaal contact, 02 880 29 80'); // the number as a Brussels reader writes it
      expect(fallback).toMatchObject({ lang: 'nl', role: 'alert' });
      expect(fallback.links).toEqual(['tel:+3228802980', 'https://www.brusano.brussels/']);
      // The other element on the page is not affected.
      await tab.waitForFunction(() => document.querySelector('brusano-helpdesk-card')!.shadowRoot!.querySelector('a[href="tel:+3223186054"]'), { timeout: 10_000 });
    });
  });
});
