import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { afterEach, describe, expect, it } from 'vitest';
import { servicesFromHsds, serviceToHsds } from '@brusano/feed';
import { sampleFeed } from '../../../test/support/feed.js';
import { ROOT, SAMPLE_FEED, SHARED } from '../../../test/support/paths.js';

const BIN = join(ROOT, 'packages', 'feed', 'bin', 'brusano-feed.js');
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));
const { datasets } = sampleFeed();
const categories = new Map(datasets.categories.map((term: any) => [term.id, term]));

/** The official HSDS 3 schema files, compiled (they use non-standard keywords: strict off). */
function hsdsValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajvFormats.default(ajv);
  const folder = join(SHARED!, 'fixtures', 'hsds-3');
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json') && name !== 'openapi.json')) {
    const schema = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    delete schema.$id;
    ajv.addSchema(schema, file);
  }
  return ajv.getSchema('service.json')!;
}

describe.skipIf(!SHARED)('HSDS 3 export', () => {
  it('gives services that validate against the official HSDS 3 schema files', () => {
    const validate = hsdsValidator();
    for (const service of datasets.services) {
      const hsds = serviceToHsds(service, categories as any);
      expect(validate(hsds), `${service.id}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });
});

describe('HSDS 3 round trip', () => {
  it('gives back every sample service exactly, French and Dutch included', () => {
    const exported: any[] = datasets.services.map((service: any) => serviceToHsds(service, categories as any));
    const { services, notes } = servicesFromHsds(JSON.parse(JSON.stringify(exported)));
    expect(notes).toEqual([]);
    expect(services).toEqual(datasets.services);
    expect(exported[0].x_brusano.translations.name).toEqual(datasets.services[0].name);
    expect(exported[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(serviceToHsds(datasets.services[0], categories as any)).toEqual(exported[0]);
  });

  it('reads a hand-written HSDS service without the extension, and says what it assumed', () => {
    const { services, notes } = servicesFromHsds([
      {
        id: '4d2c5b0e-6f0e-4b8e-9c39-3c1a5a7d2e11',
        name: 'Permanence sociale (exemple)',
        description: 'Accueil social sans rendez-vous.',
        status: 'active',
        email: 'permanence@example.org',
        assured_date: '2026-10-01',
        organization: { id: '0f6d2b8e-1c4a-4a2e-8f3b-5e7d9c1a2b3c', name: 'Organisation exemple', description: 'Exemple.' },
        phones: [{ id: '9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', number: '02 000 01 99' }, { id: 'x', number: 'ask at the desk' }],
        schedules: [{ id: 's1', freq: 'WEEKLY', byday: 'MO,WE', opens_at: '09:00', closes_at: '12:00' }, { id: 's2', freq: 'MONTHLY', byday: '1MO' }],
        service_at_locations: [{ id: 'l', location: { id: 'loc', location_type: 'physical', addresses: [{ id: 'a', address_1: "Rue de l'Exemple 1 (fictive)", city: 'Jette', state_province: 'Brussels-Capital Region', postal_code: '1090', country: 'BE', address_type: 'physical' }] } }],
        attributes: [{ id: 'c', taxonomy_term: { id: 't', code: '67', name: 'Services sociaux des CPAS', description: '-', taxonomy: 'Bruxelles Social' } }],
      },
    ]);
    expect(services).toHaveLength(1);
    expect(services[0]).toMatchObject({
      name: { fr: 'Permanence sociale (exemple)' },
      categoryIds: [67],
      phones: [{ number: '+32 2 000 01 99' }],
      hours: { timeZone: 'Europe/Brussels', weekly: [{ days: ['mo', 'we'], intervals: [{ opens: '09:00', closes: '12:00' }] }] },
      locations: [{ address: { postalCode: '1090', street: { fr: "Rue de l'Exemple 1 (fictive)" } } }],
      lastVerified: '2026-10-01',
    });
    expect(notes.map((note) => note.message).sort()).toEqual([
      '1 schedule(s) that are not weekly opening hours left out',
      'no x_brusano translations: texts taken as French',
      'phone "ask at the desk" could not be read: left out',
    ]);
  });

  it('leaves out, with a note, an HSDS service that cannot become a valid one', () => {
    const { services, notes } = servicesFromHsds([{ id: 'x', status: 'active' }]);
    expect(services).toEqual([]);
    expect(notes.some((note) => note.message.startsWith('left out: /name'))).toBe(true);
  });
});

describe('brusano-feed export hsds / import hsds', () => {
  it('round-trips the sample feed through files', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'brusano-hsds-'));
    folders.push(folder);
    const run = (...args: string[]) => promisify(execFile)(process.execPath, [BIN, ...args]);
    expect((await run('export', 'hsds', SAMPLE_FEED, join(folder, 'hsds'))).stdout).toContain(`✓ ${datasets.services.length} services exported`);
    expect((await run('import', 'hsds', join(folder, 'hsds'), join(folder, 'back'))).stdout).toContain(`✓ ${datasets.services.length} of ${datasets.services.length} records imported`);
    expect(JSON.parse(readFileSync(join(folder, 'back', 'services.json'), 'utf8'))).toEqual(datasets.services);
    writeFileSync(join(folder, 'bad.json'), '{');
    await expect(run('import', 'hsds', join(folder, 'bad.json'), join(folder, 'x'))).rejects.toMatchObject({ code: 1 });
    await expect(run('export', 'json', SAMPLE_FEED, folder)).rejects.toMatchObject({ code: 2 });
  });
});
