import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../index.js';
import { forgetFeed } from './feed-store.js';
import type { BrusanoServiceFinder } from '../service-finder/service-finder.component.js';
import { $, $$, loaded } from '../../test-support/helpers.js';

/** How many times a feed's manifest was asked for. */
const requests = async (name: string) => Number(await (await fetch(`/test-feeds/requests/${name}/manifest`)).text());

/** Waits until the widgets' Cache API copy of a feed holds its services. */
async function storedCopyOf(feed: string): Promise<void> {
  const key = `https://brusano.invalid/last-good?feed=${encodeURIComponent(new URL(feed, document.baseURI).href)}`;
  await waitUntil(
    async () => {
      const cache = await caches.open('brusano-feeds-v1');
      const index = await (await cache.match(key))?.json();
      // Listed, and written: a file is listed before it is written.
      const services = index?.files.find((file: string) => file.endsWith('services.json'));
      return Boolean(services && (await cache.match(services)));
    },
    'the feed was stored',
    { timeout: 10_000 },
  );
}

const MESSAGES = {
  feedError: { fr: 'Les informations n’ont pas pu être chargées', nl: 'De informatie kon niet worden geladen', en: 'The information could not be loaded' },
  feedFormat: { fr: 'Les données reçues ne sont pas lisibles', nl: 'De ontvangen gegevens zijn niet leesbaar', en: 'The data received cannot be read' },
} as const;

describe('network faults (a fault-injecting server)', () => {
  for (const [kind, message, lang, tries] of [
    ['500', 'feedError', 'fr', 3],
    ['404', 'feedError', 'nl', 1],
    ['truncated', 'feedFormat', 'en', 1],
    ['html', 'feedFormat', 'fr', 1],
    ['reset', 'feedError', 'nl', 3],
  ] as const) {
    it(`${kind}: says so in ${lang}, offers to try again and the regional contact, after ${tries} request(s)`, async () => {
      const errors: CustomEvent[] = [];
      const element = await fixture<BrusanoServiceFinder>(
        html`<brusano-service-finder lang=${lang} feed=${`/test-feeds/fault-${kind}/manifest.json`} @brusano-error=${(event: CustomEvent) => errors.push(event)}></brusano-service-finder>`,
      );
      await loaded(element);
      expect($(element, '[role="alert"]')!.textContent).to.contain(MESSAGES[message][lang]);
      expect($(element, '[role="alert"] button')).to.exist;
      expect(element.shadowRoot!.querySelector('a[href="tel:+3228802980"]')).to.exist;
      expect(errors[0]!.detail.type).to.equal('feed');
      // Bounded retries: the SDK tries 3 times at most; on a reset connection the browser itself
      // also tries again once or twice per attempt, so only the bound is fixed there.
      if (kind === 'reset') expect(await requests(`fault-${kind}`)).to.be.within(tries, tries * 3);
      else expect(await requests(`fault-${kind}`)).to.equal(tries);
      await expect(element).to.be.accessible();
    });
  }

  it('a 10 s stall: gives up after the timeout and its retries, says the server does not answer', async function () {
    this.timeout(90_000);
    const element = await fixture<BrusanoServiceFinder>(html`<brusano-service-finder lang="en" feed="/test-feeds/fault-stall/manifest.json"></brusano-service-finder>`);
    expect($(element, '.notice[role="status"]')!.textContent).to.equal('Loading…');
    await waitUntil(() => (element as unknown as { feedState: { status: string } }).feedState.status === 'error', 'gave up', { timeout: 80_000, interval: 500 });
    await element.updateComplete;
    expect($(element, '[role="alert"]')!.textContent).to.contain('The server does not answer. Try again in a moment.');
    expect(await requests('fault-stall')).to.be.within(1, 3);
  });

  it('never asks for the visitor’s position', async () => {
    let asked = 0;
    const original = navigator.geolocation.getCurrentPosition;
    navigator.geolocation.getCurrentPosition = () => void asked++;
    try {
      const element = await fixture<BrusanoServiceFinder>(html`<brusano-service-finder feed="/examples/feed/manifest.json"></brusano-service-finder>`);
      await loaded(element);
      $$(element, '.card__toggle')[0]!.click();
      await fixture(html`<brusano-helpdesk-card postal-code="1090"></brusano-helpdesk-card>`);
      expect(asked).to.equal(0);
    } finally {
      navigator.geolocation.getCurrentPosition = original;
    }
  });

  it('offline (nothing listens): the helpdesk card still answers from its reference data', async () => {
    const card = await fixture(html`<brusano-helpdesk-card lang="en" feed="http://127.0.0.1:9/manifest.json" postal-code="1083"></brusano-helpdesk-card>`);
    await loaded(card);
    expect($(card, '.notice')!.textContent).to.contain('Offline');
    expect($(card, 'a[href="tel:+3223186054"]')).to.exist;
  });

  it('keeps the last good feed on screen, with its date, when a refresh fails', async () => {
    const element = await fixture<BrusanoServiceFinder>(html`<brusano-service-finder feed="/test-feeds/flaky-refresh/manifest.json" page-size="3"></brusano-service-finder>`);
    await loaded(element);
    expect($$(element, '.card')).to.have.length(3);
    await storedCopyOf('/test-feeds/flaky-refresh/manifest.json');
    await fetch('/test-feeds/flaky-refresh/break');
    const errors: CustomEvent[] = [];
    element.addEventListener('brusano-error', (event) => errors.push(event as CustomEvent));
    await (element as unknown as { loadData(retry: boolean): Promise<void> }).loadData(true);
    await loaded(element);
    expect($$(element, '.card')).to.have.length(3);
    expect($(element, '[role="alert"]')!.textContent).to.match(/La mise à jour n’a pas pu être chargée : ces informations datent du \d+ \w+ \d{4}/);
    expect(errors[0]!.detail.stale).to.be.instanceOf(Date);
    await expect(element).to.be.accessible();
  });

  it('shows the copy from an earlier visit when the feed cannot be loaded now, from the Cache API, not localStorage', async () => {
    const feed = '/test-feeds/flaky-visit/manifest.json';
    const first = await fixture<BrusanoServiceFinder>(html`<brusano-service-finder lang="nl" feed=${feed} page-size="2"></brusano-service-finder>`);
    await loaded(first);
    await storedCopyOf(feed);
    first.remove();
    // Another visit: the page starts with no reader, and the feed now fails.
    forgetFeed(feed);
    await fetch('/test-feeds/flaky-visit/break');
    const element = await fixture<BrusanoServiceFinder>(html`<brusano-service-finder lang="nl" feed=${feed} page-size="2"></brusano-service-finder>`);
    await loaded(element);
    expect($$(element, '.card')).to.have.length(2);
    expect($(element, '[role="alert"]')!.textContent).to.match(/deze informatie dateert van \d+ \w+ \d{4}/);
    expect(localStorage.length).to.equal(0);
  });
});
