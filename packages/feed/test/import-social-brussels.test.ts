import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { belgianPhone, importSocialBrussels, lastUpdateDate } from '@brusano/feed';
import { ROOT } from '../../../test/support/paths.js';

const BIN = join(ROOT, 'packages', 'feed', 'bin', 'brusano-feed.js');
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A record written by hand in the shape of Bruxelles Social's organisation records (fictional content). */
const record = {
  id: 4321,
  nameFr: 'Centre d’exemple',
  nameNl: 'Voorbeeldcentrum',
  otherNameFr: 'CEX',
  missionFr: 'Accueil social.',
  missionNl: 'Sociaal onthaal.',
  telFr: '02/000.01.01',
  telNl: '+32 2 000 01 01',
  emailFr: 'accueil@example.org',
  emailNl: 'onthaal@example.org',
  websiteFr: 'www.example.org/fr',
  address: { streetFr: 'Rue de l’Exemple', streetNl: 'Voorbeeldstraat', number: '12', zipCode: 1080, municipalityFr: 'Molenbeek-Saint-Jean', municipalityNl: 'Sint-Jans-Molenbeek', location: [4.32, 50.85] },
  categoryIds: [67, 458],
  languageIds: [739, 740, 838, 792, 848],
  serviceTypeIds: [736, 737],
  zoneIds: [406],
  permanencyFr: 'Mardi de 9h à 12h',
  publicNl: 'Voor iedereen',
  lastUpdate: '14/02/26',
  companyNumber: 'BE 0000.000.000',
};

describe('importSocialBrussels', () => {
  it('maps a record field by field through the taxonomies', () => {
    const { services, notes } = importSocialBrussels([record]);
    expect(notes).toEqual([]);
    expect(services).toEqual([
      expect.objectContaining({
        id: 'sb-4321',
        name: { fr: 'Centre d’exemple', nl: 'Voorbeeldcentrum' },
        alternateNames: [{ fr: 'CEX' }],
        description: { fr: 'Accueil social.', nl: 'Sociaal onthaal.' },
        categoryIds: [67, 458],
        languages: ['fr', 'nl', 'tr', 'sfb'],
        languageSupport: ['intercultural-mediation'],
        serviceTypes: ['on-site', 'by-phone'],
        phones: [{ number: '+32 2 000 01 01' }],
        emails: [{ address: 'accueil@example.org', lang: 'fr' }, { address: 'onthaal@example.org', lang: 'nl' }],
        websites: [{ url: 'https://www.example.org/fr', lang: 'fr' }],
        hours: { timeZone: 'Europe/Brussels', text: { fr: 'Mardi de 9h à 12h' } },
        publicText: { nl: 'Voor iedereen' },
        areaServed: { communes: ['21012'] },
        lastVerified: '2026-02-14',
        sourceIds: [{ system: 'social-brussels', id: '4321' }],
      }),
    ]);
    expect(services[0]!.locations![0]).toEqual({
      address: { street: { fr: 'Rue de l’Exemple', nl: 'Voorbeeldstraat' }, number: '12', postalCode: '1080', municipality: { fr: 'Molenbeek-Saint-Jean', nl: 'Sint-Jans-Molenbeek' }, nis: '21012' },
      geo: { lat: 50.85, lon: 4.32 },
    });
  });

  it('says what it could not map, and leaves out records that cannot become services', () => {
    const { services, notes } = importSocialBrussels([
      { ...record, id: 1, telFr: 'voir site', websiteNl: 'javascript:alert(1)', categoryIds: [67, 123456], zoneIds: [321], serviceTypeIds: [] },
      { id: 2, nameFr: '', nameNl: '' },
      { ...record, id: 3, lastUpdate: 'hier' },
    ]);
    expect(services.map((service) => service.id)).toEqual(['sb-1']);
    const messages = notes.map((note) => `${note.recordId}: ${note.message}`);
    expect(messages).toContain('sb-1: phone "voir site" could not be read: left out');
    expect(messages).toContain('sb-1: website "javascript:alert(1)" is not an http(s) address: left out');
    expect(messages).toContain('sb-1: categories 123456 are not in the Bruxelles Social taxonomy: left out');
    expect(messages).toContain('sb-1: zones 321 (quartiers) have no commune in our sources: left out of the area served');
    expect(messages).toContain('sb-1: no service type given: "on-site" assumed from the address');
    expect(messages).toContain('sb-2: no name in French or Dutch: left out');
    expect(messages).toContain('sb-3: lastUpdate "hier" could not be read: record left out');
  });

  it('reads Belgian phone numbers and dd/mm/yy dates as people write them', () => {
    expect(belgianPhone('02 318 60 54')).toBe('+32 2 318 60 54');
    expect(belgianPhone('0470/12.34.56')).toBe('+32 470 12 34 56');
    expect(belgianPhone('0032 10 12 34 56')).toBe('+32 10 12 34 56');
    expect(belgianPhone('appelez-nous')).toBeUndefined();
    expect(lastUpdateDate('3/11/25')).toBe('2025-11-03');
    expect(lastUpdateDate('2025-11-03T10:00:00')).toBe('2025-11-03');
    expect(lastUpdateDate('31/02/25')).toBeUndefined();
  });
});

describe('brusano-feed import social-brussels', () => {
  it('writes services.json, prints a line per note, and exits 0', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'brusano-import-'));
    folders.push(folder);
    writeFileSync(join(folder, 'records.json'), JSON.stringify([record, { id: 7 }]));
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'import', 'social-brussels', join(folder, 'records.json'), join(folder, 'out')]);
    expect(stdout).toContain('record 2 (sb-7): no name in French or Dutch: left out');
    expect(stdout).toContain('✓ 1 of 2 records imported');
    expect(JSON.parse(readFileSync(join(folder, 'out', 'services.json'), 'utf8'))[0].id).toBe('sb-4321');
  });

  it('exits 1 on input that is not JSON, 2 on a usage error', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'brusano-import-'));
    folders.push(folder);
    writeFileSync(join(folder, 'records.json'), '<html>');
    const run = (...args: string[]) => promisify(execFile)(process.execPath, [BIN, ...args]).then(() => 0, (error) => (error as { code: number }).code);
    expect(await run('import', 'social-brussels', join(folder, 'records.json'), join(folder, 'out'))).toBe(1);
    expect(await run('import', 'unknown-format', 'a', 'b')).toBe(2);
  });
});
