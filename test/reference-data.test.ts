import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReferences, validateDataset, type DatasetName } from '@brusano/sdk';
import { REFERENCE, SHARED } from './support/paths.js';
import { sampleFeed } from './support/feed.js';

const REFERENCE_DATASETS = ['bassins', 'communes', 'quartiers', 'helpdesks', 'actions', 'events', 'categories', 'sectors', 'leadins'] as const;
const reference = Object.fromEntries(
  REFERENCE_DATASETS.map((name) => [name, JSON.parse(readFileSync(join(REFERENCE, `${name}.json`), 'utf8'))]),
) as Record<(typeof REFERENCE_DATASETS)[number], any[]>;

interface Source { doc: string; lines?: string; id?: number | string; field?: string }
const allSources = (record: any): Source[] => [
  ...(record.sources ?? []),
  ...(record.subAreas ?? []).flatMap((subArea: any) => (typeof subArea === 'object' ? subArea.sources : [])),
];

describe('reference data', () => {
  it.each(REFERENCE_DATASETS)('%s: every record is valid against its schema', (name) => {
    const { records, problems } = validateDataset(name as DatasetName, reference[name]);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(reference[name].length);
  });

  it('has 5 bassins, 19 communes, 145 quartiers, 9 actions, a helpdesk per bassin plus the regional contact', () => {
    expect(reference.bassins.map((bassin) => bassin.id)).toEqual(['nord', 'nord-est', 'centre-ouest', 'sud', 'sud-est']);
    expect(reference.communes).toHaveLength(19);
    expect(reference.quartiers).toHaveLength(145);
    expect(reference.actions.map((action) => action.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(reference.helpdesks.map((helpdesk) => helpdesk.territory).sort()).toEqual(['centre-ouest', 'nord', 'nord-est', 'region', 'sud', 'sud-est']);
    expect(reference.categories).toHaveLength(658);
    expect(reference.sectors).toHaveLength(21);
  });

  it('keeps bassins and communes consistent both ways', () => {
    const bassinOfCommune = new Map<string, string>();
    const bassinOfSubArea = new Map<string, string>();
    for (const bassin of reference.bassins) {
      for (const nis of bassin.communes) {
        expect(bassinOfCommune.has(nis), nis).toBe(false);
        bassinOfCommune.set(nis, bassin.id);
      }
      for (const id of bassin.subAreas) bassinOfSubArea.set(id, bassin.id);
    }
    for (const commune of reference.communes) {
      expect(commune.bassin, commune.nis).toBe(bassinOfCommune.get(commune.nis) ?? null);
      if (commune.bassin === null) expect(commune.subAreas.length, commune.nis).toBeGreaterThan(0);
      for (const subArea of commune.subAreas ?? []) expect(subArea.bassin, subArea.id).toBe(bassinOfSubArea.get(subArea.id) ?? null);
    }
  });

  it('has lead-ins that all lead to Bruxelles Social categories, each word the lead-in of one record only', () => {
    expect(checkReferences({ categories: reference.categories, leadins: reference.leadins })).toEqual([]);
    expect(reference.leadins.length).toBeGreaterThanOrEqual(35);
  });

  it('gives every record at least one source', () => {
    for (const name of REFERENCE_DATASETS) {
      for (const record of reference[name]) expect(allSources(record).length, `${name} ${record.id ?? record.nis}`).toBeGreaterThan(0);
    }
  });

  it('has no e-mail under example.org and no phone in the sample range: reference data is real', () => {
    const text = JSON.stringify(reference);
    expect(text).not.toMatch(/example\.org|\+32 2 000 0/);
  });
});

describe.skipIf(!SHARED)('reference data against its sources in shared/', () => {
  const text = (doc: string) => readFileSync(join(SHARED!, doc), 'utf8');
  const fixture = (doc: string) => new Map<unknown, any>(JSON.parse(text(doc)).map((entry: any) => [entry.id, entry]));

  it('cites documents that exist, lines within them and fixture ids that exist', () => {
    for (const name of REFERENCE_DATASETS) {
      for (const record of reference[name]) {
        for (const source of allSources(record)) {
          const content = text(source.doc);
          const lineCount = content.split('\n').length;
          for (const line of (source.lines ?? '').match(/\d+/g) ?? []) expect(Number(line), `${source.doc}:${line}`).toBeLessThanOrEqual(lineCount);
          if (source.id !== undefined) expect(fixture(source.doc).has(source.id), `${source.doc}#${source.id}`).toBe(true);
        }
      }
    }
  });

  it('names each quartier as zones.json does, under the zone id it cites', () => {
    const zones = fixture('fixtures/social-brussels/zones.json');
    for (const quartier of reference.quartiers) {
      const zone = zones.get(quartier.zoneId);
      expect(quartier.name, quartier.id).toEqual({ fr: zone.labelFr.trim(), nl: zone.labelNl.trim() });
    }
  });

  it('holds only phone numbers and e-mail addresses that its sources print', () => {
    const digits = (value: string) => value.replace(/\D/g, '');
    for (const helpdesk of reference.helpdesks) {
      const sourceText = [...new Set(helpdesk.sources.map((source: Source) => source.doc))].map((doc) => text(doc as string)).join('\n');
      for (const phone of helpdesk.phones) {
        const international = digits(phone.number);
        const national = `0${international.slice(2)}`;
        expect(digits(sourceText).includes(international) || digits(sourceText).includes(national), phone.number).toBe(true);
      }
      for (const email of helpdesk.emails) expect(sourceText, email.address).toContain(email.address);
    }
  });

  it('copies the sample feed taxonomy from the Bruxelles Social fixtures, and covers every id the services use', () => {
    const { datasets } = sampleFeed();
    for (const [dataset, file, field] of [['categories', 'categories.json', 'categoryIds'], ['sectors', 'sectors.json', 'sectorIds']] as const) {
      const terms = fixture(`fixtures/social-brussels/${file}`);
      for (const term of reference[dataset]) expect(term.title, `reference ${dataset} ${term.id}`).toEqual({ fr: terms.get(term.id).titleFr.trim(), nl: terms.get(term.id).titleNl.trim() });
      for (const term of datasets[dataset]) {
        const original = terms.get(term.id);
        expect(term.title, `${dataset} ${term.id}`).toEqual({ fr: original.titleFr.trim(), nl: original.titleNl.trim() });
      }
      const listed = new Set(datasets[dataset].map((term) => term.id));
      for (const service of datasets.services) for (const id of service[field] ?? []) expect(listed.has(id), `${service.id} ${field} ${id}`).toBe(true);
    }
  });

  it('writes each bassin site as its sources name it', () => {
    const seed003 = text('seeds/003_fc28dc43b0bdff98.txt');
    for (const bassin of reference.bassins) {
      for (const site of bassin.sites) expect(seed003, site.url).toContain(new URL(site.url).hostname.replace(/^www\./, ''));
    }
  });
});

describe('sample events', () => {
  const { datasets } = sampleFeed();

  it('carry every reference meeting unchanged, and mark every other event as a sample', () => {
    const byId = new Map(datasets.events.map((event) => [event.id, event]));
    for (const event of reference.events) expect(byId.get(event.id)).toEqual(event);
    const samples = datasets.events.filter((event) => !reference.events.some((real) => real.id === event.id));
    expect(samples.length).toBeGreaterThan(0);
    for (const event of samples) {
      expect(event.sample, event.id).toBe(true);
      for (const url of [event.registration, event.online].filter(Boolean)) expect(new URL(url).hostname).toBe('example.org');
    }
  });
});

describe('sample services', () => {
  const { datasets } = sampleFeed();

  it('are at least 40, spread over the 5 bassins, many categories, languages and opening patterns', () => {
    const services = datasets.services;
    expect(services.length).toBeGreaterThanOrEqual(40);
    const bassinOf = new Map(reference.communes.map((commune) => [commune.nis, commune.bassin]));
    const bassins = new Set(services.flatMap((service) => service.locations ?? []).map((location: any) => bassinOf.get(location.address.nis)));
    for (const bassin of ['nord', 'nord-est', 'centre-ouest', 'sud', 'sud-est']) expect(bassins).toContain(bassin);
    expect(new Set(services.flatMap((service) => service.categoryIds)).size).toBeGreaterThanOrEqual(30);
    expect(new Set(services.flatMap((service) => service.languages)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(services.map((service) => JSON.stringify(service.hours))).size).toBeGreaterThanOrEqual(10);
  });

  it('are marked as samples and cannot reach anyone real', () => {
    for (const service of datasets.services) {
      expect(service.sample, service.id).toBe(true);
      for (const email of service.emails ?? []) expect(email.address).toMatch(/@example\.org$/);
      for (const site of service.websites ?? []) expect(new URL(site.url).hostname).toBe('example.org');
      for (const phone of service.phones ?? []) expect(phone.number).toMatch(/^\+32 2 000 0\d \d\d$/);
      if (service.reportError?.email) expect(service.reportError.email).toMatch(/@example\.org$/);
      for (const location of service.locations ?? []) expect(location.address.street.fr).toContain('fictive');
    }
  });
});
