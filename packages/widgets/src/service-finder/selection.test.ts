import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../service-finder/service-finder.js';
import type { BrusanoServiceFinder } from './service-finder.component.js';
import { $, $$, loaded, SAMPLE_FEED } from '../../test-support/helpers.js';

async function finder() {
  const element = await fixture<BrusanoServiceFinder>(html`<brusano-service-finder feed=${SAMPLE_FEED} page-size="100"></brusano-service-finder>`);
  await loaded(element);
  return element;
}

const cardNamed = (element: BrusanoServiceFinder, name: string) => $$(element, '.card').find((card) => card.querySelector('.card__toggle')!.textContent!.includes(name))!;

async function pick(element: BrusanoServiceFinder, ...names: string[]) {
  for (const name of names) cardNamed(element, name).querySelector<HTMLInputElement>('.select input')!.click();
  await element.updateComplete;
}

async function writeNote(element: BrusanoServiceFinder, note: string) {
  const field = $(element, '#selection-note') as HTMLTextAreaElement;
  field.value = note;
  field.dispatchEvent(new Event('input'));
  await element.updateComplete;
}

const ownKeys = () => Object.keys(localStorage).filter((key) => key.startsWith('brusano-selection:'));

/** Each test starts and ends with no selection kept: other test files share this origin's storage. */
function forget() {
  for (const key of ownKeys()) localStorage.removeItem(key);
  history.replaceState(null, '', location.pathname);
}

describe('<brusano-service-finder>: ma sélection', () => {
  beforeEach(forget);
  afterEach(forget);

  it('keeps the services picked and the note on this device only, and clears them', async () => {
    const before = Object.keys(localStorage);
    const element = await finder();
    await pick(element, 'CPAS — exemple Jette', 'dettes');
    await writeNote(element, 'Apportez votre carte d’identité.');
    expect($(element, '#selection-title')!.textContent).to.equal('Ma sélection (2)');
    await expect(element).to.be.accessible();
    expect(ownKeys()).to.have.length(1);
    expect(Object.keys(localStorage).filter((key) => !before.includes(key))).to.deep.equal(ownKeys());

    const again = await finder();
    expect($(again, '#selection-title')!.textContent).to.equal('Ma sélection (2)');
    expect(($(again, '#selection-note') as HTMLTextAreaElement).value).to.equal('Apportez votre carte d’identité.');
    expect(cardNamed(again, 'CPAS — exemple Jette').querySelector<HTMLInputElement>('.select input')!.checked).to.be.true;
    $$(again, '.selection button').find((button) => button.textContent === 'Vider la sélection')!.click();
    await again.updateComplete;
    expect($(again, '.selection')).to.be.null;
    expect(ownKeys()).to.deep.equal([]);
  });

  it('prints an A4 handout with the date, the note and each service, and nothing else of the list', async () => {
    const element = await finder();
    await pick(element, 'CPAS — exemple Jette', 'dettes');
    await writeNote(element, 'Apportez votre carte d’identité.');
    const printed: string[] = [];
    const print = window.print;
    window.print = () => printed.push('print');
    try {
      ($(element, '[data-print-handout]') as HTMLButtonElement).click();
      await waitUntil(() => printed.length === 1, 'the print dialog was not asked for');
      expect($$(element, '.handout__qr svg')).to.have.length(2); // a QR code to each service's details
      const { text, pages } = (await executeServerCommand('print-pdf')) as { text: string; pages: number };
      const flat = text.replace(/\s+/g, ' ');
      const today = new Intl.DateTimeFormat('fr-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(new Date());
      expect(flat).to.contain('Services pour vous');
      expect(flat).to.contain(`Préparé le ${today}`);
      expect(flat).to.contain('Apportez votre carte d’identité.');
      expect(flat).to.contain('CPAS — exemple Jette');
      expect(flat).to.contain('dettes');
      expect(flat).to.contain('Une preuve de vos revenus');
      expect(flat).to.match(/Source : .+, informations du /);
      expect(flat).to.not.contain('Filtres');
      expect(pages).to.be.lessThan(4);
    } finally {
      window.print = print;
    }
    await element.updateComplete;
    expect($(element, '.handout')).to.be.null; // printing done (the PDF's afterprint), the page is as it was
  });

  it('shares a link that opens the finder on exactly that selection; unknown and hostile ids are left aside', async () => {
    const element = await finder();
    await pick(element, 'CPAS — exemple Jette', 'dettes');
    const copied: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (link: string) => void copied.push(link) } });
    const share = navigator.share;
    Object.defineProperty(navigator, 'share', { configurable: true, value: undefined });
    try {
      ($(element, '[data-share]') as HTMLButtonElement).click();
      await waitUntil(() => copied.length === 1, 'the link was not copied');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
      Object.defineProperty(navigator, 'share', { configurable: true, value: share });
    }
    await element.updateComplete;
    expect($(element, '.selection [role="status"]')!.textContent).to.equal('Lien copié : collez-le dans un message.');
    const link = new URL(copied[0]!);
    expect(link.searchParams.get('brusano-selection')!.split(',')).to.have.length(2);

    for (const key of ownKeys()) localStorage.removeItem(key); // another person's browser
    history.replaceState(null, '', `${link.search},unknown-service,%3Cscript%3E,javascript:alert(1)`);
    const opened = await finder();
    expect($(opened, '#shared-title')!.textContent).to.equal('Sélection partagée : 2 services');
    expect($$(opened, '.card')).to.have.length(2);
    expect($(opened, '.shared .notice')!.textContent).to.equal('1 service de ce lien n’est plus dans le répertoire.');
    expect($(opened, 'script')).to.be.null;
    await expect(opened).to.be.accessible();
    $$(opened, '.shared button').find((button) => button.textContent === 'Voir tout le répertoire')!.click();
    await opened.updateComplete;
    expect($$(opened, '.card').length).to.be.greaterThan(2);
    expect(location.search).to.not.contain('brusano-selection');
  });
});

describe('<brusano-service-finder>: ma sélection, by keyboard and with odd addresses', () => {
  beforeEach(forget);
  afterEach(forget);

  it('is built with the keyboard alone: Space ticks a card, the note takes typing', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    const element = await finder();
    cardNamed(element, 'CPAS — exemple Jette').querySelector<HTMLInputElement>('.select input')!.focus();
    await sendKeys({ press: 'Space' });
    await element.updateComplete;
    expect($(element, '#selection-title')!.textContent).to.equal('Ma sélection (1)');
    ($(element, '#selection-note') as HTMLTextAreaElement).focus();
    await sendKeys({ type: 'Carte d’identité' });
    await element.updateComplete;
    expect(($(element, '#selection-note') as HTMLTextAreaElement).value).to.equal('Carte d’identité');
  });

  it('leaves out the QR code when the page address is too long to scan, and prints the rest', async () => {
    history.replaceState(null, '', `${location.pathname}?context=${'x'.repeat(700)}`);
    const element = await finder();
    await pick(element, 'CPAS — exemple Jette');
    const print = window.print;
    let printed = false;
    window.print = () => void (printed = true);
    try {
      ($(element, '[data-print-handout]') as HTMLButtonElement).click();
      await waitUntil(() => printed, 'the print dialog was not asked for');
      expect($(element, '.handout h3')!.textContent).to.contain('CPAS — exemple Jette');
      expect($(element, '.handout__qr')).to.be.null;
    } finally {
      window.print = print;
      window.dispatchEvent(new Event('afterprint'));
    }
  });
});
