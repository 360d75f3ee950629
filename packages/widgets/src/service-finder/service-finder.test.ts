import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Feed } from '@brusano/sdk';
import '../service-finder/service-finder.js';
import type { BrusanoServiceFinder, SearchDetail } from './service-finder.component.js';
import { $, $$, loaded, nextEvent, SAMPLE_FEED, shadow } from '../../test-support/helpers.js';

async function finder(template = html`<brusano-service-finder feed=${SAMPLE_FEED}></brusano-service-finder>`) {
  const element = await fixture<BrusanoServiceFinder>(template);
  await loaded(element);
  return element;
}

const cardNames = (element: Element) => $$(element, '.card__toggle').map((button) => button.textContent!.trim());

async function type(element: BrusanoServiceFinder, text: string) {
  const input = $(element, '#query') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await element.updateComplete;
}

describe('<brusano-service-finder>', () => {
  describe('with the sample feed', () => {
    it('is accessible and shows the first page of results with their count', async () => {
      const element = await finder();
      await expect(element).to.be.accessible();
      expect($$(element, '.card')).to.have.length(10);
      expect($(element, '.count')!.textContent).to.match(/^\d+ services trouvés\.$/);
    });

    it('shows contacts as tel:, mailto: and http(s) links, today’s hours and the last check', async () => {
      const element = await finder();
      const card = $$(element, '.card')[0]!;
      expect(card.querySelector('a[href^="tel:+32200001"]')).to.exist;
      expect(card.querySelector('a[href^="mailto:"][href$="@example.org"]')).to.exist;
      expect(card.querySelector('a[href^="https://example.org/"]')).to.exist;
      expect(card.textContent).to.contain('Informations vérifiées le');
      expect(card.querySelector('.report summary')!.textContent).to.equal('Signaler une erreur');
      expect(card.querySelector('.badge')!.textContent).to.equal('Exemple');
    });

    it('filters live as the person types, accents and case ignored, and announces the count', async () => {
      const element = await finder();
      await type(element, 'MAISON MEDICALE');
      // The two maisons médicales first; services with one of the words, or led to by the words, after.
      expect(cardNames(element).slice(0, 2).every((name) => name.startsWith('Maison médicale'))).to.be.true;
      const shown = $(element, '.count')!.textContent!.trim();
      expect(shown).to.match(/^\d+ services trouvés\.$/);
      await waitUntil(() => $(element, '[aria-live="polite"]')!.textContent === shown, 'count announced');
    });

    it('narrows by commune, free and wheelchair access, with counts beside each choice', async () => {
      const element = await finder();
      const commune = $(element, '#commune') as HTMLSelectElement;
      const jette = [...commune.options].find((option) => option.textContent!.startsWith('Jette'))!;
      expect(jette.textContent).to.match(/^Jette \(\d+\)$/);
      commune.value = jette.value;
      commune.dispatchEvent(new Event('change'));
      await element.updateComplete;
      const inJette = cardNames(element).length;
      expect(inJette).to.be.greaterThan(0).and.lessThan(10);
      const free = $$(element, '.check input')[1] as HTMLInputElement;
      free.click();
      await element.updateComplete;
      expect(cardNames(element).length).to.be.at.most(inJette);
      await expect(element).to.be.accessible();
    });

    it('works from the keyboard: type, then open a card with Enter and announce the choice', async () => {
      const element = await finder();
      ($(element, '#query') as HTMLInputElement).focus();
      await sendKeys({ type: 'cpas' });
      await element.updateComplete;
      expect(cardNames(element).length).to.be.greaterThan(0);
      const toggle = $$(element, '.card__toggle')[0]!;
      toggle.focus();
      const selected = nextEvent<{ service: { id: string } }>(element, 'brusano-select');
      await sendKeys({ press: 'Enter' });
      expect((await selected).detail.service.id).to.match(/^sample-cpas-/);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(shadow(element).getElementById(toggle.getAttribute('aria-controls')!)!.hidden).to.be.false;
    });

    it('shows more results on request and moves focus to the first new one', async () => {
      const element = await finder(html`<brusano-service-finder feed=${SAMPLE_FEED} page-size="4"></brusano-service-finder>`);
      expect($$(element, '.card')).to.have.length(4);
      ($(element, '.more') as HTMLButtonElement).click();
      await element.updateComplete;
      expect($$(element, '.card')).to.have.length(8);
      expect(shadow(element).activeElement).to.equal($$(element, '.card__toggle')[4]);
    });

    it('starts from its attributes: bassin, commune by postal code, query', async () => {
      const element = await finder(html`<brusano-service-finder feed=${SAMPLE_FEED} commune="1090" query="cpas"></brusano-service-finder>`);
      expect(cardNames(element)).to.deep.equal(['Service social du CPAS — exemple Jette']);
      expect(($(element, '#commune') as HTMLSelectElement).value).to.equal('21010');
    });

    it('shows the services with some of the words, and says so, when none has them all', async () => {
      const element = await finder();
      await type(element, 'logement');
      const withWord = cardNames(element);
      expect(withWord.length).to.be.greaterThan(0);
      await type(element, 'logement zzzzqqqq');
      expect(cardNames(element)).to.deep.equal(withWord);
      expect($$(element, '.notice').map((notice) => notice.textContent!.trim())).to.include('Aucun service ne contient tous vos mots : voici ceux qui en contiennent une partie.');
      await type(element, 'logement');
      expect($$(element, '.notice').map((notice) => notice.textContent!.trim())).to.not.include('Aucun service ne contient tous vos mots : voici ceux qui en contiennent une partie.');
      await expect(element).to.be.accessible();
    });

    it('reads filters in the words as chips the person can take back, and tells the page once typing pauses', async () => {
      const element = await finder();
      const searches: SearchDetail[] = [];
      element.addEventListener('brusano-search', (event) => searches.push((event as CustomEvent<SearchDetail>).detail));
      for (const typed of ['aide', 'aide jur', 'aide juridique', 'aide juridique gratuite']) await type(element, typed);
      const chips = () => $$(element, '.chip').map((chip) => chip.textContent!.replace(/\s+/g, ' ').trim());
      expect(chips()).to.deep.equal(['Gratuit × — ne plus filtrer ainsi']);
      const free = cardNames(element);
      expect(free).to.include('Aide juridique de première ligne Exemple (Bruxelles)');
      expect($(element, '.notice')?.textContent ?? '').to.not.contain('tous vos mots');
      // Once typing pauses, one event for the page: the words, the filters read from them, the count.
      await waitUntil(() => searches.length > 0, 'no brusano-search event', { timeout: 3000 });
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(searches).to.have.length(1);
      expect(searches[0]).to.deep.include({ query: 'aide juridique gratuite', count: Number($(element, '.count')!.textContent!.match(/^\d+/)![0]) });
      expect(searches[0]!.filters).to.deep.equal({ free: true });
      // Taken back: "gratuite" is a word again, the focus stays in the search field.
      $(element, '.chip')!.click();
      await element.updateComplete;
      expect(chips()).to.deep.equal([]);
      expect(($(element, '#query') as HTMLInputElement).value).to.equal('aide juridique gratuite');
      expect(shadow(element).activeElement?.id).to.equal('query');
      await expect(element).to.be.accessible();
    });

    it('reads a commune and a public in Dutch, and names them in the widget’s language', async () => {
      const element = await finder(html`<brusano-service-finder feed=${SAMPLE_FEED} lang="nl" page-size="100"></brusano-service-finder>`);
      await type(element, 'huisvesting jette');
      expect($$(element, '.chip').map((chip) => chip.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['Jette × — niet meer zo filteren']);
      expect(cardNames(element)).to.include('Hulp bij het zoeken naar een woning Voorbeeld (Jette)');
      expect(cardNames(element).every((name) => !/Woluwe/.test(name))).to.be.true;
    });

    it('offers each filter’s choices in name order in the widget’s language, as the counts follow the words', async () => {
      const element = await finder(html`<brusano-service-finder feed=${SAMPLE_FEED} lang="nl"></brusano-service-finder>`);
      const choices = (id: string) => [...($(element, `#${id}`) as HTMLSelectElement).options].slice(1).map((option) => option.textContent!.replace(/ \(\d+\)$/, ''));
      const inNameOrder = (names: string[]) => [...names].sort(new Intl.Collator('nl', { sensitivity: 'base' }).compare);
      const filters = ['category', 'commune', 'language', 'public'];
      for (const id of filters) {
        expect(choices(id).length, id).to.be.greaterThan(1);
        expect(choices(id), id).to.deep.equal(inNameOrder(choices(id)));
      }
      expect(choices('commune')).to.include('Sint-Gillis');
      const before = choices('category');
      await type(element, 'huisvesting');
      expect(choices('category')).to.not.deep.equal(before);
      for (const id of filters) expect(choices(id), id).to.deep.equal(inNameOrder(choices(id)));
    });

    it('offers the directory’s nearest word for one that finds nothing, and puts it in the query on a click', async () => {
      const element = await finder();
      await type(element, 'aide CPAZ');
      const offer = $(element, '.suggestions')!;
      expect(offer.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Vouliez-vous dire cpas ?');
      offer.querySelector('button')!.click();
      await element.updateComplete;
      expect(($(element, '#query') as HTMLInputElement).value).to.equal('aide cpas');
      expect($(element, '.suggestions')).to.be.null;
      expect(cardNames(element).length).to.be.greaterThan(0);
      await expect(element).to.be.accessible();
    });

    it('reads the feed’s lead-ins once its first results are shown: an everyday name finds its category', async () => {
      const element = await finder();
      await waitUntil(() => !$(element, '[data-loading-directory]'), 'directory loaded');
      await type(element, 'les restos du coeur');
      expect(cardNames(element)[0]).to.equal('Restaurant social Exemple (Molenbeek)');
    });

    it('points to the bassin helpdesk when nothing matches', async () => {
      const element = await finder(html`<brusano-service-finder feed=${SAMPLE_FEED} bassin="nord"></brusano-service-finder>`);
      await type(element, 'zzzzqqqq');
      const empty = $(element, '.empty')!;
      expect(empty.textContent).to.contain('Aucun service ne correspond');
      expect(empty.querySelector('a[href="tel:+3223186054"]')).to.exist;
      // The themes offered in the bassin instead, to browse: one click clears the words and picks the theme.
      const themes = [...empty.querySelectorAll<HTMLButtonElement>('.themes button')];
      expect(themes.length).to.be.greaterThan(0);
      const [name, count] = themes[0]!.textContent!.trim().match(/^(.*) \((\d+)\)$/)!.slice(1);
      themes[0]!.click();
      await element.updateComplete;
      expect(($(element, '#query') as HTMLInputElement).value).to.equal('');
      expect($$(element, '.card').length).to.equal(Math.min(10, Number(count)));
      const category = $(element, '#category') as HTMLSelectElement;
      expect(category.selectedOptions[0]!.textContent).to.contain(name!);
      await expect(element).to.be.accessible();
    });

    it('points to the helpdesk of the commune’s bassin when nothing matches there', async () => {
      const element = await finder(html`<brusano-service-finder feed=${SAMPLE_FEED} commune="21010"></brusano-service-finder>`);
      await type(element, 'zzzzqqqq');
      await waitUntil(() => $(element, '.empty a[href="tel:+3223186054"]'), 'the line of the bassin Nord, where Jette is');
    });
  });

  describe('with a feed made by brusano-feed build', () => {
    const cardsShown = (element: Element) => waitUntil(() => $$(element, '.card').length > 0, 'cards shown', { timeout: 10_000 });

    it('shows the first page before the rest of the directory, says the rest is loading, then has every service', async () => {
      const sample = (await (await fetch('/examples/feed/services.json')).json()) as unknown[];
      const element = await fixture<BrusanoServiceFinder>(html`<brusano-service-finder feed="/built-feeds/slow/manifest.json" page-size="5"></brusano-service-finder>`);
      await cardsShown(element);
      // The first page: the first services in name order, the count of the whole territory, the filters' counts.
      expect($$(element, '.card')).to.have.length(5);
      expect($(element, '.count')!.textContent).to.equal(`${sample.length} services trouvés.`);
      expect($(element, '[data-loading-directory]')!.textContent).to.contain('Le répertoire complet se charge');
      expect(($(element, '#commune') as HTMLSelectElement).options.length).to.be.greaterThan(1);
      await expect(element).to.be.accessible();
      // Each card's folded details (a click away, and printed with the list) follow the first cards, before the rest of the directory.
      await waitUntil(() => $$(element, '.card .details').every((details) => details.querySelector('.facts') && details.querySelector('.verified')), 'every card has its details', { timeout: 2_000 });
      expect($(element, '[data-loading-directory]')).to.not.be.null;
      const firstNames = cardNames(element);
      // A word typed before the rest has arrived: the answer from the first page, said as such.
      await type(element, 'cpas');
      expect($(element, '.count')!.textContent).to.match(/^\d+ services? trouvés? parmi les \d+ déjà chargés\.$|^Aucun service trouvé parmi les \d+ déjà chargés\.$/);
      expect($(element, '.empty')).to.be.null;
      await type(element, '');
      await loaded(element);
      expect($(element, '[data-loading-directory]')).to.be.null;
      expect(cardNames(element)).to.deep.equal(firstNames);
      await type(element, 'cpas');
      expect($(element, '.count')!.textContent).to.match(/^\d+ services trouvés\.$/);
    });

    it('asks for nothing but the first page and the finder’s datasets before the first results, and for them at once', async () => {
      const before = performance.getEntriesByType('resource').length;
      const element = await fixture<BrusanoServiceFinder>(html`<brusano-service-finder feed="/built-feeds/plain/manifest.json" bassin="nord"></brusano-service-finder>`);
      await loaded(element);
      const files = performance
        .getEntriesByType('resource')
        .slice(before)
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.startsWith('/built-feeds/plain/'))
        .map((path) => path.slice('/built-feeds/plain/'.length));
      expect(files.sort()).to.deep.equal(['bassins.json', 'browser/first/bassin-nord.json', 'browser/services.json', 'categories.json', 'communes.json', 'helpdesks.json', 'leadins.json', 'manifest.json', 'sectors.json']);
      expect($$(element, '.card').length).to.be.greaterThan(0);
    });

    // A NIS code names the first page at once; a postal code or a name is looked up first (its code loads then).
    for (const [variant, commune] of [
      ['slow', '1090'],
      ['hostile', '21010'],
    ] as const) {
      it(`shows the first page of the commune given as ${commune} (Jette), and no other first page`, async () => {
        const before = performance.getEntriesByType('resource').length;
        const element = await fixture<BrusanoServiceFinder>(html`<brusano-service-finder feed="/built-feeds/${variant}/manifest.json" commune=${commune}></brusano-service-finder>`);
        await cardsShown(element);
        const firstPages = performance
          .getEntriesByType('resource')
          .slice(before)
          .map((entry) => new URL(entry.name).pathname)
          .filter((path) => path.includes('/browser/first/'));
        expect(firstPages).to.deep.equal([`/built-feeds/${variant}/browser/first/commune-21010.json`]);
        const page = (await (await fetch(firstPages[0]!)).json()) as { total: number };
        expect($(element, '.count')!.textContent).to.equal(`${page.total} services trouvés.`);
        await waitUntil(() => ($(element, '#commune') as HTMLSelectElement | null)?.selectedOptions[0]?.textContent?.includes('Jette'), 'Jette chosen in the filters');
      });
    }

    it('shows the Region for a commune it does not know, as for a name it does not know', async () => {
      const element = await fixture<BrusanoServiceFinder>(html`<brusano-service-finder feed="/built-feeds/plain/manifest.json" commune="21099"></brusano-service-finder>`);
      await cardsShown(element);
      const region = (await (await fetch('/built-feeds/plain/browser/first/region.json')).json()) as { total: number };
      expect($(element, '.count')!.textContent).to.equal(`${region.total} services trouvés.`);
      expect(($(element, '#commune') as HTMLSelectElement).value).to.equal('');
    });

    it('still reads a feed without the browser’s files (hand-made, or from an older build): every service, from services.json', async () => {
      const before = performance.getEntriesByType('resource').length;
      const element = await finder(html`<brusano-service-finder feed=${SAMPLE_FEED} page-size="100"></brusano-service-finder>`);
      const sample = (await (await fetch('/examples/feed/services.json')).json()) as unknown[];
      expect($$(element, '.card')).to.have.length(sample.length);
      const files = performance.getEntriesByType('resource').slice(before).map((entry) => new URL(entry.name).pathname);
      expect(files).to.include('/examples/feed/services.json');
    });

    it('shows the services of a built feed that was changed afterwards as text, links nothing unsafe, and counts what it left out', async () => {
      const reported: CustomEvent[] = [];
      const element = await fixture<BrusanoServiceFinder>(
        html`<brusano-service-finder page-size="100" @brusano-error=${(event: CustomEvent) => reported.push(event)} feed="/built-feeds/hostile/manifest.json"></brusano-service-finder>`,
      );
      await loaded(element);
      await new Promise((resolve) => setTimeout(resolve, 200)); // let any injected handler fire
      const sample = (await (await fetch('/examples/feed/services.json')).json()) as unknown[];
      expect($$(element, '.card')).to.have.length(sample.length - 1); // the one with categoryIds "logement"
      expect(cardNames(element)).to.include('<img src=x onerror="window.__xss=1">');
      const root = shadow(element);
      expect(root.querySelector('img, script, svg, b')).to.be.null;
      for (const link of root.querySelectorAll('a')) expect(link.getAttribute('href')).to.match(/^(https?:|tel:\+|mailto:)/);
      expect((window as unknown as { __xss?: number }).__xss).to.be.undefined;
      expect(({} as Record<string, unknown>).polluted).to.be.undefined;
      expect(reported).to.have.length(1);
      expect(reported[0]!.detail).to.include({ type: 'records', count: 1, dropped: 3 });
      await expect(element).to.be.accessible();
    });
  });

  describe('on a phone-sized page', () => {
    it('folds the filters away until asked, and says how many are active', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 360px"><brusano-service-finder feed=${SAMPLE_FEED} bassin="sud"></brusano-service-finder></div>`);
      const element = wrapper.firstElementChild as BrusanoServiceFinder;
      await loaded(element);
      const details = $(element, 'details.filters') as HTMLDetailsElement;
      expect(details.open).to.be.false;
      expect($(element, 'summary')!.textContent).to.equal('Filtres (1)');
      $(element, 'summary')!.click();
      await element.updateComplete;
      expect(details.open).to.be.true;
      // Opened, the choices are there, with the one the page asked for.
      await waitUntil(() => $(element, '#bassin'), 'the filters are drawn once opened');
      expect(($(element, '#bassin') as HTMLSelectElement).value).to.equal('sud');
      expect(($(element, '#category') as HTMLSelectElement).options.length).to.be.greaterThan(1);
      await expect(element).to.be.accessible();
    });
  });

  describe('in each language', () => {
    for (const [lang, title, count] of [
      ['fr', 'Trouver un service social ou de santé', 'services trouvés'],
      ['nl', 'Een welzijns- of gezondheidsdienst vinden', 'diensten gevonden'],
      ['en', 'Find a social or health service', 'services found'],
    ] as const) {
      it(`speaks ${lang} and is accessible`, async () => {
        const element = await finder(html`<brusano-service-finder lang=${lang} feed=${SAMPLE_FEED}></brusano-service-finder>`);
        expect($(element, 'h2')!.textContent).to.equal(title);
        expect($(element, '.count')!.textContent).to.contain(count);
        await expect(element).to.be.accessible();
      });
    }

    it('follows the nearest lang on the page, and its later changes', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="nl-BE"><brusano-service-finder feed=${SAMPLE_FEED}></brusano-service-finder></div>`);
      const element = wrapper.querySelector('brusano-service-finder')!;
      await loaded(element);
      expect($(element, 'h2')!.textContent).to.equal('Een welzijns- of gezondheidsdienst vinden');
      wrapper.setAttribute('lang', 'en');
      await waitUntil(() => $(element, 'h2')!.textContent === 'Find a social or health service', 'language followed');
    });
  });

  describe('with sync-url', () => {
    afterEach(() => window.history.replaceState(null, '', window.location.pathname));

    it('keeps its attributes when the address says nothing', async () => {
      const element = await finder(html`<brusano-service-finder feed=${SAMPLE_FEED} bassin="nord" sync-url></brusano-service-finder>`);
      expect(($(element, '#bassin') as HTMLSelectElement).value).to.equal('nord');
    });

    it('keeps the search in the page address, and a new finder on that address shows the same results', async () => {
      const element = await finder(html`<brusano-service-finder feed=${SAMPLE_FEED} sync-url></brusano-service-finder>`);
      await type(element, 'logement');
      const bassin = $(element, '#bassin') as HTMLSelectElement;
      bassin.value = 'nord';
      bassin.dispatchEvent(new Event('change'));
      await element.updateComplete;
      const params = new URLSearchParams(window.location.search);
      expect(params.get('q')).to.equal('logement');
      expect(params.get('bassin')).to.equal('nord');
      const names = cardNames(element);
      element.remove();

      const again = await finder(html`<brusano-service-finder feed=${SAMPLE_FEED} sync-url></brusano-service-finder>`);
      expect(($(again, '#query') as HTMLInputElement).value).to.equal('logement');
      expect(cardNames(again)).to.deep.equal(names);
    });
  });

  describe('with the hostile corpus: 50 XSS vectors in every text field, bad URLs, 1 MB strings, wrong types', () => {
    it('runs nothing, opens no dialog, throws nothing, shows every record it can (without the fields that do not fit) and counts the others', async () => {
      const { hostileServices, XSS_VECTORS } = await import('../../test-support/hostile-corpus.mjs');
      const sample = (await (await fetch('/examples/feed/services.json')).json()) as unknown[];
      const { valid, dropped, skipped } = hostileServices(sample);
      expect(XSS_VECTORS).to.have.length(50);
      const dialogs: string[] = [];
      const errors: string[] = [];
      const original = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };
      window.alert = (message?: unknown) => void dialogs.push(`alert ${String(message)}`);
      window.confirm = (message?: string) => (dialogs.push(`confirm ${message}`), false);
      window.prompt = (message?: string) => (dialogs.push(`prompt ${message}`), null);
      const onError = (event: ErrorEvent) => errors.push(event.message);
      window.addEventListener('error', onError);
      try {
        const reported: CustomEvent[] = [];
        const element = await fixture<BrusanoServiceFinder>(
          html`<brusano-service-finder page-size="200" @brusano-error=${(event: CustomEvent) => reported.push(event)} feed="/test-feeds/corpus/manifest.json"></brusano-service-finder>`,
        );
        await loaded(element);
        await new Promise((resolve) => setTimeout(resolve, 200)); // let any injected handler fire
        const root = shadow(element);
        expect($$(element, '.card')).to.have.length(valid + dropped);
        // One event for what the finder reads (not the agenda's events): the services left out, and
        // the services and the helpdesk (a bad site) shown without a field.
        expect(reported.map((event) => [event.detail.count, event.detail.dropped])).to.deep.equal([[skipped, dropped + 1]]);
        const notices = $$(element, '.notice').map((notice) => notice.textContent);
        expect(notices).to.include(`${skipped} fiches contenaient une erreur et ne sont pas affichées.`);
        expect(notices).to.include(`${dropped + 1} fiches sont affichées sans certains détails qui contenaient une erreur.`);
        expect(root.querySelector('img, script, iframe, svg, object, embed, form, meta, base, link, video, audio, marquee, isindex, x, style')).to.be.null;
        for (const link of root.querySelectorAll('a')) expect(link.getAttribute('href')).to.match(/^(https?:|tel:|mailto:)/);
        expect(cardNames(element)).to.include('<img src=x onerror=window.__xss=1>');
        expect((window as unknown as { __xss?: number }).__xss).to.be.undefined;
        expect(({} as Record<string, unknown>).polluted).to.be.undefined;
        expect(dialogs).to.deep.equal([]);
        expect(errors).to.deep.equal([]);
      } finally {
        Object.assign(window, original);
        window.removeEventListener('error', onError);
      }
    });
  });

  describe('with hostile or broken data', () => {
    it('shows markup in the data as text and runs none of it', async () => {
      const element = await finder(html`<brusano-service-finder feed="/test-feeds/hostile/manifest.json" page-size="50"></brusano-service-finder>`);
      expect(cardNames(element)).to.include('<img src=x onerror="window.__xss=1">');
      expect(shadow(element).querySelector('img, script, svg')).to.be.null;
      expect((window as unknown as { __xss?: number }).__xss).to.be.undefined;
      await expect(element).to.be.accessible();
    });

    it('never links javascript:, data: or vbscript: addresses, even when given unchecked data', async () => {
      const element = await fixture<BrusanoServiceFinder>(html`<brusano-service-finder></brusano-service-finder>`);
      const response = await fetch('/examples/feed/services.json');
      const services = (await response.json()) as Feed['services'];
      services[0]!.websites = [{ url: 'javascript:alert(1)' }, { url: 'data:text/html,<script>alert(1)</script>' }, { url: 'vbscript:msgbox(1)' }];
      services[0]!.phones = [{ number: 'javascript:alert(1)' }];
      element.feedData = { services: [services[0]!], bassins: [], communes: [], quartiers: [], helpdesks: [], actions: [], events: [], categories: [], sectors: [], leadins: [], problems: [], manifest: {} as Feed['manifest'], url: '', loadedAt: new Date() };
      await element.updateComplete;
      await loaded(element);
      const links = $$(element, '.card a').map((link) => link.getAttribute('href')!);
      expect(links.some((href) => /^(javascript|data|vbscript):/i.test(href))).to.be.false;
      expect($(element, '.card')!.textContent).to.contain('javascript:alert(1)');
    });

    it('shows a record without the field that does not fit, says so, and tells the page in an error event', async () => {
      const errors: CustomEvent[] = [];
      const element = await fixture<BrusanoServiceFinder>(
        html`<brusano-service-finder page-size="50" @brusano-error=${(event: CustomEvent) => errors.push(event)} feed="/test-feeds/partial/manifest.json"></brusano-service-finder>`,
      );
      await loaded(element);
      expect($(element, '.notice')!.textContent).to.equal('2 fiches sont affichées sans certains détails qui contenaient une erreur.');
      expect(errors).to.have.length(1);
      expect(errors[0]!.detail).to.include({ type: 'records', count: 0, dropped: 2 });
      expect(errors[0]!.detail.problems.map((problem: { recordId: string; pointer: string }) => `${problem.recordId} ${problem.pointer}`)).to.deep.equal([
        'sample-cpas-jette /phones/0/number',
        'sample-maison-medicale-jette /websites/0/url',
      ]);
      const sample = (await (await fetch('/examples/feed/services.json')).json()) as unknown[];
      expect($$(element, '.card')).to.have.length(sample.length);
      const jette = $$(element, '.card').find((card) => card.textContent!.includes('CPAS — exemple Jette'))!;
      expect(jette.querySelector('a[href^="tel:"]')).to.be.null;
      await expect(element).to.be.accessible();
    });

    it('keeps every service whose only fault is a bad link, and shows an imported one-language record as its producer wrote it', async () => {
      const errors: CustomEvent[] = [];
      const element = await fixture<BrusanoServiceFinder>(
        html`<brusano-service-finder page-size="100" @brusano-error=${(event: CustomEvent) => errors.push(event)} feed="/test-feeds/imported/manifest.json"></brusano-service-finder>`,
      );
      await loaded(element);
      const sample = (await (await fetch('/examples/feed/services.json')).json()) as unknown[];
      expect($$(element, '.card')).to.have.length(sample.length + 1);
      expect($(element, '.notice')!.textContent).to.equal(`${sample.length} fiches sont affichées sans certains détails qui contenaient une erreur.`);
      expect(errors[0]!.detail).to.include({ type: 'records', count: 0, dropped: sample.length });
      for (const link of shadow(element).querySelectorAll('a')) expect(link.getAttribute('href')).to.match(/^(https:\/\/|tel:\+|mailto:)/);
      const card = $$(element, '.card').find((candidate) => candidate.textContent!.includes('Community Food Support'))!;
      expect(card.querySelector('.card__toggle [lang="en"]')!.textContent).to.equal('Community Food Support (sample)');
      card.querySelector<HTMLButtonElement>('.card__toggle')!.click();
      await element.updateComplete;
      expect(card.querySelector('.details a[href="tel:+3220000177;ext=12"]')!.textContent).to.equal('02 000 01 77');
      expect(card.querySelector('.card__quick a.call')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Appeler 02 000 01 77'); // a large tap target in the summary
      expect(card.textContent).to.contain('poste 12');
      const asText = [...card.querySelectorAll('li')].find((item) => item.textContent!.includes('Text HELP to 55501'))!;
      expect(asText.querySelector('a')).to.be.null;
      expect(card.textContent).to.match(/SW1A 0AA\s+London, Royaume-Uni/);
      expect(card.textContent).to.contain('Date de la dernière vérification inconnue');
      await expect(element).to.be.accessible();
    });

    it('explains a feed it cannot read, offers to try again and gives the regional contact', async () => {
      const errors: CustomEvent[] = [];
      const element = await fixture<BrusanoServiceFinder>(html`<brusano-service-finder lang="nl" @brusano-error=${(event: CustomEvent) => errors.push(event)} feed="/test-feeds/broken/manifest.json"></brusano-service-finder>`);
      await loaded(element);
      expect($(element, '[role="alert"]')!.textContent).to.contain('De ontvangen gegevens zijn niet leesbaar');
      expect($(element, '[role="alert"] button')!.textContent).to.equal('Opnieuw proberen');
      expect(shadow(element).querySelector('a[href="tel:+3228802980"]')).to.exist;
      expect(errors[0]!.detail.type).to.equal('feed');
      await expect(element).to.be.accessible();
    });

    it('is accessible while loading', async () => {
      const element = await fixture<BrusanoServiceFinder>(html`<brusano-service-finder feed="/test-feeds/slow/manifest.json"></brusano-service-finder>`);
      expect($(element, '.notice[role="status"]')!.textContent).to.equal('Chargement…');
      await expect(element).to.be.accessible();
    });
  });
});

describe('<brusano-service-finder>: alerts and how to access', () => {
  it('shows a current alert at the top of its card, stated to screen readers; hides expired and future ones; a closing alert closes the service', async () => {
    const element = await finder(html`<brusano-service-finder feed="/test-feeds/alerts/manifest.json" page-size="100"></brusano-service-finder>`);
    const sample = (await (await fetch('/examples/feed/services.json')).json()) as { name: { fr: string } }[];
    const card = (index: number) => $$(element, '.card').find((candidate) => candidate.querySelector('.card__toggle')!.textContent!.trim() === sample[index]!.name.fr)!;
    const closed = card(0);
    expect(closed.querySelector('.alert[role="note"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Avis : Fermé pour travaux (test).');
    expect(closed.querySelector('.alert')!.compareDocumentPosition(closed.querySelector('.card__title')!) & Node.DOCUMENT_POSITION_PRECEDING).to.not.equal(0);
    expect(closed.querySelector('.status--closed')).to.exist;
    expect(closed.querySelector('.status--open')).to.be.null;
    expect(card(1).querySelector('.alert')).to.be.null;
    expect(card(2).querySelector('.alert')).to.be.null;
    expect(card(3).querySelector('.alert')!.textContent).to.contain('Permanence déplacée (test).');
    await expect(element).to.be.accessible();
  });

  it('shows the ages a service takes and how to get help there; filters by the person’s age, kept out of the address', async () => {
    const element = await finder(html`<brusano-service-finder feed=${SAMPLE_FEED} page-size="100" sync-url></brusano-service-finder>`);
    const all = $$(element, '.card').length;
    const youth = $$(element, '.card').find((card) => card.textContent!.includes('De 12 à 25 ans'))!;
    expect(youth).to.exist;
    const debts = $$(element, '.card').find((card) => card.querySelector('.card__toggle')!.textContent!.includes('dettes'))!;
    debts.querySelector<HTMLButtonElement>('.card__toggle')!.click();
    await element.updateComplete;
    expect(debts.querySelector('.details h4')!.textContent).to.equal('Pour y accéder');
    expect([...debts.querySelectorAll('.details li')].map((item) => item.textContent)).to.include('Une preuve de vos revenus');

    const age = $(element, '#person-age') as HTMLInputElement;
    age.value = '30';
    age.dispatchEvent(new Event('input'));
    await element.updateComplete;
    const shown = $$(element, '.card');
    expect(shown.length).to.equal(all - 3); // two for ages 12 to 25, one from 60
    expect(shown.some((card) => /De 12 à 25 ans|À partir de 60 ans/.test(card.textContent!))).to.be.false;
    expect($(element, '.count')!.textContent).to.equal(`${all - 3} services trouvés.`);
    expect(location.href).to.not.contain('30');
    await expect(element).to.be.accessible();

    age.value = '';
    age.dispatchEvent(new Event('input'));
    const nothing = $$(element, '.checks label').find((label) => label.textContent!.includes('Rien à apporter'))!.querySelector('input')!;
    nothing.click();
    await element.updateComplete;
    const sample = (await (await fetch('/examples/feed/services.json')).json()) as { requiredDocuments?: unknown[] }[];
    expect($$(element, '.card')).to.have.length(sample.filter((service) => service.requiredDocuments?.length === 0).length);
    expect($$(element, '.card').length).to.be.greaterThan(0);
  });
});

describe('<brusano-service-finder>: open at a chosen time', () => {
  it('finds what is open on a chosen day and time of the coming week, Brussels time', async () => {
    const { atBrusselsTime, brusselsTime, addDays, hoursWithAlerts, openingStatus } = await import('@brusano/sdk/hours');
    const element = await finder(html`<brusano-service-finder feed=${SAMPLE_FEED} page-size="100"></brusano-service-finder>`);
    const sample = (await (await fetch('/examples/feed/services.json')).json()) as Parameters<typeof hoursWithAlerts>[0][];
    const tomorrow = addDays(brusselsTime(new Date()).date, 1);
    for (const time of ['10:00', '03:00']) {
      const day = $(element, '#open-day') as HTMLSelectElement;
      day.value = tomorrow;
      day.dispatchEvent(new Event('change'));
      const clock = $(element, '#open-time') as HTMLInputElement;
      clock.value = time;
      clock.dispatchEvent(new Event('change'));
      await element.updateComplete;
      const at = atBrusselsTime(tomorrow, time);
      const expected = sample.filter((service) => openingStatus(hoursWithAlerts(service), at).open).length;
      expect($$(element, '.card').length, `open tomorrow at ${time}`).to.equal(expected);
    }
    expect($$(element, '.card').length).to.be.lessThan(sample.length);
    await expect(element).to.be.accessible();
    const day = $(element, '#open-day') as HTMLSelectElement;
    day.value = '';
    day.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect($$(element, '.card')).to.have.length(sample.length);
  });
});

describe('<brusano-service-finder>: reporting a mistake', () => {
  const open = async (element: BrusanoServiceFinder) => {
    const report = $$(element, '.card')[0]!.querySelector<HTMLDetailsElement>('.report')!;
    report.open = true;
    await waitUntil(() => report.querySelector('form'), 'the form did not open');
    return report;
  };
  const choose = async (element: BrusanoServiceFinder, report: HTMLElement, reason: string, text: string) => {
    report.querySelector<HTMLInputElement>(`input[value="${reason}"]`)!.click();
    const details = report.querySelector('textarea')!;
    details.value = text;
    details.dispatchEvent(new Event('input'));
    await element.updateComplete;
  };

  it('prepares an e-mail to the feed’s address with the record, the reason, the words and the feed version', async () => {
    const element = await finder();
    const report = await open(element);
    expect(report.textContent).to.contain('Nous ne recueillons aucune donnée personnelle');
    expect(report.querySelector('a[href^="mailto:"]')).to.be.null; // nothing to send before a reason is chosen
    await choose(element, report, 'phone', 'Le numéro sonne occupé depuis une semaine.');
    const href = report.querySelector('a[href^="mailto:"]')!.getAttribute('href')!;
    expect(href.startsWith('mailto:corrections@example.org?subject=')).to.be.true;
    const body = new URLSearchParams(href.slice(href.indexOf('?') + 1)).get('body')!;
    const manifest = await (await fetch('/examples/feed/manifest.json')).json();
    const first = $$(element, '.card__toggle')[0]!.textContent!.trim();
    expect(body).to.contain(`Fiche : ${first} (`);
    expect(body).to.contain('Problème : Le téléphone');
    expect(body).to.contain('Précisions : Le numéro sonne occupé depuis une semaine.');
    expect(body).to.contain(manifest.generatedAt);
    await expect(element).to.be.accessible();
  });

  it('posts the report as JSON to the feed’s endpoint, and says when it could not', async () => {
    const before = (await (await fetch('/test-feeds/inbox')).json()).length;
    const element = await finder(html`<brusano-service-finder feed="/test-feeds/report-inbox/manifest.json"></brusano-service-finder>`);
    const report = await open(element);
    await choose(element, report, 'closed-for-good', 'Fermé depuis septembre.');
    report.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => report.querySelector('[role="status"]'), 'no answer to the report');
    expect(report.querySelector('[role="status"]')!.textContent).to.equal('Merci : votre signalement a été envoyé.');
    const inbox = await (await fetch('/test-feeds/inbox')).json();
    expect(inbox).to.have.length(before + 1);
    expect(inbox.at(-1).body).to.deep.include({ reason: 'closed-for-good', text: 'Fermé depuis septembre.', lang: 'fr' });
    expect(inbox.at(-1).body.serviceId).to.match(/^sample-/);
    expect(inbox.at(-1).contentType).to.equal('application/json');
    expect(inbox.at(-1).cookie).to.equal('');

    const refused = await finder(html`<brusano-service-finder feed="/test-feeds/report-refused/manifest.json"></brusano-service-finder>`);
    const failing = await open(refused);
    await choose(refused, failing, 'hours', '');
    failing.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => failing.querySelector('[role="alert"]'), 'no answer to the report');
    expect(failing.querySelector('[role="alert"]')!.textContent).to.equal('Le signalement n’a pas pu être envoyé. Réessayez plus tard.');
    await expect(refused).to.be.accessible();
  });
});

describe('<brusano-service-finder>: scannable on a phone', () => {
  it('shows a short summary per card (what, open, where, call) and the rest behind "Détails", which keeps its state through "show more"', async () => {
    const { setViewport } = await import('@web/test-runner-commands');
    await setViewport({ width: 390, height: 844 });
    try {
      const element = await finder(html`<brusano-service-finder feed=${SAMPLE_FEED} page-size="4"></brusano-service-finder>`);
      const cards = $$(element, '.card');
      const heights = cards.map((card) => card.getBoundingClientRect().height);
      expect(Math.max(...heights), `card heights ${heights.map(Math.round).join(', ')}`).to.be.lessThan(320); // they were 780 to 900
      const first = cards[0]!;
      expect(first.querySelector('.details')!.hasAttribute('hidden')).to.be.true;
      expect(first.querySelector('.card__quick a.call[href^="tel:+"]')).to.exist;
      const details = first.querySelector<HTMLButtonElement>('.card__quick button[aria-expanded]')!;
      expect(details.textContent).to.contain('Détails');
      details.click();
      await element.updateComplete;
      expect(details.getAttribute('aria-expanded')).to.equal('true');
      expect(first.querySelector('.details')!.hasAttribute('hidden')).to.be.false;
      expect(first.querySelector('.details dl.facts')).to.exist;
      ($(element, '.more') as HTMLButtonElement).click();
      await element.updateComplete;
      expect($$(element, '.card')[0]!.querySelector('.details')!.hasAttribute('hidden')).to.be.false;
      await expect(element).to.be.accessible();
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });
});
