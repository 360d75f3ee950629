import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import '../agenda/agenda.js';
import type { BrusanoAgenda } from './agenda.component.js';
import { $, $$, captureDownloads, loaded, nextEvent, SAMPLE_FEED } from '../../test-support/helpers.js';

async function agenda(template = html`<brusano-agenda feed=${SAMPLE_FEED}></brusano-agenda>`) {
  const element = await fixture<BrusanoAgenda>(template);
  await loaded(element);
  return element;
}

const titles = (element: Element) => $$(element, '.event__title .title-text').map((title) => title.textContent!.trim());

async function choose(element: BrusanoAgenda, selector: string, value: string) {
  const select = $(element, selector) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await element.updateComplete;
}

describe('<brusano-agenda>', () => {
  describe('with the sample feed', () => {
    it('lists upcoming events only, in date order, and is accessible', async () => {
      const element = await agenda();
      await expect(element).to.be.accessible();
      const times = $$(element, '.event time').map((time) => time.getAttribute('datetime')!);
      expect(times.length).to.be.greaterThan(0);
      const today = new Date().toISOString().slice(0, 10);
      expect(times.every((time) => time.slice(0, 10) >= today)).to.be.true;
      expect([...times].sort((a, b) => new Date(a).getTime() - new Date(b).getTime())).to.deep.equal(times);
    });

    it('shows past events on request', async () => {
      const element = await agenda();
      const upcoming = titles(element).length;
      ($(element, '.check input') as HTMLInputElement).click();
      await element.updateComplete;
      expect(titles(element).length).to.be.greaterThan(upcoming);
      expect(titles(element)).to.include('Atelier du changement — Bassin Nord-Est');
    });

    it('writes dates and times in Brussels time, in the widget’s language', async () => {
      const element = await agenda(html`<brusano-agenda feed=${SAMPLE_FEED} lang="nl" from="2022-01-01" types="car"></brusano-agenda>`);
      const car = $$(element, '.event').find((event) => event.textContent!.includes('Regionale actieraad') && event.textContent!.includes('2025'))!;
      expect(car.querySelector('.when')!.textContent!.replace(/\s+/g, ' ')).to.contain('woensdag 12 maart 2025 · 12:00–13:00');
    });

    it('filters by bassin (keeping the Region’s events) and by type', async () => {
      const element = await agenda();
      await choose(element, '#bassin', 'sud');
      const shown = $$(element, '.meta').map((meta) => meta.textContent!);
      expect(shown.length).to.be.greaterThan(0);
      expect(shown.every((meta) => meta.includes('Bassin Sud') || meta.includes('Toute la Région'))).to.be.true;
      await choose(element, '#type', 'adc');
      expect($$(element, '.meta').every((meta) => meta.textContent!.startsWith('Atelier du changement'))).to.be.true;
    });

    it('marks cancelled and postponed events in words, not colour alone', async () => {
      const element = await agenda();
      const states = $$(element, '.state').map((state) => state.textContent);
      expect(states).to.include('Annulé');
      expect(states).to.include('Reporté');
      const cancelled = $$(element, '.event--cancelled')[0]!;
      expect(cancelled.querySelector('a[href*="inscription"]')).to.be.null;
    });

    it('keeps an event to its summary, the description behind a Détails button that stays open and is printed', async () => {
      const element = await agenda();
      const event = () => $$(element, '.event').find((item) => item.querySelector('.title-text')!.textContent!.includes('Centre-Ouest'))!;
      const button = () => [...event().querySelectorAll('button')].find((candidate) => candidate.textContent!.trim().startsWith('Détails'))!;
      const details = () => event().querySelector<HTMLElement>(`#${button().getAttribute('aria-controls')}`)!;
      expect(button().getAttribute('aria-expanded')).to.equal('false');
      expect(details().hidden).to.be.true;
      expect(details().textContent).to.contain("il n'aura pas lieu");
      button().click();
      await element.updateComplete;
      expect(button().getAttribute('aria-expanded')).to.equal('true');
      expect(details().hidden).to.be.false;
      // Still open when the list is drawn again (another type chosen, then all types).
      await choose(element, '#type', 'cab');
      await choose(element, '#type', '');
      expect(button().getAttribute('aria-expanded')).to.equal('true');
      button().click();
      await element.updateComplete;
      expect(details().hidden).to.be.true;
      // On paper, every description is there, closed or not.
      const { text } = (await executeServerCommand('print-pdf')) as { text: string };
      expect(text).to.contain("il n'aura pas lieu");
      await expect(element).to.be.accessible();
    });

    it('offers an .ics file for an event that calendar apps read', async () => {
      const element = await agenda();
      const downloads = captureDownloads();
      try {
        const button = $$(element, '.event button').find((candidate) => candidate.textContent === 'Ajouter à mon agenda')!;
        button.click();
        expect(downloads.files).to.have.length(1);
        expect(downloads.files[0]!.name).to.match(/\.ics$/);
        const calendar = new ICAL.Component(ICAL.parse(await downloads.files[0]!.text));
        const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
        expect(event.uid).to.match(/@brusano\.brussels$/);
        const title = button.closest('article')!.querySelector('.title-text')!.textContent!.trim();
        expect(event.summary.replace(/^\[[^\]]+\] /, '')).to.equal(title);
      } finally {
        downloads.restore();
      }
    });

    it('shows a month as a table; picking an event there brings it into view in the list', async () => {
      const element = await agenda(html`<brusano-agenda feed=${SAMPLE_FEED} view="month" from="2027-02-01"></brusano-agenda>`);
      expect($(element, 'table caption')!.textContent).to.equal('février 2027');
      expect($(element, '.count')!.textContent).to.equal(`${$$(element, '.in-cell').length} événements.`);
      expect($$(element, 'thead th')).to.have.length(7);
      await expect(element).to.be.accessible();
      const entry = $$(element, '.in-cell')[0]!;
      const picked = nextEvent<{ event: { id: string } }>(element, 'brusano-select');
      entry.click();
      const { detail } = await picked;
      await element.updateComplete;
      expect(element.view).to.equal('list');
      expect(element.shadowRoot!.activeElement!.getAttribute('data-event')).to.equal(detail.event.id);
      ($$(element, '.views button')[1] as HTMLButtonElement).click();
      await element.updateComplete;
      ($(element, '.month-nav button[aria-label="Mois suivant"]') as HTMLButtonElement).click();
      await element.updateComplete;
      expect($(element, 'table caption')!.textContent).to.equal('mars 2027');
    });

    it('offers the listed events as one .ics file, and the feed\'s calendar to subscribe to', async () => {
      const element = await agenda(html`<brusano-agenda feed="/test-feeds/calendars/manifest.json"></brusano-agenda>`);
      await choose(element, '#bassin', 'nord');
      const subscribe = $$(element, 'a').find((link) => link.textContent === 'S’abonner à cet agenda')!;
      expect(new URL(subscribe.getAttribute('href')!).pathname).to.equal('/test-feeds/calendars/calendars/nord.fr.ics');
      const downloads = captureDownloads();
      try {
        ($$(element, 'button').find((button) => button.textContent === 'Ajouter ces événements à mon agenda') as HTMLButtonElement).click();
        const calendar = new ICAL.Component(ICAL.parse(await downloads.files[0]!.text));
        expect(calendar.getAllSubcomponents('vevent')).to.have.length(titles(element).length);
      } finally {
        downloads.restore();
      }
    });

    it('puts the events shown in the page as schema.org JSON-LD, in its light DOM', async () => {
      const element = await agenda(html`<brusano-agenda feed=${SAMPLE_FEED} lang="nl" limit="3"></brusano-agenda>`);
      const script = element.querySelector('script[type="application/ld+json"]')!;
      const events = JSON.parse(script.textContent!) as { '@type': string; name: string; inLanguage: string }[];
      expect(events).to.have.length(3);
      expect(events.every((event) => event['@type'] === 'Event' && event.inLanguage === 'nl')).to.be.true;
      expect(events.map((event) => event.name)).to.deep.equal(titles(element));
    });

    it('says so when nothing is planned', async () => {
      const element = await agenda(html`<brusano-agenda feed=${SAMPLE_FEED} from="2030-01-01"></brusano-agenda>`);
      expect($(element, '.empty')!.textContent).to.equal('Aucun événement à venir pour ces choix.');
      await expect(element).to.be.accessible();
    });
  });

  describe('in each language', () => {
    for (const [lang, title] of [
      ['fr', 'Agenda des rencontres et activités'],
      ['nl', 'Agenda van bijeenkomsten en activiteiten'],
      ['en', 'Agenda of meetings and activities'],
    ] as const) {
      it(`speaks ${lang} in both views and is accessible`, async () => {
        const element = await agenda(html`<brusano-agenda lang=${lang} feed=${SAMPLE_FEED}></brusano-agenda>`);
        expect($(element, 'h2')!.textContent).to.equal(title);
        await expect(element).to.be.accessible();
        element.view = 'month';
        await element.updateComplete;
        await expect(element).to.be.accessible();
      });
    }
  });

  describe('with hostile or broken data', () => {
    it('shows markup in a title as text', async () => {
      const element = await agenda(html`<brusano-agenda feed="/test-feeds/hostile/manifest.json" from="2022-01-01"></brusano-agenda>`);
      expect(titles(element)).to.include('<img src=x onerror="window.__xss=1">');
      expect(element.shadowRoot!.querySelector('img, script')).to.be.null;
      expect((window as unknown as { __xss?: number }).__xss).to.be.undefined;
    });

    it('with the hostile corpus: runs nothing and shows every valid event, its texts as text', async () => {
      const { hostileEvents } = await import('../../test-support/hostile-corpus.mjs');
      const sample = (await (await fetch('/examples/feed/events.json')).json()) as unknown[];
      const { valid, dropped } = hostileEvents(sample);
      const element = await agenda(html`<brusano-agenda feed="/test-feeds/corpus/manifest.json" from="2000-01-01"></brusano-agenda>`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect($$(element, '.event')).to.have.length(valid + dropped);
      expect(element.shadowRoot!.querySelector('img, script, iframe, svg, object, embed, form, meta, base, link, style')).to.be.null;
      for (const link of element.shadowRoot!.querySelectorAll('a')) expect(link.getAttribute('href')).to.match(/^https?:/);
      expect((window as unknown as { __xss?: number }).__xss).to.be.undefined;
      // The JSON-LD in the light DOM cannot be closed by a "</script>" in the data.
      expect(element.querySelector('script[type="application/ld+json"]')!.textContent).not.to.contain('</script>');
    });

    it('explains a feed it cannot read and stays accessible', async () => {
      const element = await agenda(html`<brusano-agenda feed="/test-feeds/broken/manifest.json" lang="en"></brusano-agenda>`);
      expect($(element, '[role="alert"]')!.textContent).to.contain('The data received cannot be read');
      await expect(element).to.be.accessible();
    });
  });
});
