import { describe, expect, it } from 'vitest';
import { createServiceSearch } from '@brusano/sdk';
import { sampleFeed } from '../../../test/support/feed.js';

const { datasets } = sampleFeed();
const finder = createServiceSearch({ services: datasets.services, categories: datasets.categories, sectors: datasets.sectors, leadins: datasets.leadins });
const ids = (text: string, filters = {}) => finder.search(text, filters).services.map((service) => service.id);

describe('createServiceSearch', () => {
  it('finds by name whatever the case and accents, best matches first', () => {
    expect(ids('MAISON MEDICALE').slice(0, 2).sort()).toEqual(['sample-maison-medicale-cureghem', 'sample-maison-medicale-jette']);
  });

  it('finds by the Dutch name of a service described in French', () => {
    expect(ids('wijkgezondheidscentrum')).toContain('sample-maison-medicale-jette');
  });

  it('finds by category title and keywords', () => {
    expect(ids('schuldbemiddeling')).toContain('sample-dettes-evere');
  });

  it('tolerates a typo and an unfinished word', () => {
    expect(ids('alphabetisasion')).toContain('sample-alpha-evere');
    expect(ids('restau')).toContain('sample-resto-molenbeek');
  });

  it('lists each matching service once, and adds up what its name and its category say', () => {
    for (const query of ['maison medicale', 'cpas', 'logement', 'ocmw jette', 'sante mentale', 'aide']) {
      const found = ids(query);
      expect(new Set(found).size, query).toBe(found.length);
    }
  });

  it('never leaves a page empty when part of the query matches: every word first, then most, then some', () => {
    const both = finder.search('maison medicale jette');
    expect(both.services[0]!.id).toBe('sample-maison-medicale-jette');
    expect(both.withEveryWord).toBeGreaterThanOrEqual(1);
    expect(both.withEveryWord).toBeLessThan(both.services.length);
    // Services with only some of the words come after all those with every word.
    const cureghem = both.services.findIndex((service) => service.id === 'sample-maison-medicale-cureghem');
    expect(cureghem).toBeGreaterThanOrEqual(both.withEveryWord);
    const strange = finder.search('logement zqxwv');
    expect(strange.withEveryWord).toBe(0);
    expect(strange.wordsNotFound).toEqual(['zqxwv']);
    expect(strange.services.map((service) => service.id)).toEqual(ids('logement'));
    expect(finder.search('logement').withEveryWord).toBe(finder.search('logement').services.length);
    expect(finder.search('zqxwv').services).toEqual([]);
  });

  it('finds other forms of a word by French and Dutch stemming (Snowball), accents folded', () => {
    expect(ids('logements')).toContain('sample-logement-jette');
    expect(ids('juridiques')).toContain('sample-juridique-centre');
    expect(ids('woningen')).toContain('sample-logement-jette');
    expect(ids('juridische')).toContain('sample-juridique-centre');
    // Too far from "juridique" for a typo and not its start: only the shared stem (jurid) brings it.
    expect(ids('juridiquement')).toContain('sample-juridique-centre');
    expect(ids('medicalement').slice(0, 2).sort()).toEqual(['sample-maison-medicale-cureghem', 'sample-maison-medicale-jette']);
  });

  it('offers the directory\'s nearest word for a word that finds nothing, even with its typos allowed', () => {
    expect(finder.search('cpaz')).toMatchObject({ services: [], wordsNotFound: ['cpaz'], suggestions: { cpaz: 'cpas' } });
    expect(finder.search('aide ocmv').suggestions).toEqual({ ocmv: 'ocmw' });
    expect(finder.search('zqxwvk').suggestions).toEqual({});
    expect(finder.search('cpas').suggestions).toEqual({});
  });

  it('lists every service, in name order, for an empty query', () => {
    expect(ids('')).toHaveLength(datasets.services.length);
  });

  it('filters by bassin, commune, language, public and flags, all together', () => {
    const result = finder.search('', { bassins: ['nord'], languages: ['ar'], free: true });
    expect(result.services.length).toBeGreaterThan(0);
    for (const service of result.services) {
      expect(service.languages).toContain('ar');
      expect(service.cost?.free).toBe(true);
    }
    expect(ids('', { communes: ['21010'] })).toContain('sample-cpas-jette');
    expect(ids('', { communes: ['21010'] })).not.toContain('sample-cpas-anderlecht');
    expect(ids('', { publics: ['homeless'] })).toContain('sample-nuit-heembeek');
  });

  it('counts facets that follow the query and the other filters', () => {
    const everything = finder.search('');
    const cpas = finder.search('cpas');
    const free = cpas.facets.free;
    expect(free).toBeLessThanOrEqual(cpas.services.length);
    expect(everything.facets.free).toBeGreaterThan(free);
    const nord = cpas.facets.bassins.find((facet) => facet.value === 'nord')?.count ?? 0;
    expect(finder.search('cpas', { bassins: ['nord'] }).services).toHaveLength(nord);
  });

  it('counts a service for the whole Region in every bassin and commune, as their filters find it', () => {
    const regionWide = datasets.services.filter((service) => service.areaServed?.region).map((service) => service.id);
    expect(regionWide.length).toBeGreaterThan(0);
    const { facets } = finder.search('');
    const areas = [
      ...datasets.communes.map((commune) => ['communes', commune.nis] as const),
      ...datasets.bassins.map((bassin) => ['bassins', bassin.id] as const),
    ];
    expect(areas).toHaveLength(24);
    for (const [facet, value] of areas) {
      const found = ids('', { [facet]: [value] });
      expect(found).toEqual(expect.arrayContaining(regionWide));
      expect(facets[facet].find((count) => count.value === value)?.count).toBe(found.length);
    }
    expect(facets.communes).toHaveLength(19);
    expect(facets.bassins).toHaveLength(5);
  });

  it('crosses languages: Dutch words find services written only in French, and the reverse', () => {
    const frenchOnly = datasets.services.filter((service) => !service.description?.nl).map((service) => service.id);
    expect(frenchOnly).toContain('sample-ssm-ganshoren');
    expect(ids('geestelijke gezondheid')).toContain('sample-ssm-ganshoren');
    expect(ids('cgg')).toContain('sample-ssm-ganshoren');
    // The one service with both words, first; those with one of them follow.
    for (const query of ['ocmw jette', 'cpas jette']) {
      const { services, withEveryWord } = finder.search(query);
      expect(services.slice(0, withEveryWord).map((service) => service.id), query).toEqual(['sample-cpas-jette']);
    }
    expect(ids('schulden')).toContain('sample-dettes-evere');
    expect(ids('kinderopvang')).toContain('sample-creche-forest');
  });

  it('reads apostrophes, hyphens, œ and accents as people type them', () => {
    expect(ids("aide a l'energie")).toEqual(ids('aide a l energie'));
    expect(ids('SAINT-GILLES')).toEqual(ids('saint gilles'));
    expect(ids('sante mentale')).toEqual(ids('Santé  Mentale'));
  });

  it('finds "maison medicale" with a typo', () => {
    expect(ids('maison medicle').slice(0, 2).sort()).toEqual(['sample-maison-medicale-cureghem', 'sample-maison-medicale-jette']);
  });

  it('ranks the same way every time, and a name match above a description match', () => {
    const first = ids('logement');
    for (let run = 0; run < 5; run++) {
      const again = createServiceSearch({ services: datasets.services, categories: datasets.categories, sectors: datasets.sectors, leadins: datasets.leadins });
      expect(again.search('logement').services.map((service) => service.id)).toEqual(first);
    }
    expect(first[0]).toBe('sample-logement-jette');
  });

  it('finds services open at a given time in Brussels', () => {
    const sundayMorning = new Date('2026-11-29T10:00:00Z');
    const open = finder.search('', { openNow: true }, { at: sundayMorning }).services;
    expect(open.length).toBeGreaterThan(0);
    expect(open.map((service) => service.id)).not.toContain('sample-cpas-jette');
  });
});
