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
    ['open now', 'médecin ouvert maintenant', { openNow: true }, 'medecin'],
    ['open now', 'huisarts nu open', { openNow: true }, 'huisarts'],
    ['open now', 'doctor open now', { openNow: true }, 'doctor'],
    ['a commune', 'logement ixelles', { communes: ['21009'] }, 'logement'],
    ['a commune', 'huisvesting elsene', { communes: ['21009'] }, 'huisvesting'],
    ['a postal code', 'cpas 1090', { communes: ['21010'] }, 'cpas'],
    ['a commune', 'aide alimentaire molenbeek', { communes: ['21012'] }, 'aide alimentaire'],
    ['a commune', 'OCMW Sint-Jans-Molenbeek', { communes: ['21012'] }, 'ocmw'],
    ['a language', 'avocat en arabe', { languages: ['ar'] }, 'avocat'],
    ['a language', 'advocaat in het Arabisch', { languages: ['ar'] }, 'advocaat'],
    ['a language', 'lawyer in Turkish', { languages: ['tr'] }, 'lawyer'],
    ['a language', 'psychologue qui parle anglais', { languages: ['en'] }, 'psychologue'],
    ['a public', 'psy pour ado', { publics: ['young-people'] }, 'psy'],
    ['a public', 'sport voor senioren', { publics: ['older-people'] }, 'sport'],
    ['a public', 'shelter for women', { publics: ['women'] }, 'shelter'],
    ['a public', 'activités pour les enfants', { publics: ['children'] }, 'activites'],
  ])('reads %s in "%s"', (_kind, query, filters, rest) => {
    expect(read(query)).toMatchObject({ filters, text: rest });
  });

  it('leaves "Bruxelles" alone: the Region as often as the City', () => {
    expect(read('logement bruxelles')).toMatchObject({ filters: {}, text: 'logement bruxelles' });
  });

  it('keeps a language learned as a topic: "cours de néerlandais" is about Dutch, not in Dutch', () => {
    expect(read('cours de néerlandais')).toMatchObject({ filters: {}, text: 'cours de neerlandais' });
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
