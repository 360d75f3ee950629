import { describe, expect, it } from 'vitest';
import { createServiceSearch, mergeFilters, understandQuery } from '@brusano/sdk';
import { communes } from '@brusano/sdk/reference/communes';
import { sampleFeed } from '../../../test/support/feed.js';

const read = (text: string, options: { ignore?: string[] } = {}) => understandQuery(text, { communes, languages: ['ar', 'en', 'tr', 'nl', 'fr'] }, options);

describe('understandQuery: words that are filters, not topics', () => {
  it.each([
    ['aide juridique gratuite', 'aide juridique'],
    ['gratis juridisch advies', 'juridisch advies'],
    ['free legal aid', 'legal aid'],
    ['dentiste pas cher', 'dentiste'],
  ])('reads "%s" as free of charge', (query, rest) => {
    const { filters, text, found } = read(query);
    expect(filters).toEqual({ free: true });
    expect(text).toBe(rest);
    expect(found.map((filter) => filter.key)).toEqual(['free']);
  });

  it.each([
    ['médecin ouvert maintenant', 'medecin'],
    ['huisarts nu open', 'huisarts'],
    ['doctor open now', 'doctor'],
  ])('reads "%s" as open now', (query, rest) => {
    expect(read(query)).toMatchObject({ filters: { openNow: true }, text: rest });
  });

  it.each([
    ['logement ixelles', '21009', 'logement'],
    ['huisvesting elsene', '21009', 'huisvesting'],
    ['cpas 1090', '21010', 'cpas'],
    ['aide alimentaire molenbeek', '21012', 'aide alimentaire'],
    ['OCMW Sint-Jans-Molenbeek', '21012', 'ocmw'],
  ])('reads a commune or its postal code in "%s"', (query, nis, rest) => {
    expect(read(query)).toMatchObject({ filters: { communes: [nis] }, text: rest });
  });

  it('leaves "Bruxelles" alone: the Region as often as the City', () => {
    expect(read('logement bruxelles')).toMatchObject({ filters: {}, text: 'logement bruxelles' });
  });

  it.each([
    ['avocat en arabe', 'ar', 'avocat'],
    ['advocaat in het Arabisch', 'ar', 'advocaat'],
    ['lawyer in Turkish', 'tr', 'lawyer'],
    ['psychologue qui parle anglais', 'en', 'psychologue'],
  ])('reads a language in "%s"', (query, code, rest) => {
    expect(read(query)).toMatchObject({ filters: { languages: [code] }, text: rest });
  });

  it('keeps a language learned as a topic: "cours de néerlandais" is about Dutch, not in Dutch', () => {
    expect(read('cours de néerlandais')).toMatchObject({ filters: {}, text: 'cours de neerlandais' });
  });

  it.each([
    ['psy pour ado', 'young-people', 'psy'],
    ['sport voor senioren', 'older-people', 'sport'],
    ['shelter for women', 'women', 'shelter'],
    ['activités pour les enfants', 'children', 'activites'],
  ])('reads a public in "%s"', (query, code, rest) => {
    expect(read(query)).toMatchObject({ filters: { publics: [code] }, text: rest });
  });

  it('reads several at once, each once, in the order of the query', () => {
    const { filters, text, found } = read('aide juridique gratuite à Ixelles en arabe, gratuit');
    expect(filters).toEqual({ free: true, communes: ['21009'], languages: ['ar'] });
    expect(text).toBe('aide juridique a');
    expect(found.map((filter) => [filter.key, filter.words])).toEqual([
      ['free', 'gratuite'],
      ['commune:21009', 'ixelles'],
      ['language:ar', 'en arabe'],
    ]);
  });

  it('keeps as words a filter the person took back', () => {
    expect(read('logement gratuit jette', { ignore: ['free'] })).toMatchObject({ filters: { communes: ['21010'] }, text: 'logement gratuit' });
  });

  it('adds what the words ask to what was chosen by hand', () => {
    expect(mergeFilters({ communes: ['21010'], reducedMobility: true }, { communes: ['21009'], free: true })).toEqual({ communes: ['21010', '21009'], reducedMobility: true, free: true });
  });

  it('turns "aide juridique gratuite" from no result into the free legal services', () => {
    const { datasets } = sampleFeed();
    const search = createServiceSearch({ services: datasets.services, categories: datasets.categories, sectors: datasets.sectors });
    const understood = understandQuery('aide juridique gratuite', { communes });
    const { services } = search.search(understood.text, understood.filters);
    expect(services.length).toBeGreaterThan(0);
    expect(services.every((service) => service.cost?.free === true)).toBe(true);
    expect(services[0]!.id).toBe('sample-juridique-centre');
  });
});
