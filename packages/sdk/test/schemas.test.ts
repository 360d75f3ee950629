import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { problemsFromAjv, validateDataset, validateManifest, type DatasetName } from '@brusano/sdk';
import { REFERENCE, SCHEMAS } from '../../../test/support/paths.js';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const schemaFiles = readdirSync(SCHEMAS).filter((file) => file.endsWith('.schema.json'));

// An independent compile of /schemas: the SDK's precompiled validators must agree with it.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
ajvFormats.default(ajv); // a CommonJS module: its function is on .default under NodeNext
for (const file of schemaFiles) ajv.addSchema(read(join(SCHEMAS, file)));
const fresh = (file: string) => ajv.getSchema(`https://brusano.brussels/schemas/1/${file}`)!;

const firstReference = (dataset: string) => read(join(REFERENCE, `${dataset}.json`))[0];

interface SchemaCase {
  schema: string;
  dataset?: DatasetName;
  valid: unknown;
  /** Changes that make the document invalid, each with the field that must be reported. */
  invalid: [string, (document: any) => void, string][];
}

const CASES: SchemaCase[] = [
  {
    schema: 'localized-text.schema.json',
    valid: { fr: 'Aide sociale', nl: 'Sociale hulp', en: 'Social help' },
    invalid: [
      ['no FR, NL or EN', (text) => { delete text.fr; delete text.nl; delete text.en; }, ''],
      ['an empty string', (text) => { text.fr = ''; }, '/fr'],
      ['an unknown language', (text) => { text.de = 'Sozialhilfe'; }, '/de'],
    ],
  },
  {
    schema: 'opening-hours.schema.json',
    valid: {
      timeZone: 'Europe/Brussels',
      weekly: [{ days: ['mo', 'fr'], intervals: [{ opens: '20:00', closes: '08:00' }] }],
      exceptions: [{ from: '2026-07-15', until: '2026-08-15', closed: true }, { from: '2026-12-24', intervals: [{ opens: '09:00', closes: '12:00' }] }],
      validFrom: '2026-01-01',
    },
    invalid: [
      ['another time zone', (hours) => { hours.timeZone = 'Europe/Paris'; }, '/timeZone'],
      ['a time past 23:59', (hours) => { hours.weekly[0].intervals[0].opens = '24:00'; }, '/weekly/0/intervals/0/opens'],
      ['an unknown weekday', (hours) => { hours.weekly[0].days = ['monday']; }, '/weekly/0/days/0'],
      ['no weekly hours and no text', (hours) => { delete hours.weekly; }, ''],
      ['an exception both closed and with hours', (hours) => { hours.exceptions[0].intervals = [{ opens: '09:00', closes: '10:00' }]; }, '/exceptions/0'],
    ],
  },
  {
    schema: 'bassin.schema.json',
    dataset: 'bassins',
    valid: firstReference('bassins'),
    invalid: [
      ['a name in French only', (bassin) => { delete bassin.name.nl; }, '/name/nl'],
      ['a site that is not http(s)', (bassin) => { bassin.sites[0].url = 'javascript:alert(1)'; }, '/sites/0/url'],
      ['a commune that is not a NIS code', (bassin) => { bassin.communes.push('Jette'); }, '/communes/4'],
    ],
  },
  {
    schema: 'commune.schema.json',
    dataset: 'communes',
    valid: firstReference('communes'),
    invalid: [
      ['a 3-digit postal code', (commune) => { commune.postalCodes = ['107']; }, '/postalCodes/0'],
      ['no postal code', (commune) => { commune.postalCodes = []; }, '/postalCodes'],
      ['no bassin field', (commune) => { delete commune.bassin; }, '/bassin'],
    ],
  },
  {
    schema: 'quartier.schema.json',
    dataset: 'quartiers',
    valid: firstReference('quartiers'),
    invalid: [
      ['a zone id as text', (quartier) => { quartier.zoneId = '361'; }, '/zoneId'],
      ['an upper-case id', (quartier) => { quartier.id = 'Altitude-100'; }, '/id'],
    ],
  },
  {
    schema: 'helpdesk.schema.json',
    dataset: 'helpdesks',
    valid: firstReference('helpdesks'),
    invalid: [
      ['a local phone number', (helpdesk) => { helpdesk.phones[0].number = '02 318 60 54'; }, '/phones/0/number'],
      ['an e-mail without @', (helpdesk) => { helpdesk.emails[0].address = 'info.bassin-nord.brussels'; }, '/emails/0/address'],
      ['an unknown audience', (helpdesk) => { helpdesk.audience = ['everybody']; }, '/audience/0'],
    ],
  },
  {
    schema: 'action.schema.json',
    dataset: 'actions',
    valid: firstReference('actions'),
    invalid: [
      ['an unknown function', (action) => { action.function = 'connaissance'; }, '/function'],
      ['number 0', (action) => { action.number = 0; }, '/number'],
    ],
  },
  {
    schema: 'event.schema.json',
    dataset: 'events',
    valid: read(join(SCHEMAS, 'examples', 'event.json')),
    invalid: [
      ['a start without UTC offset', (event) => { event.start = '2027-03-30T09:30:00'; }, '/start'],
      ['an unknown type', (event) => { event.type = 'webinar'; }, '/type'],
      ['an unknown status', (event) => { event.status = 'done'; }, '/status'],
      ['no territory', (event) => { event.territories = []; }, '/territories'],
      ['a data: registration link', (event) => { event.registration = 'data:text/html,<script>alert(1)</script>'; }, '/registration'],
    ],
  },
  {
    schema: 'service.schema.json',
    dataset: 'services',
    valid: read(join(SCHEMAS, 'examples', 'service.json')),
    invalid: [
      ['no category list', (service) => { delete service.categoryIds; }, '/categoryIds'],
      ['a category that is not an id', (service) => { service.categoryIds = [0]; }, '/categoryIds/0'],
      ['a phone with neither number nor text', (service) => { service.phones = [{ extension: '12' }]; }, '/phones/0'],
      ['an extension that is not digits', (service) => { service.phones = [{ number: '+32 2 000 01 01', extension: 'ext 12' }]; }, '/phones/0/extension'],
      ['a country that is not a code', (service) => { service.locations[0].address.country = 'Belgium'; }, '/locations/0/address/country'],
      ['an age of 200', (service) => { service.maximumAge = 200; }, '/maximumAge'],
      ['an unknown service type', (service) => { service.serviceTypes = ['drive-in']; }, '/serviceTypes/0'],
      ['a vbscript: website', (service) => { service.websites[0].url = 'vbscript:msgbox(1)'; }, '/websites/0/url'],
      ['a language that is not a code', (service) => { service.languages = ['Français']; }, '/languages/0'],
      ['an unknown public', (service) => { service.publics = ['patients']; }, '/publics/0'],
      ['a last-verified date in dd/mm/yy', (service) => { service.lastVerified = '01/11/26'; }, '/lastVerified'],
      ['a postal code of 5 digits', (service) => { service.locations[0].address.postalCode = '10900'; }, '/locations/0/address/postalCode'],
      ['a latitude of 200', (service) => { service.locations[0].geo = { lat: 200, lon: 4.3 }; }, '/locations/0/geo/lat'],
      ['a __proto__ key', (service) => { Object.defineProperty(service, '__proto__', { value: { x: 1 }, enumerable: true }); }, '/__proto__'],
    ],
  },
  {
    schema: 'taxonomy-term.schema.json',
    dataset: 'categories',
    valid: { id: 67, title: { fr: 'Services sociaux des CPAS', nl: "Sociale diensten van de OCMW's" }, keywords: { fr: ['CPAS'], nl: ['OCMW'] } },
    invalid: [
      ['an id as text', (term) => { term.id = '67'; }, '/id'],
      ['a title in Dutch only', (term) => { delete term.title.fr; }, '/title/fr'],
      ['an empty keyword', (term) => { term.keywords.fr = ['']; }, '/keywords/fr/0'],
    ],
  },
  {
    schema: 'leadin.schema.json',
    dataset: 'leadins',
    valid: firstReference('leadins'),
    invalid: [
      ['no category', (leadin) => { leadin.categoryIds = []; }, '/categoryIds'],
      ['no word at all', (leadin) => { leadin.terms = {}; }, '/terms'],
      ['a word of one letter', (leadin) => { leadin.terms.fr = ['a']; }, '/terms/fr/0'],
      ['neither a source nor a reason', (leadin) => { delete leadin.reason; delete leadin.sources; }, ''],
      ['a language other than FR, NL, EN', (leadin) => { leadin.terms.de = ['Sozialamt']; }, '/terms/de'],
    ],
  },
  {
    schema: 'manifest.schema.json',
    valid: read(join(SCHEMAS, 'examples', 'manifest.json')),
    invalid: [
      ['a dataset missing', (manifest) => { delete manifest.datasets.events; }, '/datasets/events'],
      ['a javascript: dataset URL', (manifest) => { manifest.datasets.services.url = 'javascript:alert(1)'; }, '/datasets/services/url'],
      ['schema version 2', (manifest) => { manifest.schemaVersion = '2.0.0'; }, '/schemaVersion'],
    ],
  },
];

it('covers every schema file', () => {
  expect(CASES.map((entry) => entry.schema).sort()).toEqual(schemaFiles.filter((file) => file !== 'common.schema.json').sort());
});

it('gives every schema an $id and the 2020-12 dialect', () => {
  for (const file of schemaFiles) {
    const schema = read(join(SCHEMAS, file));
    expect(schema.$schema, file).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id, file).toBe(`https://brusano.brussels/schemas/1/${file}`);
  }
});

/** The SDK's precompiled check of a document, where the SDK has one for this schema. */
function precompiled(entry: SchemaCase, document: unknown): { valid: boolean; pointers: string[] } | undefined {
  if (entry.dataset) {
    const { records, problems } = validateDataset(entry.dataset, [document]);
    return { valid: records.length === 1, pointers: problems.map((problem) => problem.pointer) };
  }
  if (entry.schema === 'manifest.schema.json') {
    const valid = validateManifest(document);
    return { valid, pointers: problemsFromAjv(validateManifest.errors ?? [], { dataset: 'manifest' }).map((problem) => problem.pointer) };
  }
  return undefined;
}

describe.each(CASES)('$schema', (entry) => {
  it('accepts the valid example', () => {
    const validate = fresh(entry.schema);
    expect(validate(entry.valid), JSON.stringify(validate.errors)).toBe(true);
    expect(precompiled(entry, entry.valid)?.valid ?? true).toBe(true);
  });

  it.each(entry.invalid)('refuses %s', (_label, mutate, pointer) => {
    const document = structuredClone(entry.valid);
    mutate(document);
    const validate = fresh(entry.schema);
    expect(validate(document)).toBe(false);
    const pointers = problemsFromAjv(validate.errors ?? [], { dataset: 'test' }).map((problem) => problem.pointer);
    expect(pointers).toContain(pointer);
    const sdk = precompiled(entry, document);
    if (sdk) {
      expect(sdk.valid).toBe(false);
      expect(sdk.pointers).toContain(pointer);
    }
  });
});

describe('service.schema.json: what an import from another directory may bring', () => {
  it('accepts a service in one language, uncategorised, abroad, with a phone kept as written and an extension', () => {
    const imported = {
      id: 'hsds-1',
      name: { en: 'Community Food Support (sample)' },
      categoryIds: [],
      locations: [{ address: { street: { en: '1 Sample Road (fictional)' }, foreignPostalCode: 'SW1A 0AA', municipality: { en: 'London' }, country: 'GB' } }],
      phones: [{ number: '+44 20 7946 0958', extension: '12' }, { text: 'Text HELP to 55501' }],
      applicationProcess: { en: 'Walk in.' },
      requiredDocuments: [{ en: 'Proof of address' }],
      minimumAge: 18,
      cost: { text: { en: 'Ask at the desk.' } },
    };
    const validate = fresh('service.schema.json');
    expect(validate(imported), JSON.stringify(validate.errors)).toBe(true);
    expect(validateDataset('services', [imported]).records).toHaveLength(1);
    expect(validateDataset('services', [{ ...imported, cost: {} }]).problems.map((problem) => `${problem.pointer} ${problem.message}`)).toEqual(['/cost needs free or text']);
    expect(validateDataset('services', [{ ...imported, name: {} }]).problems.map((problem) => `${problem.pointer} ${problem.message}`)).toEqual(['/name needs a text in French (fr), Dutch (nl) or English (en)']);
  });
});
