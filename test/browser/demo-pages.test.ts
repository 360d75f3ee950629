import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
 * high-contrast mode (forced colors). On the partner page, the whole task can be done with the
 * keyboard alone, and a screen reader hears the result count once, when typing pauses.
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


/** The element that has the focus, looking inside shadow roots: what it is, where, and whether its ring shows. */
const focused = (tab: Page) =>
  tab.evaluate(() => {
    let active: Element | null = document.activeElement;
    const hosts: string[] = [];
    while (active?.shadowRoot?.activeElement) {
      hosts.push(active.localName);
      active = active.shadowRoot.activeElement;
    }
    const element = active as HTMLElement & { focusKey?: number };
    const style = getComputedStyle(element);
    const counter = window as unknown as { focusKeys?: number };
    element.focusKey ??= counter.focusKeys = (counter.focusKeys ?? 0) + 1;
    return {
      key: element.focusKey,
      host: hosts[0] ?? '',
      tag: element.localName,
      id: element.id,
      className: element.className,
      href: element.getAttribute('href') ?? '',
      expanded: element.getAttribute('aria-expanded'),
      text: element.textContent!.trim(),
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
  });

/** Presses Tab until `wanted` has the focus, checking at each step that the focus shows and moves on. */
async function tabTo(tab: Page, wanted: (focus: Awaited<ReturnType<typeof focused>>) => boolean, { back = false, most = 80 } = {}) {
  let previous = (await focused(tab)).key;
  let stayed = 0; // Tab moves between a time field's parts (hours, minutes, AM/PM…) before it leaves it
  for (let step = 0; step < most; step++) {
    if (back) await tab.keyboard.down('Shift');
    await tab.keyboard.press('Tab');
    if (back) await tab.keyboard.up('Shift');
    const focus = await focused(tab);
    expect(focus.tag, 'the focus left the page').not.toBe('body');
    expect(focus.ring, `no visible focus on ${JSON.stringify(focus)}`).toBe(true);
    stayed = focus.key === previous ? stayed + 1 : 0;
    expect(stayed, `the focus is trapped on ${JSON.stringify(focus)}`).toBeLessThan(4);
    previous = focus.key;
    if (wanted(focus)) return focus;
  }
  throw new Error(`not reached in ${most} presses of Tab`);
}

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
    site = await serveSite(await buildSite(mkdtempSync(join(tmpdir(), 'brusano-demo-pages-'))));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (site) rmSync(site.folder, { recursive: true, force: true });
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

  for (const lang of ['fr', 'nl'] as const) {
    it(`shows at least four whole service cards on a 390 × 844 phone screen (${lang})`, async () => {
      const { tab } = await open(`index.html?lang=${lang}`, VIEWPORTS.phone);
      await tab.evaluate(() => document.querySelector('brusano-service-finder')!.shadowRoot!.querySelector('.results')!.scrollIntoView({ behavior: 'instant' }));
      const whole = await tab.evaluate(
        () =>
          [...document.querySelector('brusano-service-finder')!.shadowRoot!.querySelectorAll('.card')].filter((card) => {
            const { top, bottom } = card.getBoundingClientRect();
            return top >= -0.5 && bottom <= window.innerHeight + 0.5; // sub-pixel positions
          }).length,
      );
      expect(whole).toBeGreaterThanOrEqual(4);
      await tab.close();
    });
  }

  it('lets a person do the whole task with the keyboard alone on the partner page', async () => {
    const { tab, errors } = await open('index.html', VIEWPORTS.desktop);
    // A click on a tel: link is recorded instead of leaving the page for the phone application.
    await tab.evaluate(() => {
      (window as unknown as { calls: string[] }).calls = [];
      window.addEventListener('click', (event) => {
        const link = event.composedPath()[0] as Element;
        const href = link.closest?.('a')?.getAttribute('href') ?? '';
        if (!href.startsWith('tel:')) return;
        event.preventDefault();
        (window as unknown as { calls: string[] }).calls.push(href);
      }, true);
    });
    // 1. The first Tab reaches the skip link, which leads to the content.
    await tab.keyboard.press('Tab');
    expect(await focused(tab)).toMatchObject({ tag: 'a', className: 'skip', ring: true });
    await tab.keyboard.press('Enter');
    // 2. On to the finder's search field; type "logement".
    await tabTo(tab, (focus) => focus.host === 'brusano-service-finder' && focus.id === 'query');
    await tab.keyboard.type('logement');
    const count = () => tab.evaluate(() => document.querySelector('brusano-service-finder')!.shadowRoot!.querySelector('.count')!.textContent!.trim());
    await tab.waitForFunction(() => /logement/i.test(document.querySelector('brusano-service-finder')!.shadowRoot!.querySelector('.card__title')?.textContent ?? ''));
    expect(await count()).toMatch(/^\d+ services? trouvés?/);
    // 3. Narrow to a commune: the commune list, by its typeahead.
    await tabTo(tab, (focus) => focus.host === 'brusano-service-finder' && focus.id === 'commune');
    const everywhere = await count();
    await tab.keyboard.type('Jette');
    await tab.waitForFunction(
      (before: string) => {
        const root = document.querySelector('brusano-service-finder')!.shadowRoot!;
        return root.querySelector<HTMLSelectElement>('#commune')!.value === '21010' && root.querySelector('.count')!.textContent!.trim() !== before;
      },
      {},
      everywhere,
    );
    const titles = () => tab.evaluate(() => [...document.querySelector('brusano-service-finder')!.shadowRoot!.querySelectorAll('.card__title')].map((title) => title.textContent!.trim()));
    expect(await titles()).toContain('Aide à la recherche de logement Exemple (Jette)');
    // 4. Open the card's details.
    const details = await tabTo(tab, (focus) => focus.host === 'brusano-service-finder' && focus.expanded === 'false' && /^Détails/.test(focus.text));
    expect(details.tag).toBe('button');
    await tab.keyboard.press('Enter');
    expect(await focused(tab)).toMatchObject({ expanded: 'true', ring: true });
    expect(await tab.evaluate(() => document.querySelector('brusano-service-finder')!.shadowRoot!.querySelector<HTMLElement>('.details')!.hidden)).toBe(false);
    // 5. Call its number: the link just before, in international form.
    const call = await tabTo(tab, (focus) => focus.href.startsWith('tel:'), { back: true });
    expect(call.href).toMatch(/^tel:\+322000\d{4}$/);
    await tab.keyboard.press('Enter');
    expect(await tab.evaluate(() => (window as unknown as { calls: string[] }).calls)).toEqual([call.href]);
    // 6. On through the rest of the finder and the agenda to the helpdesk card: nothing traps the focus.
    const helpdesk = await tabTo(tab, (focus) => focus.host === 'brusano-helpdesk-card', { most: 200 });
    expect(helpdesk.ring).toBe(true);
    expect(errors).toEqual([]);
    await tab.close();
  }, 60_000);

  it('announces the result count once typing pauses, never on each key', async () => {
    const { tab } = await open('index.html', VIEWPORTS.desktop);
    // Every text a live region takes, as a screen reader would hear it.
    await tab.evaluate(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      const root = document.querySelector('brusano-service-finder')!.shadowRoot!;
      new MutationObserver(() => {
        for (const region of root.querySelectorAll('[aria-live], [role="status"], [role="alert"]')) {
          const said = region.textContent!.trim();
          if (said && (region as HTMLElement).dataset.heard !== said) {
            (region as HTMLElement).dataset.heard = said;
            heard.push(said);
          }
        }
      }).observe(root, { subtree: true, childList: true, characterData: true });
      root.querySelector<HTMLInputElement>('#query')!.focus();
    });
    await tab.keyboard.type('logement', { delay: 60 });
    await tab.waitForFunction(() => (window as unknown as { heard: string[] }).heard.length > 0, { timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const heard = await tab.evaluate(() => (window as unknown as { heard: string[] }).heard);
    const shown = await tab.evaluate(() => document.querySelector('brusano-service-finder')!.shadowRoot!.querySelector('.count')!.textContent!.trim());
    expect(shown).toMatch(/^\d+ services? trouvés?/);
    expect(heard).toEqual([shown.endsWith('.') ? shown : `${shown}.`]);
    await tab.close();
  });

  it('writes a commune typed in the configurator as its NIS code for the finder, which then needs no look-up', async () => {
    const { tab, errors } = await open('configurator.html', VIEWPORTS.desktop);
    const snippet = () => tab.$eval('#snippet', (area) => (area as HTMLTextAreaElement).value);
    for (const typed of ['1090', 'jette']) {
      await tab.$eval('input[name="commune"]', (input) => ((input as HTMLInputElement).value = ''));
      await tab.type('input[name="commune"]', typed);
      await tab.waitForFunction(() => (document.getElementById('snippet') as HTMLTextAreaElement).value.includes('commune="21010"'), { timeout: 5_000 });
      expect(await tab.$eval('#commune-hint', (hint) => hint.textContent)).toContain('Jette');
    }
    // The finder's own look-up reads it: a quartier's name gives its commune.
    await tab.$eval('input[name="commune"]', (input) => ((input as HTMLInputElement).value = ''));
    await tab.type('input[name="commune"]', 'Laeken');
    expect(await snippet()).toContain('commune="21004"');
    // A postal code two communes share stays as typed: the finder looks it up (the first commune).
    await tab.$eval('input[name="commune"]', (input) => ((input as HTMLInputElement).value = ''));
    await tab.type('input[name="commune"]', '1040');
    expect(await snippet()).toContain('commune="1040"');
    // The helpdesk card keeps the postal code: it tells a sub-area of Brussels-City from another.
    await tab.$eval('input[name="commune"]', (input) => ((input as HTMLInputElement).value = ''));
    await tab.type('input[name="commune"]', '1090');
    await tab.select('select[name="widget"]', 'brusano-helpdesk-card');
    expect(await snippet()).toContain('postal-code="1090"');
    expect(errors).toEqual([]);
    await tab.close();
  });

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
