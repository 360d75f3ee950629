import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFeed } from '@brusano/feed';
import { ROOT, SAMPLE_FEED } from '../support/paths.js';

/** The policy a partner page can keep while embedding the widgets (stated in the README). */
const STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'";

const PAGE = `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8" />
  <title>Partner page under a strict CSP</title>
  <script type="module" src="watch.js"></script>
  <script type="module" src="widgets/brusano-widgets.js"></script>
</head>
<body>
  <brusano-service-finder feed="feed/manifest.json" page-size="3"></brusano-service-finder>
  <brusano-agenda feed="feed/manifest.json" limit="3"></brusano-agenda>
  <brusano-helpdesk-card feed="feed/manifest.json" postal-code="1090"></brusano-helpdesk-card>
</body>
</html>`;

// Records every CSP violation, as the page itself would see them.
const WATCH = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));`;

// Two builds on one page (the all-in-one bundle and a single-element bundle, each with its own
// copy of Lit and the SDK), under a host stylesheet that tries to restyle everything.
const TWO_COPIES = `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8" />
  <title>Two copies and hostile CSS</title>
  <link rel="stylesheet" href="hostile.css" />
  <script type="module" src="watch.js"></script>
  <script type="module" src="widgets/brusano-service-finder.js"></script>
  <script type="module" src="widgets/brusano-widgets.js"></script>
</head>
<body>
  <span class="page-text">Tekst van de pagina</span>
  <brusano-service-finder feed="feed/manifest.json" page-size="2"></brusano-service-finder>
  <brusano-helpdesk-card postal-code="1090"></brusano-helpdesk-card>
  <button class="page-button">Knop van de pagina</button>
</body>
</html>`;
const HOSTILE_CSS = `
* { font-family: "Comic Sans MS", cursive !important; }
p, li, dd, dt, h2, h3, button, a, input, select { color: rgb(255, 0, 0) !important; background: rgb(255, 255, 0) !important; display: inline !important; }
.card, .results, .notice, .status { display: none !important; }
button { border: 10px dashed rgb(0, 255, 0) !important; }
.page-text { color: rgb(1, 2, 3); }`;

const TYPES: Record<string, string> = {
  '.css': 'text/css', '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.ics': 'text/calendar' };

describe('the widgets on a partner page with a strict Content-Security-Policy', () => {
  const site = mkdtempSync(join(tmpdir(), 'brusano-csp-'));
  const requests: string[] = [];
  let server: Server;
  let browser: Browser;
  let origin = '';

  beforeAll(async () => {
    writeFileSync(join(site, 'index.html'), PAGE);
    writeFileSync(join(site, 'watch.js'), WATCH);
    writeFileSync(join(site, 'two-copies.html'), TWO_COPIES);
    writeFileSync(join(site, 'hostile.css'), HOSTILE_CSS);
    mkdirSync(join(site, 'widgets'));
    const cdn = join(ROOT, 'packages', 'widgets', 'dist', 'cdn');
    for (const file of readdirSync(cdn)) copyFileSync(join(cdn, file), join(site, 'widgets', file));
    await buildFeed(SAMPLE_FEED, join(site, 'feed'));
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      const file = normalize(join(site, new URL(request.url ?? '/', 'http://x').pathname));
      try {
        const body = readFileSync(file.endsWith('/') ? join(file, 'index.html') : file);
        response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': STRICT_CSP });
        response.end(body);
      } catch {
        response.writeHead(404, { 'Content-Security-Policy': STRICT_CSP }).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    rmSync(site, { recursive: true, force: true });
  });

  it('works with two builds on one page and keeps its styles apart from a hostile host stylesheet', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      // The browser asks for /favicon.ico on its own; the test site has none.
      if (message.type() === 'error' && !message.location().url?.endsWith('/favicon.ico')) errors.push(message.text());
    });
    await page.goto(`${origin}/two-copies.html`);
    await page.waitForFunction(() => (document.querySelector('brusano-service-finder')?.shadowRoot?.querySelectorAll('.card').length ?? 0) > 0, { timeout: 20_000 });
    const state = await page.evaluate(() => {
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

  it('renders all three widgets with zero securitypolicyviolation events, and keeps the visitor private', async () => {
    const page = await browser.newPage();
    const contacted = new Set<string>();
    page.on('request', (request) => contacted.add(new URL(request.url()).origin));
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(
      () =>
        ['brusano-service-finder', 'brusano-agenda', 'brusano-helpdesk-card'].every((name) => {
          const root = document.querySelector(name)?.shadowRoot;
          return root && !root.querySelector('.notice[role="status"]') && root.textContent!.trim().length > 0;
        }),
      { timeout: 20_000 },
    );
    const state = await page.evaluate(() => {
      const root = (name: string) => document.querySelector(name)!.shadowRoot!;
      return {
        violations: (window as unknown as { __violations: string[] }).__violations,
        cards: root('brusano-service-finder').querySelectorAll('.card').length,
        events: root('brusano-agenda').querySelectorAll('.event').length,
        helpline: root('brusano-helpdesk-card').querySelector('a[href="tel:+3223186054"]') !== null,
        styled: getComputedStyle(root('brusano-service-finder').querySelector('.card')!).borderRadius !== '0px',
        cookies: document.cookie,
        stored: [...Array(localStorage.length).keys()].map((index) => localStorage.key(index)!),
        session: sessionStorage.length,
      };
    });
    expect(state.violations).toEqual([]);
    expect(state.cards).toBe(3);
    expect(state.events).toBeGreaterThan(0);
    expect(state.helpline).toBe(true);
    expect(state.styled).toBe(true); // the widgets' styles apply without 'unsafe-inline'
    expect(state.cookies).toBe('');
    expect(state.session).toBe(0);
    expect(state.stored.every((key) => key.startsWith('brusano-feed-cache:'))).toBe(true); // nothing but the feed cache
    expect([...contacted]).toEqual([origin]); // no request to any host but the page's own and its feed
    expect((await page.cookies()).length).toBe(0);
  });
});
