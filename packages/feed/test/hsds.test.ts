import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { servicesFromHsds, serviceToHsds, type RecordReport } from '@brusano/feed';
import type { Service } from '@brusano/sdk';
import { sampleFeed } from '../../../test/support/feed.js';
import { startServer, sendJson } from '../../../test/support/http.js';
import { ROOT, SHARED } from '../../../test/support/paths.js';
import { runCli, scratchFolder } from './support.js';

const CORPORA = join(ROOT, 'packages', 'feed', 'test', 'corpora', 'hsds');
const { datasets } = sampleFeed();
const categories = new Map(datasets.categories.map((term: any) => [term.id, term]));

/** The official HSDS 3 schema files, compiled (they use non-standard keywords: strict off). */
export function hsdsSchemas() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajvFormats.default(ajv);
  const folder = join(SHARED!, 'fixtures', 'hsds-3');
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json') && name !== 'openapi.json')) {
    const schema = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    delete schema.$id;
    ajv.addSchema(schema, file);
  }
  return ajv;
}

/** Imports one corpus file with the command, and reads back what it wrote. */
async function importCorpus(file: string, lang = 'en') {
  const out = join(scratchFolder(), 'feed');
  const run = await runCli(['import', 'hsds', join(CORPORA, file), out, '--lang', lang]);
  const services: Service[] = existsSync(out) ? JSON.parse(readFileSync(join(out, 'services.json'), 'utf8')) : [];
  const report: { records: RecordReport[] } = existsSync(out) ? JSON.parse(readFileSync(join(out, 'import-report.json'), 'utf8')) : { records: [] };
  const validated = existsSync(out) ? await runCli(['validate', out]) : undefined;
  return { ...run, out, services, report: report.records, validated };
}

describe.skipIf(!SHARED)('HSDS 3 export', () => {
  it('gives services that validate against the official HSDS 3 schema files', () => {
    const validate = hsdsSchemas().getSchema('service.json')!;
    for (const service of datasets.services) {
      const hsds = serviceToHsds(service, categories as any);
      expect(validate(hsds), `${service.id}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });
});

describe('HSDS 3 round trip in memory', () => {
  it('gives back every sample service exactly, French and Dutch included', () => {
    const exported: any[] = datasets.services.map((service: any) => serviceToHsds(service, categories as any));
    const { services, reports } = servicesFromHsds(JSON.parse(JSON.stringify(exported)));
    expect(reports.every((report) => report.kept && report.changed.length === 0 && report.dropped.length === 0)).toBe(true);
    expect(services).toEqual(datasets.services);
    expect(exported[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('reads the HSDS fields alone (no Brusano extension) as another consumer would, keeping what HSDS can say', () => {
    const exported = datasets.services.map((service: any) => {
      const { x_brusano: _carried, ...hsds } = serviceToHsds(service, categories as any);
      return hsds;
    });
    const { services } = servicesFromHsds(exported, { lang: 'fr' });
    expect(services).toHaveLength(datasets.services.length);
    services.forEach((service, index) => {
      const original = datasets.services[index];
      expect(service.name.fr).toBe(original.name.fr ?? original.name.nl);
      expect(service.categoryIds).toEqual(original.categoryIds);
      expect(service.phones?.map((phone) => phone.number)).toEqual(original.phones?.map((phone: any) => phone.number));
      expect(service.hours?.weekly).toEqual(original.hours?.weekly);
      expect(service.locations?.map((location) => location.address.postalCode)).toEqual(original.locations?.map((location: any) => location.address.postalCode));
    });
  });
});

describe('brusano-feed import hsds: producer-shaped corpora', () => {
  it('a full nested service in English with a UK phone and HSDS schedules: kept, marked English, nothing invented', async () => {
    const { code, services, report, validated, stdout } = await importCorpus('full-nested-service.json');
    expect(code).toBe(0);
    expect(validated!.code).toBe(0);
    expect(services).toHaveLength(1);
    const [service] = services;
    expect(service).toMatchObject({
      id: 'hsds-ac148810-d857-441c-9679-408f346de14b',
      name: { en: 'Community Food Support (sample)' },
      organization: { name: { en: 'Sample Food Trust (sample)' }, websites: [{ url: 'https://trust.example.org/' }] },
      categoryIds: [],
      phones: [{ number: '+44 20 7946 0958', extension: '12', label: { en: 'Main line' }, lang: 'en' }],
      emails: [{ address: 'hello@food-support.example.org' }],
      websites: [{ url: 'https://food-support.example.org/' }],
      hours: {
        timeZone: 'Europe/Brussels',
        weekly: [{ days: ['mo', 'we', 'fr'], intervals: [{ opens: '09:00', closes: '12:30' }, { opens: '13:30', closes: '16:00' }] }],
        validFrom: '2026-01-01',
        validUntil: '2026-12-31',
      },
      locations: [{ address: { street: { en: '1 Sample Road (fictional)' }, foreignPostalCode: 'SW1A 0AA', municipality: { en: 'London' }, country: 'GB' }, geo: { lat: 51.5072, lon: -0.1276 }, accessibility: { text: { en: 'Step-free access' } } }],
      applicationProcess: { en: 'Walk in during opening hours, or call to be referred.' },
      requiredDocuments: [{ en: 'Proof of address' }, { en: 'Referral letter, if you have one' }],
      minimumAge: 18,
      maximumAge: 120,
      cost: { free: true, text: { en: 'Free of charge.' } },
      lastVerified: '2026-09-30',
      alerts: [{ text: { en: 'Closed on bank holidays.' } }],
      languages: ['en', 'pl'],
      sourceIds: [{ system: 'hsds', id: 'ac148810-d857-441c-9679-408f346de14b' }],
    });
    expect(JSON.stringify(service)).not.toMatch(/"(fr|nl)":/); // no invented translation
    expect(report[0]!.dropped).toEqual(
      expect.arrayContaining([
        'taxonomy term "Food bank": matches no Bruxelles Social category title or keyword',
        'service_areas: "London Borough of Sample" is not the Brussels Region or one of its communes',
        'contacts: the feed has no place for it',
      ]),
    );
    expect(report[0]!.changed).toContain('no taxonomy term maps to a Bruxelles Social category: kept as uncategorised');
    expect(stdout).toContain('✓ 1 of 1 records imported');
  });

  it('a minimal service (id, name, status): kept with just that', async () => {
    const { code, services, validated } = await importCorpus('minimal-service.json');
    expect(code).toBe(0);
    expect(validated!.code).toBe(0);
    expect(services).toEqual([{ id: 'hsds-e2b6f0a4-1c3d-4e5f-9a7b-8c9d0e1f2a3b', name: { en: 'Drop-in advice (sample)' }, sourceIds: [{ system: 'hsds', id: 'e2b6f0a4-1c3d-4e5f-9a7b-8c9d0e1f2a3b' }], categoryIds: [] }]);
  });

  it('an iCarol-style export: hours as text, monthly rules as text in Brussels time, phones it cannot dial kept as written', async () => {
    const { code, services, report, validated } = await importCorpus('icarol-export.json');
    expect(code).toBe(0);
    expect(validated!.code).toBe(0);
    expect(services.map((service) => service.id)).toEqual(['hsds-10001', 'hsds-10002']);
    expect(services[0]!.hours).toEqual({ timeZone: 'Europe/Brussels', text: { en: '24 hours a day, 7 days a week' } });
    expect(services[0]!.phones).toEqual([{ text: '(555) 555-0123 ext. 4', extension: '4' }, { text: 'Text HELP to 55501' }]);
    expect(services[1]!.hours!.text!.en).toBe('First Tuesday of each month — monthly 1TU 18:00–20:00 (Brussels time)\nMon-Fri 9am-5pm (office)');
    expect(services[1]!.hours!.weekly).toBeUndefined();
    expect(services[1]!.phones).toEqual([{ text: '555-555-0188', extension: '230' }]);
    expect(report[1]!.changed).toContain('schedule s-10002-1 kept as text: its frequency is monthly');
  });

  it('an organization abroad with nested services, in French: country kept, offset times as text, a term mapped by keyword', async () => {
    const { code, services, report, validated } = await importCorpus('foreign-organization.json', 'fr');
    expect(code).toBe(0);
    expect(validated!.code).toBe(0);
    expect(services).toHaveLength(2);
    expect(services[0]).toMatchObject({
      name: { fr: 'Épicerie sociale transfrontalière (exemple)' },
      organization: { name: { fr: "Association d'exemple de Lille (exemple)" }, websites: [{ url: 'https://lille.example.org/' }] },
      categoryIds: [454],
      phones: [{ number: '+33 1 99 00 12 34' }],
      locations: [{ address: { street: { fr: "12 rue de l'Exemple (fictive)" }, foreignPostalCode: '59000', municipality: { fr: 'Lille' }, country: 'FR' } }],
      hours: { timeZone: 'Europe/Brussels', text: { fr: 'weekly TU,TH 10:00–12:00 (UTC+1)' } },
      areaServed: { region: true },
    });
    expect(services[1]).toMatchObject({ name: { fr: 'Permanence juridique (exemple)' }, categoryIds: [67] });
    expect(report[0]!.changed).toContain('taxonomy term "Épicerie sociale": mapped by keyword to Bruxelles Social category 454');
    expect(report[1]!.changed).toContain('status "temporarily closed" has no place in the feed: say it in the description');
  });

  it('a page of the API with missing and wrong fields: keeps what has an id and a name, without the fields that are wrong, and says why', async () => {
    const { code, services, report, validated, stdout } = await importCorpus('services-page.json');
    expect(code).toBe(0);
    expect(validated!.code).toBe(0);
    expect(services.map((service) => service.id)).toEqual(['hsds-f0000001-0000-4000-8000-000000000003', 'hsds-f0000001-0000-4000-8000-000000000005']);
    const [advice, second] = services;
    expect(advice!.websites ?? []).toEqual([]);
    expect(advice!.emails ?? []).toEqual([]);
    expect(advice!.minimumAge).toBeUndefined();
    expect(advice!.maximumAge).toBe(17);
    expect(advice!.phones).toEqual([{ number: '+32 2 000 01 23' }]);
    expect(advice!.locations![0]).toEqual({ address: { street: { en: "Rue d'Exemple 1 (fictive)" }, postalCode: '1040', municipality: { en: 'Etterbeek' }, nis: '21005' } });
    expect(second!.websites ?? []).toEqual([]);
    expect(report.map((record) => record.kept)).toEqual([false, false, true, false, true, false, false, false]);
    expect(report[0]!.dropped).toEqual(['it has no name']);
    expect(report[3]!.dropped[0]).toMatch(/^its status is defunct/);
    expect(report[5]!.dropped).toEqual(['its id hsds-f0000001-0000-4000-8000-000000000005 repeats an earlier record\'s']);
    expect(report[6]!.dropped).toEqual(['the record is not an object']);
    expect(report[7]!.dropped).toEqual(['it has no id']);
    expect(report[2]!.changed).toEqual(expect.arrayContaining(['/websites/0/url must be a full http:// or https:// address: left out', '/emails/0/address must be an e-mail address: left out']));
    expect(report[2]!.dropped).toEqual(expect.arrayContaining(['minimum_age: "ten" is not an age in years', 'assured_date: "yesterday" is not a date', 'service_at_locations[0] latitude/longitude: "north", "4.35" are not coordinates']));
    expect(stdout).toContain('✓ 2 of 8 records imported');
  });

  it('a folder of such files: one feed of every file, each record reported with its file', async () => {
    const out = join(scratchFolder(), 'feed');
    const { code, stdout } = await runCli(['import', 'hsds', CORPORA, out]);
    expect(code).toBe(0);
    const services: Service[] = JSON.parse(readFileSync(join(out, 'services.json'), 'utf8'));
    expect(services).toHaveLength(8);
    const used = JSON.parse(readFileSync(join(out, 'categories.json'), 'utf8')).map((category: { id: number }) => category.id);
    expect(used.sort()).toEqual([454, 67]);
    expect(stdout).toMatch(/record 1 \(10001\) in .*icarol-export\.json: changed:/);
    expect((await runCli(['validate', out])).code).toBe(0);
  });
});

describe('brusano-feed import hsds: bad input', () => {
  it('names the file and writes nothing when the input is truncated, HTML, or holds no record', async () => {
    const folder = scratchFolder();
    const out = join(folder, 'feed');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'an earlier feed');
    for (const [name, text, message] of [
      ['truncated.json', '{"id": "1", "name": "Cut', /truncated\.json: is not valid JSON .*is the file complete\?/],
      ['page.json', '<!doctype html><html><body>Not found</body></html>', /page\.json: is an HTML or XML page, not JSON/],
      ['empty.json', '[]', /none of the 0 record\(s\) could be imported; nothing was written/],
      ['scalar.json', '42', /scalar\.json: holds no HSDS service, list, page or organization/],
    ] as const) {
      writeFileSync(join(folder, name), text);
      const run = await runCli(['import', 'hsds', join(folder, name), out]);
      expect(run.code, name).toBe(1);
      expect(run.stdout).toMatch(message);
      expect(readdirSync(out)).toEqual(['keep.txt']);
    }
    expect(readdirSync(folder).filter((name) => name.includes('importing'))).toEqual([]);
    expect((await runCli(['import', 'hsds', join(folder, 'missing.json'), out])).stdout).toMatch(/missing\.json: no such file or folder/);
    expect((await runCli(['import', 'hsds', join(folder, 'page.json'), out, '--lang', 'de'])).code).toBe(2);
  });

  it('reads a 50 MB file, keeping its record without the description that is too long', async () => {
    const folder = scratchFolder();
    const file = join(folder, 'big.json');
    writeFileSync(file, JSON.stringify([{ id: 'big-1', name: 'Large record (sample)', status: 'active', description: 'x'.repeat(50 * 1024 * 1024) }]));
    const out = join(folder, 'feed');
    const { code, stdout } = await runCli(['import', 'hsds', file, out]);
    expect(code).toBe(0);
    expect(stdout).toContain('changed: /description/en must be at most 20000 characters long: left out');
    expect(JSON.parse(readFileSync(join(out, 'services.json'), 'utf8'))).toEqual([{ id: 'hsds-big-1', name: { en: 'Large record (sample)' }, sourceIds: [{ system: 'hsds', id: 'big-1' }], categoryIds: [] }]);
  });

  it('names the URL of an API that answers 500, stalls or sends a page, and writes nothing', async () => {
    const server = await startServer((request, response) => {
      if (request.url!.startsWith('/fails/')) return void response.writeHead(500).end('boom');
      if (request.url!.startsWith('/html/')) return void response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>login</html>');
      if (request.url!.startsWith('/stalls/')) return; // never answers
      if (request.url!.startsWith('/detail-fails/services?')) return sendJson(response, { total_pages: 1, last_page: true, contents: [{ id: 'x1', name: 'Listed only (sample)', status: 'active' }] });
      response.writeHead(503).end();
    });
    try {
      const out = join(scratchFolder(), 'feed');
      const env = { BRUSANO_IMPORT_TIMEOUT_MS: '500' };
      const fails = await runCli(['import', 'hsds', `${server.url}fails/`, out], env);
      expect(fails.code).toBe(1);
      expect(fails.stdout).toContain(`${server.url}fails/services?page=1&per_page=100: answered 500`);
      const html = await runCli(['import', 'hsds', `${server.url}html/`, out], env);
      expect(html.stdout).toContain('is an HTML or XML page, not JSON');
      const stalls = await runCli(['import', 'hsds', `${server.url}stalls/`, out], env);
      expect(stalls.code).toBe(1);
      expect(stalls.stdout).toContain(`${server.url}stalls/services?page=1&per_page=100: did not answer within 0.5 s`);
      expect(existsSync(out)).toBe(false);
      // The full record can't be had: the list entry is kept, and the note says so.
      const partly = await runCli(['import', 'hsds', `${server.url}detail-fails/`, out], env);
      expect(partly.code).toBe(0);
      expect(partly.stdout).toContain(`${server.url}detail-fails/services/x1: answered 503`);
      expect(JSON.parse(readFileSync(join(out, 'services.json'), 'utf8')).map((service: Service) => service.name)).toEqual([{ en: 'Listed only (sample)' }]);
    } finally {
      await server.close();
    }
  });
});
