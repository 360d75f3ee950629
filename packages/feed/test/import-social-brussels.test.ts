import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { belgianPhone, importSocialBrussels, lastUpdateDate } from '@brusano/feed';
import { SHARED } from '../../../test/support/paths.js';
import { runCli, scratchFolder } from './support.js';

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
    const { services, reports } = importSocialBrussels([record]);
    expect(reports[0]).toMatchObject({ kept: true, id: 'sb-4321', changed: [], dropped: [] });
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

  it.skipIf(!SHARED)('reads every field of a Bruxelles Social record: maps those the feed has a place for, reports each of the others', () => {
    const fields = JSON.parse(readFileSync(join(SHARED!, 'fixtures', 'social-brussels', 'organisation-fields.json'), 'utf8')).mappings.properties;
    const full: Record<string, unknown> = { ...record, id: 99, websiteNl: 'https://www.example.org/nl', openingHoursNl: 'Dinsdag van 9 tot 12 uur' };
    for (const [field, spec] of Object.entries<{ type?: string }>(fields)) {
      if (field in full || field === 'address') continue;
      full[field] = spec.type === 'boolean' ? true : spec.type === 'short' ? 1 : `${field} (sample)`;
    }
    const address: Record<string, unknown> = { ...(record.address as object) };
    for (const field of Object.keys(fields.address.properties)) if (!(field in address)) address[field] = `${field} (sample)`;
    full.address = address;
    const { services, reports } = importSocialBrussels([full]);
    expect(services).toHaveLength(1);
    const unmapped = ['faxFr', 'faxNl', 'otherWebsiteFr', 'otherWebsiteNl', 'boJournalUrlFr', 'boJournalUrlNl', 'accessFr', 'accessNl', 'publicationFr', 'publicationNl', 'commentFr', 'commentNl', 'language'];
    const unmappedInAddress = ['districtFr', 'districtNl', 'districtCode', 'statisticsCode', 'remarkFr', 'remarkNl', 'statisticsNameFr', 'statisticsNameNl'];
    expect(reports[0]!.dropped.sort()).toEqual([...unmapped.map((field) => `${field}: the feed has no place for it`), ...unmappedInAddress.map((field) => `address.${field}: the feed has no place for it`)].sort());
    expect(services[0]!.organization!.legalStatusId).toBe(1);
    expect(services[0]!.languageSupport).toContain('social-interpreting');
    expect(services[0]!.locations![0]!.address.box).toBe('postalBox (sample)');
  });

  it('keeps a record whose fields are all empty but its id and name, inventing nothing', () => {
    const empty = { id: 7, nameFr: 'Service minimal (exemple)', nameNl: '', missionFr: '', telFr: '', emailFr: null, websiteFr: '  ', categoryIds: [], languageIds: [], serviceTypeIds: [], zoneIds: [], address: { streetFr: '', zipCode: null }, lastUpdate: '' };
    const { services, reports } = importSocialBrussels([empty]);
    expect(services).toEqual([{ id: 'sb-7', name: { fr: 'Service minimal (exemple)' }, organization: { name: { fr: 'Service minimal (exemple)' } }, categoryIds: [], sourceIds: [{ system: 'social-brussels', id: '7' }] }]);
    expect(reports[0]).toMatchObject({ kept: true, changed: ['no known category: kept as uncategorised'], dropped: [] });
  });

  it('keeps a record with malformed values without those fields, and says why for each', () => {
    const { services, reports } = importSocialBrussels([
      {
        ...record,
        id: 1,
        telFr: 'voir site',
        emailFr: 'pas un e-mail',
        websiteNl: 'javascript:alert(1)',
        categoryIds: [67, 123456],
        languageIds: [739, 9999],
        serviceTypeIds: [736, 1],
        zoneIds: [321],
        legalStatusId: 'asbl',
        companyNumber: 'abc',
        lastUpdate: 'hier',
        address: { ...(record.address as object), location: [999, 999] },
      },
      { id: 2, nameFr: '', nameNl: '' },
      { nameFr: 'Sans identifiant' },
      'not a record',
      { ...record, id: 4321 },
      { ...record, id: 4321, nameFr: 'Doublon' },
    ]);
    expect(services.map((service) => service.id)).toEqual(['sb-1', 'sb-4321']);
    const [malformed] = services;
    expect(malformed!.phones).toEqual([{ text: 'voir site' }, { number: '+32 2 000 01 01' }]);
    expect(malformed!.emails).toEqual([{ address: 'onthaal@example.org', lang: 'nl' }]);
    expect(malformed!.websites).toEqual([{ url: 'https://www.example.org/fr', lang: 'fr' }]);
    expect(malformed!.lastVerified).toBeUndefined();
    expect(malformed!.locations![0]!.geo).toBeUndefined();
    expect(reports[0]!.dropped.sort()).toEqual(
      [
        'emailFr "pas un e-mail" is not an e-mail address',
        'websiteNl "javascript:alert(1)" is not an http(s) address',
        'categoryIds 123456 are not in the Bruxelles Social taxonomy',
        'languageIds 9999 are not in languages.json',
        'serviceTypeIds 1 are not in service-types.json',
        'zoneIds 321 (quartiers) have no commune in our sources',
        'legalStatusId "asbl" is not a legal status id',
        'companyNumber "abc" is not a Belgian enterprise number',
        'lastUpdate "hier" is not a date',
        'address.location [999,999] is not a point',
      ].sort(),
    );
    expect(reports[0]!.changed).toContain('phone "voir site" could not be read as a number: kept as text, shown and not dialled');
    expect(reports.slice(1).map((report) => [report.kept, report.dropped])).toEqual([
      [false, ['no name in French or Dutch']],
      [false, ['no id']],
      [false, ['no id']],
      [true, []],
      [false, ["its id repeats an earlier record's (sb-4321)"]],
    ]);
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
  it('writes a feed folder validate accepts and a report, prints a line per change and drop, and exits 0', async () => {
    const folder = scratchFolder();
    writeFileSync(join(folder, 'records.json'), JSON.stringify([record, { id: 7 }]));
    const out = join(folder, 'out');
    const { code, stdout } = await runCli(['import', 'social-brussels', join(folder, 'records.json'), out]);
    expect(code).toBe(0);
    expect(stdout).toContain('record 2 (7) in');
    expect(stdout).toContain('not imported: no name in French or Dutch');
    expect(stdout).toContain('✓ 1 of 2 records imported');
    expect(JSON.parse(readFileSync(join(out, 'services.json'), 'utf8'))[0].id).toBe('sb-4321');
    expect(JSON.parse(readFileSync(join(out, 'import-report.json'), 'utf8')).records).toHaveLength(2);
    expect((await runCli(['validate', out])).code).toBe(0);
  });

  it('exits 1 on input that is not JSON or holds no readable record, 2 on a usage error', async () => {
    const folder = scratchFolder();
    writeFileSync(join(folder, 'records.json'), '<html>');
    expect((await runCli(['import', 'social-brussels', join(folder, 'records.json'), join(folder, 'out')])).code).toBe(1);
    writeFileSync(join(folder, 'nameless.json'), JSON.stringify([{ id: 1 }]));
    expect((await runCli(['import', 'social-brussels', join(folder, 'nameless.json'), join(folder, 'out')])).code).toBe(1);
    expect((await runCli(['import', 'unknown-format', 'a', 'b'])).code).toBe(2);
  });
});
