import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import ICAL from 'ical.js';
import '../helpdesk-card/helpdesk-card.js';
import type { BrusanoHelpdeskCard } from './helpdesk-card.component.js';
import { $, $$, captureDownloads, loaded, nextEvent, SAMPLE_FEED } from '../../test-support/helpers.js';

async function card(template: ReturnType<typeof html>) {
  const element = await fixture<BrusanoHelpdeskCard>(template);
  await loaded(element);
  return element;
}

/** A port where nothing listens: the network fails at once, as when offline. */
const OFFLINE_FEED = 'http://127.0.0.1:9/manifest.json';

describe('<brusano-helpdesk-card>', () => {
  it('gives Bassin Nord’s line for 1090, with tel: and mailto: links, and is accessible', async () => {
    const element = await card(html`<brusano-helpdesk-card feed=${SAMPLE_FEED} postal-code="1090"></brusano-helpdesk-card>`);
    expect($(element, '.helpdesk h3')!.textContent).to.equal('Helpdesk du Bassin Nord');
    expect($(element, 'a[href="tel:+3223186054"]')!.textContent).to.equal('02 318 60 54') // as a Brussels reader writes it; the link stays international;
    expect($(element, 'a[href="mailto:info@bassin-nord.brussels"]')).to.exist;
    expect($(element, '.helpdesk')!.textContent).to.contain('Ligne téléphonique active de soutien');
    await expect(element).to.be.accessible();
  });

  it('asks which area an ambiguous postal code means, then answers for the one chosen', async () => {
    const element = await card(html`<brusano-helpdesk-card feed=${SAMPLE_FEED} postal-code="1050" lang="nl"></brusano-helpdesk-card>`);
    expect($(element, 'legend')!.textContent).to.equal('Deze code omvat meerdere gebieden. Waar ben je?');
    const choices = $$(element, '.choices button');
    expect(choices.map((button) => button.textContent!.trim())).to.have.members([
      'Brussel — Brussel-Stad buiten de Vijfhoek (Europese wijk, Louizalaan) (geen zorgzone bekend)',
      'Elsene (Zorgzone Zuid)',
    ]);
    await expect(element).to.be.accessible();
    const chosen = nextEvent<{ area: { commune: { nis: string } } }>(element, 'brusano-select');
    choices.find((button) => button.textContent!.startsWith('Elsene'))!.click();
    expect((await chosen).detail.area.commune.nis).to.equal('21009');
    await element.updateComplete;
    // Bassin Sud's number is not in the sources: its site, then the regional contact.
    expect($(element, '.partial h3')!.textContent).to.equal('Helpdesk van Zorgzone Zuid');
    expect($(element, 'a[href="https://zorgzone-zuid.brussels/"]')).to.exist;
    expect($(element, 'a[href="tel:+3228802980"]')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('looks up what the person types', async () => {
    const element = await card(html`<brusano-helpdesk-card feed=${SAMPLE_FEED}></brusano-helpdesk-card>`);
    const input = $(element, '#place') as HTMLInputElement;
    input.value = 'Ganshoren';
    ($(element, 'form button') as HTMLButtonElement).click();
    await loaded(element);
    expect($(element, '.helpdesk h3')!.textContent).to.equal('Helpdesk du Bassin Nord');
  });

  it('says a place outside the Region is not covered, and gives the regional contact', async () => {
    const element = await card(html`<brusano-helpdesk-card feed=${SAMPLE_FEED} postal-code="1300" lang="en"></brusano-helpdesk-card>`);
    expect($(element, '.notice')!.textContent).to.equal('"1300" is not in the Brussels Region.');
    expect($(element, 'a[href="tel:+3228802980"]')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('works offline from the reference data in the SDK', async () => {
    const element = await card(html`<brusano-helpdesk-card feed=${OFFLINE_FEED} commune="Koekelberg"></brusano-helpdesk-card>`);
    expect($(element, '.notice')!.textContent).to.contain('Hors ligne');
    expect($(element, 'a[href="tel:+3223186054"]')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('works with no feed at all, from a bassin attribute', async () => {
    const element = await card(html`<brusano-helpdesk-card bassin="nord"></brusano-helpdesk-card>`);
    expect($(element, 'form')).to.be.null;
    expect($(element, 'a[href="tel:+3223186054"]')).to.exist;
  });

  it('offers the contact as a vCard', async () => {
    const element = await card(html`<brusano-helpdesk-card bassin="nord" lang="nl"></brusano-helpdesk-card>`);
    const downloads = captureDownloads();
    try {
      ($$(element, '.helpdesk button').find((button) => button.textContent === 'Contact bewaren') as HTMLButtonElement).click();
      // The vCard writer comes with the click.
      await waitUntil(() => downloads.files.length === 1, 'the contact was offered');
      const vcard = new ICAL.Component(ICAL.parse(await downloads.files[0]!.text));
      expect(downloads.files[0]!.name).to.equal('helpdesk-nord.vcf');
      expect(vcard.getFirstPropertyValue('tel')).to.equal('tel:+3223186054');
      expect(vcard.getFirstPropertyValue('email')).to.equal('info@zorgzone-noord.brussels');
    } finally {
      downloads.restore();
    }
  });

  it('with the hostile corpus: shows the helpdesk texts as text and runs nothing', async () => {
    const element = await card(html`<brusano-helpdesk-card feed="/test-feeds/corpus/manifest.json" postal-code="1090"></brusano-helpdesk-card>`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect($(element, '.helpdesk h3')!.textContent).to.match(/<|&|\$|\{/);
    expect(element.shadowRoot!.querySelector('img, script, iframe, svg, object, embed, form:not(.lookup), meta, base, link, style')).to.be.null;
    expect((window as unknown as { __xss?: number }).__xss).to.be.undefined;
    expect($(element, 'a[href="tel:+3223186054"]')).to.exist;
  });

  for (const lang of ['fr', 'nl', 'en'] as const) {
    it(`is accessible in ${lang}, before and after a look-up`, async () => {
      const element = await card(html`<brusano-helpdesk-card lang=${lang} feed=${SAMPLE_FEED}></brusano-helpdesk-card>`);
      await expect(element).to.be.accessible();
      element.setAttribute('postal-code', '1000');
      await element.updateComplete;
      await expect(element).to.be.accessible();
    });
  }
});
