import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFeed, serveFeed, type FeedServer } from '@brusano/feed';
import { generateFeed } from '../../bench/generate-feed.mjs';
import { launchChromium, scratchWithWidgets, serveSite, writePage, type Site } from '../support/browser.js';

const SERVICES = 20_000;

const page = (feed: string, head = '') => `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8" />
  <title>Partner page</title>
  ${head}
  <script type="module" src="/widgets/brusano-widgets.js"></script>
</head>
<body>
  <main><brusano-service-finder feed="${feed}"></brusano-service-finder></main>
</body>
</html>`;

// A host page that fills its own localStorage to the quota before the widgets load.
const FILL_STORAGE = `<script>
  const block = 'x'.repeat(512 * 1024);
  try { for (let index = 0; ; index++) localStorage.setItem('host-' + index, block); } catch (error) { window.__quota = error.name; }
</script>`;

async function directoryLoaded(tab: Page): Promise<void> {
  await tab.waitForFunction(
    () => {
      const root = document.querySelector('brusano-service-finder')?.shadowRoot;
      return root?.querySelector('.card') && !root.querySelector('[data-loading-directory]');
    },
    { timeout: 90_000, polling: 200 },
  ).catch(async (error: Error) => {
    // What the visitor saw instead, so a load that stalls is told from an error or an empty page.
    const shown = await tab.evaluate(() => document.querySelector('brusano-service-finder')?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 600) ?? 'no finder');
    throw new Error(`${error.message}; the finder showed: ${shown}`);
  });
}

async function search(tab: Page, text: string): Promise<string> {
  return tab.evaluate(async (query) => {
    const root = document.querySelector('brusano-service-finder')!.shadowRoot!;
    const input = root.querySelector<HTMLInputElement>('#query')!;
    input.value = query;
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    return root.querySelector('.count')!.textContent!;
  }, text);
}

describe(`the last good copy, with ${SERVICES.toLocaleString('en')} services`, () => {
  const scratch = scratchWithWidgets('brusano-last-good-');
  let site: Site;
  let feedServer: FeedServer;
  let browser: Browser;
  let visitor: BrowserContext;

  beforeAll(async () => {
    const source = join(scratch.folder, 'source');
    mkdirSync(source);
    const { manifest, datasets } = generateFeed(SERVICES);
    writeFileSync(join(source, 'manifest.json'), JSON.stringify({ ...manifest, generatedAt: '2026-11-28T00:00:00Z' }));
    for (const [name, records] of Object.entries(datasets)) writeFileSync(join(source, `${name}.json`), JSON.stringify(records));
    await buildFeed(source, join(scratch.folder, 'feed'));
    // The feed on its own server (as Brusano publishes it), the partner's page on another.
    feedServer = await serveFeed(join(scratch.folder, 'feed'));
    writePage(scratch.folder, 'index.html', page(`${feedServer.url}manifest.json`));
    writePage(scratch.folder, 'full-storage.html', page(`${feedServer.url}manifest.json`, FILL_STORAGE));
    site = await serveSite(scratch.folder);
    browser = await launchChromium();
    visitor = await browser.createBrowserContext();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await feedServer?.close();
    scratch.remove();
  });

  it('works on a page that filled its own storage, and stores the feed as fetched, never in localStorage', async () => {
    const tab = await visitor.newPage();
    await tab.goto(`${site.origin}/full-storage.html`);
    await directoryLoaded(tab);
    const state = await tab.evaluate(async () => {
      const cache = await caches.open('brusano-feeds-v1');
      const stored = (await cache.keys()).map((request) => request.url);
      return {
        quota: (window as unknown as { __quota?: string }).__quota,
        hostKeys: Object.keys(localStorage).filter((key) => !key.startsWith('host-')),
        stored,
        count: document.querySelector('brusano-service-finder')!.shadowRoot!.querySelector('.count')!.textContent,
      };
    });
    expect(state.quota).toBe('QuotaExceededError');
    expect(state.hostKeys).toEqual([]); // the widgets wrote nothing in the host's localStorage
    expect(state.count).toBe(`${SERVICES.toLocaleString('fr-BE')} services trouvés.`);
    await tab.evaluate(() => localStorage.clear());
    await tab.close();
  });

  it('after one visit, shows the whole directory with its date when the feed cannot be reached', async () => {
    const first = await visitor.newPage();
    await first.goto(`${site.origin}/index.html`);
    await directoryLoaded(first);
    const online = await search(first, 'logement');
    // The copy is written in the background: wait until it holds the compact services.
    await first.waitForFunction(
      async () => {
        const cache = await caches.open('brusano-feeds-v1');
        const urls = (await cache.keys()).map((request) => request.url);
        return urls.some((url) => url.endsWith('/browser/services.json')) && urls.some((url) => url.endsWith('/manifest.json'));
      },
      { timeout: 60_000, polling: 500 },
    );
    await first.close();
    await feedServer.close(); // the feed is gone: nothing answers at its address

    const second = await visitor.newPage();
    await second.goto(`${site.origin}/index.html`);
    await directoryLoaded(second);
    const offline = await second.evaluate(() => {
      const root = document.querySelector('brusano-service-finder')!.shadowRoot!;
      return { alert: root.querySelector('[role="alert"]')?.textContent ?? '', count: root.querySelector('.count')!.textContent };
    });
    expect(offline.alert).toMatch(/La mise à jour n’a pas pu être chargée : ces informations datent du \d+ \w+ \d{4}/);
    expect(offline.count).toBe(`${SERVICES.toLocaleString('fr-BE')} services trouvés.`);
    expect(await search(second, 'logement')).toBe(online);
  }, 180_000);
});
