// A seeded generator of realistic, fictional FR/NL services for benchmarks, built on the real
// Bruxelles Social taxonomy (categories and sectors with their French and Dutch titles and
// keywords) and the real communes. The same seed gives the same services. Every service is a
// sample: example.org addresses, undiallable +32 2 000 0x xx numbers, fictional streets.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { leadinsWithin } from '@brusano/feed';

const reference = (name) => JSON.parse(readFileSync(fileURLToPath(new URL(`../packages/sdk/reference/${name}.json`, import.meta.url)), 'utf8'));

/** mulberry32: a small, fast, seeded pseudo-random generator. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LANGUAGES = ['fr', 'nl', 'en', 'ar', 'tr', 'es', 'pt', 'pl', 'ro', 'ru', 'uk', 'bg', 'it', 'de', 'fa', 'ps', 'ti', 'so', 'rif', 'ln', 'sfb', 'vgt'];
const PUBLICS = ['everyone', 'children', 'young-people', 'families', 'single-parent-families', 'pregnant-women', 'women', 'older-people', 'people-with-disabilities', 'carers', 'homeless', 'undocumented', 'newcomers', 'leaving-prison', 'people-who-use-drugs', 'lgbtqia', 'professionals'];
const TYPES = ['on-site', 'at-home', 'by-phone', 'online', 'street-work', 'residential'];
const PREFIXES = [
  ['Centre', 'Centrum'], ['Service', 'Dienst'], ['Maison', 'Huis'], ['Antenne', 'Antenne'], ['Espace', 'Ruimte'],
  ['Permanence', 'Zitdag'], ['Point d’accueil', 'Onthaalpunt'], ['Atelier', 'Atelier'], ['Association', 'Vereniging'], ['Équipe', 'Team'],
];
const WEEKDAYS = ['mo', 'tu', 'we', 'th', 'fr'];
const HOURS = [
  { weekly: [{ days: WEEKDAYS, intervals: [{ opens: '09:00', closes: '17:00' }] }] },
  { weekly: [{ days: WEEKDAYS, intervals: [{ opens: '09:00', closes: '12:30' }, { opens: '13:30', closes: '16:30' }] }] },
  { weekly: [{ days: ['mo', 'we', 'fr'], intervals: [{ opens: '08:30', closes: '12:00' }] }] },
  { weekly: [{ days: ['tu', 'th'], intervals: [{ opens: '17:00', closes: '21:00' }] }, { days: ['sa'], intervals: [{ opens: '10:00', closes: '14:00' }] }] },
  { weekly: [{ days: [...WEEKDAYS, 'sa', 'su'], intervals: [{ opens: '20:00', closes: '08:00' }] }] },
  { weekly: [{ days: [...WEEKDAYS, 'sa', 'su'], intervals: [{ opens: '00:00', closes: '00:00' }] }] },
  { text: { fr: 'Sur rendez-vous uniquement.', nl: 'Enkel op afspraak.' } },
];

export function generateServices(count, seed = 20261124) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const some = (list, min, max) => {
    const chosen = new Set();
    const wanted = min + Math.floor(next() * (max - min + 1));
    while (chosen.size < Math.min(wanted, list.length)) chosen.add(pick(list));
    return [...chosen];
  };
  const categories = reference('categories');
  const sectors = reference('sectors');
  const communes = reference('communes');
  const quartiers = reference('quartiers');
  const services = [];
  for (let index = 0; index < count; index++) {
    const category = pick(categories);
    const extraCategories = next() < 0.4 ? some(categories, 1, 2) : [];
    const commune = pick(communes);
    const quartier = pick(quartiers);
    const [prefixFr, prefixNl] = pick(PREFIXES);
    const written = next(); // which languages the record was written in
    const hasFr = written < 0.7;
    const hasNl = written > 0.3;
    const topicFr = category.title.fr.split(/[,(]/)[0].trim().toLowerCase();
    const topicNl = category.title.nl.split(/[,(]/)[0].trim().toLowerCase();
    const keywordsFr = (category.keywords?.fr ?? []).slice(0, 3).join(', ');
    const keywordsNl = (category.keywords?.nl ?? []).slice(0, 3).join(', ');
    const name = {
      ...(hasFr ? { fr: `${prefixFr} ${quartier.name.fr} — ${topicFr}` } : {}),
      ...(hasNl ? { nl: `${prefixNl} ${quartier.name.nl} — ${topicNl}` } : {}),
    };
    const description = {
      ...(hasFr ? { fr: `Service fictif de ${commune.name.fr}. ${category.title.fr}.${keywordsFr ? ` Aussi : ${keywordsFr}.` : ''}` } : {}),
      ...(hasNl ? { nl: `Fictieve dienst in ${commune.name.nl}. ${category.title.nl}.${keywordsNl ? ` Ook: ${keywordsNl}.` : ''}` } : {}),
    };
    const number = index % 1000;
    services.push({
      id: `bench-${index}`,
      sample: true,
      name,
      description,
      organization: { name: { fr: 'Organisation fictive', nl: 'Fictieve organisatie' } },
      categoryIds: [category.id, ...extraCategories.map((extra) => extra.id)].filter((id, at, all) => all.indexOf(id) === at),
      sectorIds: [pick(sectors).id],
      publics: some(PUBLICS, 1, 3),
      languages: ['fr', 'nl', ...some(LANGUAGES, 0, 4)].filter((code, at, all) => all.indexOf(code) === at),
      serviceTypes: some(TYPES, 1, 2),
      areaServed: next() < 0.15 ? { region: true } : { communes: [commune.nis] },
      locations: [
        {
          address: {
            street: { fr: 'Rue de l’Exemple (adresse fictive)', nl: 'Voorbeeldstraat (fictief adres)' },
            number: String(1 + (index % 200)),
            postalCode: commune.postalCodes[0],
            municipality: { fr: commune.name.fr, nl: commune.name.nl },
            nis: commune.nis,
          },
          accessibility: { reducedMobility: pick(['full', 'partial', 'none']) },
        },
      ],
      phones: [{ number: `+32 2 000 0${1 + Math.floor(number / 100)} ${String(number % 100).padStart(2, '0')}` }],
      emails: [{ address: `service-${index}@example.org` }],
      websites: [{ url: `https://example.org/services/${index}` }],
      hours: { timeZone: 'Europe/Brussels', ...pick(HOURS) },
      appointment: pick(['required', 'not-required', 'either']),
      cost: { free: next() < 0.6 },
      lastVerified: `2026-${String(1 + Math.floor(next() * 10)).padStart(2, '0')}-${String(1 + Math.floor(next() * 27)).padStart(2, '0')}`,
      reportError: { email: 'corrections@example.org' },
    });
  }
  return services;
}

/** A whole feed folder's content around the generated services, for the first-results benchmark. */
export function generateFeed(count, seed) {
  const services = generateServices(count, seed);
  const used = new Set(services.flatMap((service) => service.categoryIds));
  const usedSectors = new Set(services.flatMap((service) => service.sectorIds));
  return {
    manifest: {
      schemaVersion: '1.0.0',
      title: { fr: `Flux de test (${count} services fictifs)`, nl: `Testfeed (${count} fictieve diensten)` },
      publisher: { name: { fr: 'Banc d’essai Brusano', nl: 'Brusano-testbank' } },
      sample: true,
      datasets: Object.fromEntries(['bassins', 'communes', 'quartiers', 'helpdesks', 'actions', 'events', 'services', 'categories', 'sectors', 'leadins'].map((name) => [name, { url: `${name}.json` }])),
    },
    datasets: {
      bassins: reference('bassins'),
      communes: reference('communes'),
      quartiers: reference('quartiers'),
      helpdesks: reference('helpdesks'),
      actions: reference('actions'),
      events: reference('events'),
      services,
      categories: reference('categories').filter((term) => used.has(term.id)),
      sectors: reference('sectors').filter((term) => usedSectors.has(term.id)),
      leadins: leadinsWithin(used),
    },
  };
}
