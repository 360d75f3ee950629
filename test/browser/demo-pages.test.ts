import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module of the examples, without types
import { buildSite } from '../../examples/site.mjs';
import { launchChromium, serveSite, type Site } from '../support/browser.js';

/**
 * Every page of the demo (`./run start`) as partners copy from it and people use it: axe finds
 * nothing (WCAG 2.2 A/AA and best practices, inside the widgets' shadow roots too) in French,
 * Dutch and English, on a desktop and a phone; the pages reflow at 320 px, stay usable with
 * the text twice as large, and keep borders, focus rings and open/closed states in Windows'
 * high-contrast mode (forced colors).
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = ['index.html', 'snippet.html', 'configurator.html', 'app/index.html'];
const LANGUAGES = ['fr', 'nl', 'en'] as const;
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const WIDGETS = ['brusano-service-finder', 'brusano-agenda', 'brusano-helpdesk-card'];

/** Waits until every widget on the page has drawn its content (not "loading"). */
async function widgetsReady(tab: Page): Promise<void> {
  await tab.waitForFunction(
    (names: string[]) =>
      names.every((name) =>
        [...document.querySelectorAll(name)].every((element) => {
          const root = element.shadowRoot;
          return root && root.textContent!.trim().length > 0 && !root.querySelector('.notice[role="status"], [data-loading-directory]');
        }),
      ),
    { timeout: 20_000 },
    WIDGETS,
  );
}

interface Finding {
  id: string;
  impact: string | null;
  targets: string[];
}

async function axeFindings(tab: Page): Promise<Finding[]> {
  if (!(await tab.evaluate(() => 'axe' in window))) await tab.addScriptTag({ content: AXE });
  return tab.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return violations.map((violation) => ({ id: violation.id, impact: violation.impact, targets: violation.nodes.map((node) => JSON.stringify(node.target)) }));
  });
}

/** How far the page scrolls sideways (0 when it reflows). */
const sideways = (tab: Page) => tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the demo pages', () => {
  let site: Site;
  let browser: Browser;
  const open = async (path: string, viewport: { width: number; height: number }) => {
    const tab = await browser.newPage();
    await tab.setViewport(viewport);
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(String(error)));
    await tab.goto(`${site.origin}/${path}`, { waitUntil: 'load' });
    await widgetsReady(tab);
    return { tab, errors };
  };

  beforeAll(async () => {
    site = await serveSite(await buildSite());
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const page of PAGES) {
    for (const lang of LANGUAGES) {
      for (const [device, viewport] of Object.entries(VIEWPORTS)) {
        it(`${page} in ${lang} on a ${device}: axe finds nothing`, async () => {
          const { tab, errors } = await open(`${page}?lang=${lang}`, viewport);
          expect(await tab.evaluate(() => document.documentElement.lang)).toBe(lang);
          expect(await axeFindings(tab)).toEqual([]);
          expect(errors).toEqual([]);
          await tab.close();
        });
      }
    }

    it(`${page} reflows at 320 px and stays usable with the text twice as large`, async () => {
      const { tab } = await open(page, { width: 320, height: 640 });
      expect(await sideways(tab)).toBe(0);
      await tab.setViewport({ width: 1280, height: 800 });
      // Chrome's own text size setting (Settings › Appearance › Font size), doubled.
      const session = await tab.createCDPSession();
      await session.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
      await tab.evaluate(() => new Promise(requestAnimationFrame));
      expect(await sideways(tab)).toBe(0);
      expect(await tab.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('32px');
      expect(await axeFindings(tab)).toEqual([]);
      await tab.close();
    });
  }

  it('keeps borders, focus rings and open/closed states in forced colors (Windows high contrast)', async () => {
    const { tab } = await open('index.html', VIEWPORTS.desktop);
    await tab.emulateMediaFeatures([{ name: 'forced-colors', value: 'active' }]);
    const finder = await tab.evaluate(() => {
      const root = document.querySelector('brusano-service-finder')!.shadowRoot!;
      const card = root.querySelector<HTMLElement>('.card')!;
      const style = getComputedStyle(card);
      const states = [...root.querySelectorAll<HTMLElement>('.status')].map((status) => ({ text: status.textContent!.trim(), border: getComputedStyle(status).borderTopStyle }));
      return { forced: matchMedia('(forced-colors: active)').matches, border: `${style.borderTopStyle} ${style.borderTopWidth}`, states };
    });
    expect(finder.forced).toBe(true);
    expect(finder.border).toMatch(/^solid [1-9]/);
    expect(finder.states.length).toBeGreaterThan(0);
    // A state is its word, and a frame in high contrast where colours are the system's.
    for (const state of finder.states) {
      expect(['Ouvert', 'Fermé']).toContain(state.text);
      expect(state.border).toBe('solid');
    }
    // The focus ring, by keyboard, on the search field and on a button inside the finder.
    await tab.evaluate(() => document.querySelector('brusano-service-finder')!.shadowRoot!.querySelector<HTMLElement>('input[type="search"]')!.focus());
    await tab.keyboard.press('Tab');
    const ring = await tab.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      const style = getComputedStyle(active!);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(ring).toMatch(/^solid [1-9]/);
    await tab.close();
  });
});
