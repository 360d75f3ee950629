import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../service-finder/service-finder.js';
import type { BrusanoServiceFinder } from './service-finder.component.js';
import { $, $$, loaded, SAMPLE_FEED } from '../../test-support/helpers.js';

/** Known points: what the browser answers when asked for the position. */
const POINTS = {
  flagey: { latitude: 50.82735, longitude: 4.37228, accuracy: 30 },
  grandPlace: { latitude: 50.84674, longitude: 4.35222, accuracy: 30 },
  gareDuMidi: { latitude: 50.83574, longitude: 4.33591, accuracy: 30 },
  leuven: { latitude: 50.87959, longitude: 4.70049, accuracy: 30 },
  vague: { latitude: 50.84674, longitude: 4.35222, accuracy: 250_000 },
};

async function finder() {
  const element = await fixture<BrusanoServiceFinder>(html`<brusano-service-finder feed=${SAMPLE_FEED} page-size="100"></brusano-service-finder>`);
  await loaded(element);
  return element;
}

/** Clicks "Près de moi" and waits for what the finder says back. */
async function nearMe(element: BrusanoServiceFinder): Promise<string> {
  ($(element, '[data-near-me]') as HTMLButtonElement).click();
  await waitUntil(() => $(element, '.near [role="status"], .near[role="status"]') && !$(element, '.near')!.textContent!.includes('Recherche de votre position'), 'no answer to "near me"', { timeout: 10_000 });
  await element.updateComplete;
  return $(element, '.near')!.textContent!.replace(/\s+/g, ' ').trim();
}

const distances = (element: BrusanoServiceFinder) =>
  $$(element, '[data-distance]')
    .map((line) => line.textContent!.trim())
    .filter((text) => text.startsWith('à '))
    .map((text) => {
      const [, value, unit] = /^à ([\d,]+) (m|km)$/.exec(text)!;
      return Number(value!.replace(',', '.')) * (unit === 'km' ? 1_000 : 1);
    });

describe('<brusano-service-finder>: near me', () => {
  it('never asks for the position before the click', async () => {
    const asked: string[] = [];
    const original = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
    navigator.geolocation.getCurrentPosition = (...args) => {
      asked.push('asked');
      return original(...args);
    };
    try {
      await executeServerCommand('geolocation', POINTS.flagey);
      const element = await finder();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(asked).to.deep.equal([]);
      await nearMe(element);
      expect(asked).to.deep.equal(['asked']);
    } finally {
      navigator.geolocation.getCurrentPosition = original;
    }
  });

  it('at Place Flagey: says Ixelles and Bassin Sud, sorts by distance, filters by radius, keeps the position to itself', async () => {
    await executeServerCommand('geolocation', POINTS.flagey);
    const address = location.href;
    const stored = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
    const element = await finder();
    const before = $$(element, '.card').length;
    const said = await nearMe(element);
    expect(said).to.contain('Ixelles fait partie du bassin Sud.');
    expect(said).to.contain('Résultats triés par distance.');
    const sorted = distances(element);
    expect(sorted.length).to.be.greaterThan(10);
    expect(sorted).to.deep.equal([...sorted].sort((a, b) => a - b));
    expect($$(element, '.card')).to.have.length(before);
    await expect(element).to.be.accessible();

    const radius = $(element, '#radius') as HTMLSelectElement;
    radius.value = '2000';
    radius.dispatchEvent(new Event('change'));
    await element.updateComplete;
    const near = distances(element);
    expect(near.length).to.be.greaterThan(0).and.lessThan(sorted.length);
    expect(near.every((metres) => metres <= 2_000)).to.be.true;
    expect($$(element, '.card')).to.have.length(near.length);
    expect($(element, '.count')!.textContent).to.equal(`${near.length} services trouvés.`);

    ($$(element, '.near button').at(-1) as HTMLButtonElement).click();
    await element.updateComplete;
    expect($(element, '[data-distance]')).to.be.null;
    expect($$(element, '.card')).to.have.length(before);
    expect(location.href).to.equal(address);
    expect(JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })).to.equal(stored);
  });

  it('at the Grand-Place: Brussels-City, where the point alone cannot tell the bassin', async () => {
    await executeServerCommand('geolocation', POINTS.grandPlace);
    const element = await finder();
    expect(await nearMe(element)).to.contain('Bruxelles couvre plusieurs zones.');
    expect(distances(element).length).to.be.greaterThan(0);
  });

  it('at the Gare du Midi: Saint-Gilles', async () => {
    await executeServerCommand('geolocation', POINTS.gareDuMidi);
    const element = await finder();
    expect(await nearMe(element)).to.contain('Saint-Gilles');
  });

  it('in Leuven, denied, or too vague: says so plainly, and everything else keeps working', async () => {
    for (const [point, message] of [
      [POINTS.leuven, 'Votre position n’est pas dans la Région bruxelloise'],
      [null, 'Votre position n’a pas été partagée.'],
      [POINTS.vague, 'Votre position est trop imprécise'],
    ] as const) {
      await executeServerCommand('geolocation', point);
      const element = await finder();
      const before = $$(element, '.card').length;
      expect(await nearMe(element)).to.contain(message);
      expect($(element, '[data-distance]')).to.be.null;
      expect($$(element, '.card')).to.have.length(before);
      expect($(element, '[data-near-me]')).to.exist; // it may be tried again
      await expect(element).to.be.accessible();
    }
  });

  it('without a position, gives the same answer for a postal code typed, and filters on its commune', async () => {
    await executeServerCommand('geolocation', null);
    const element = await finder();
    await nearMe(element);
    const place = $(element, '#place') as HTMLInputElement;
    place.value = '1050';
    ($(element, 'form.near button') as HTMLButtonElement).click();
    await element.updateComplete;
    expect($(element, 'form.near [role="status"]')!.textContent).to.contain('1050 couvre plusieurs zones.');
    place.value = '1090';
    ($(element, 'form.near button') as HTMLButtonElement).click();
    await element.updateComplete;
    expect($(element, 'form.near [role="status"]')!.textContent).to.equal('Jette fait partie du bassin Nord.');
    expect(($(element, '#commune') as HTMLSelectElement).value).to.equal('21010');
    await expect(element).to.be.accessible();
  });

  it('speaks Dutch and English too', async () => {
    await executeServerCommand('geolocation', POINTS.flagey);
    const dutch = await fixture<BrusanoServiceFinder>(html`<brusano-service-finder feed=${SAMPLE_FEED} lang="nl"></brusano-service-finder>`);
    await loaded(dutch);
    expect($(dutch, '[data-near-me]')!.textContent).to.equal('In mijn buurt');
    expect(await nearMe(dutch)).to.contain('Elsene hoort bij zorgzone Zuid.');
    expect($(dutch, '[data-distance]')!.textContent).to.match(/^op [\d,]+ (m|km)$/);
  });
});
