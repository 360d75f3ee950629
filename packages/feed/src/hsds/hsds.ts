// Open Referral HSDS 3 (nested services) ⇄ Brusano services.
//
// HSDS has one text per field and no per-field translations, so every exported object also
// carries the Brusano extension `x_brusano`:
//   x_brusano.translations  the FR/NL(/EN) texts of its translated fields, e.g. { name: { fr, nl } }
//   x_brusano.service       (on services) the complete Brusano record, so an import gives it back
//                           exactly; without it, the import maps the HSDS fields.
// HSDS fields get the French text (Dutch when there is no French). Ids are UUID v5 derived from
// the Brusano ids, so an export is the same every time. Schedules: HSDS writes times with a UTC
// offset; Brusano keeps Europe/Brussels local times, so weekly hours are exported as WEEKLY rules
// with local opens_at/closes_at and the zone named in the description and in x_brusano.
import { createHash } from 'node:crypto';
import { validateDataset, type LocalizedText, type Service, type TaxonomyTerm } from '@brusano/sdk';
import { belgianPhone } from '../import/social-brussels.js';

export type HsdsService = Record<string, unknown>;

/** Namespace of the UUIDs derived from Brusano ids. */
const NAMESPACE = '3e0b2f2a-6c1d-5b9e-8f47-2a61c0d9b7e4';

/** RFC 4122 version 5 UUID (SHA-1, name-based). */
export function uuidFor(name: string): string {
  const namespace = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const first = (text: LocalizedText | undefined) => text?.fr ?? text?.nl ?? text?.en;
const DAYS = { mo: 'MO', tu: 'TU', we: 'WE', th: 'TH', fr: 'FR', sa: 'SA', su: 'SU' } as const;

/** A Brusano service as an HSDS 3 nested service. */
export function serviceToHsds(service: Service, categories: ReadonlyMap<number, TaxonomyTerm> = new Map()): HsdsService {
  const id = uuidFor(`service:${service.id}`);
  const translations: Record<string, LocalizedText> = { name: service.name };
  if (service.description) translations.description = service.description;
  if (service.publicText) translations.eligibility_description = service.publicText;
  if (service.cost?.text) translations.fees_description = service.cost.text;
  if (service.waitingTime) translations.wait_time = service.waitingTime;
  const organizationName = service.organization.name;
  return {
    id,
    name: first(service.name),
    ...(service.alternateNames?.length ? { alternate_name: service.alternateNames.map(first).join('; ') } : {}),
    ...(service.description ? { description: first(service.description) } : {}),
    ...(service.websites?.[0] ? { url: service.websites[0].url } : {}),
    ...(service.emails?.[0] ? { email: service.emails[0].address } : {}),
    status: 'active',
    ...(service.languageSupport?.length ? { interpretation_services: service.languageSupport.join(', ') } : {}),
    ...(service.publicText ? { eligibility_description: first(service.publicText) } : {}),
    ...(service.cost?.text ? { fees_description: first(service.cost.text) } : {}),
    ...(service.waitingTime ? { wait_time: first(service.waitingTime) } : {}),
    assured_date: service.lastVerified,
    last_modified: `${service.lastVerified}T00:00:00Z`,
    organization: {
      id: uuidFor(`organization:${first(organizationName)}`),
      name: first(organizationName),
      description: first(organizationName),
      x_brusano: { translations: { name: organizationName } },
    },
    phones: (service.phones ?? []).map((phone, index) => ({ id: uuidFor(`phone:${service.id}:${index}`), service_id: id, number: phone.number })),
    languages: (service.languages ?? []).map((code) => ({ id: uuidFor(`language:${service.id}:${code}`), service_id: id, code })),
    schedules: (service.hours?.weekly ?? []).flatMap((entry, index) =>
      entry.intervals.map((interval, at) => ({
        id: uuidFor(`schedule:${service.id}:${index}:${at}`),
        service_id: id,
        freq: 'WEEKLY',
        wkst: 'MO',
        byday: entry.days.map((day) => DAYS[day as keyof typeof DAYS]).join(','),
        opens_at: interval.opens,
        closes_at: interval.closes,
        ...(service.hours?.validFrom ? { valid_from: service.hours.validFrom } : {}),
        ...(service.hours?.validUntil ? { valid_to: service.hours.validUntil } : {}),
        description: 'Local time, Europe/Brussels',
      })),
    ),
    service_at_locations: (service.locations ?? []).map((location, index) => {
      const locationId = uuidFor(`location:${service.id}:${index}`);
      const address = location.address;
      return {
        id: uuidFor(`service-at-location:${service.id}:${index}`),
        service_id: id,
        location_id: locationId,
        location: {
          id: locationId,
          location_type: 'physical',
          ...(location.name ? { name: first(location.name) } : {}),
          ...(location.geo ? { latitude: location.geo.lat, longitude: location.geo.lon } : {}),
          addresses: [
            {
              id: uuidFor(`address:${service.id}:${index}`),
              location_id: locationId,
              address_1: [first(address.street), address.number, address.box && `bte ${address.box}`].filter(Boolean).join(' '),
              city: first(address.municipality) ?? '',
              state_province: 'Brussels-Capital Region',
              postal_code: address.postalCode,
              country: 'BE',
              address_type: 'physical',
              x_brusano: { translations: { address_1: address.street, ...(address.municipality ? { city: address.municipality } : {}) } },
            },
          ],
          ...(location.accessibility?.reducedMobility
            ? { accessibility: [{ id: uuidFor(`accessibility:${service.id}:${index}`), location_id: locationId, description: `reduced mobility: ${location.accessibility.reducedMobility}` }] }
            : {}),
        },
      };
    }),
    ...(service.cost ? { cost_options: [{ id: uuidFor(`cost:${service.id}`), service_id: id, option: service.cost.free ? 'free' : 'paid', ...(service.cost.free ? { amount: 0, currency: 'EUR' } : {}) }] } : {}),
    attributes: service.categoryIds.map((categoryId) => {
      const term = categories.get(categoryId);
      return {
        id: uuidFor(`attribute:${service.id}:${categoryId}`),
        link_id: id,
        link_type: 'service',
        link_entity: 'service',
        taxonomy_term: {
          id: uuidFor(`social-brussels:category:${categoryId}`),
          code: String(categoryId),
          name: term ? term.title.fr : String(categoryId),
          description: term ? `${term.title.fr} / ${term.title.nl}` : 'Bruxelles Social category',
          taxonomy: 'Bruxelles Social',
        },
      };
    }),
    x_brusano: { translations, service },
  };
}

export interface HsdsImportNote {
  index: number;
  message: string;
}

/** HSDS 3 nested services as Brusano services: the carried Brusano record when there is one, else the HSDS fields. */
export function servicesFromHsds(records: readonly HsdsService[]): { services: Service[]; notes: HsdsImportNote[] } {
  const services: Service[] = [];
  const notes: HsdsImportNote[] = [];
  records.forEach((record, index) => {
    const carried = (record.x_brusano as { service?: unknown } | undefined)?.service;
    const candidate = carried ?? fromHsdsFields(record, (message) => notes.push({ index, message }));
    const { records: valid, problems } = validateDataset('services', [candidate]);
    if (valid.length) services.push(valid[0]!);
    else for (const problem of problems) notes.push({ index, message: `left out: ${problem.pointer || 'record'} ${problem.message}` });
  });
  return { services, notes };
}

const DAY_CODES = Object.fromEntries(Object.entries(DAYS).map(([day, code]) => [code, day]));

function fromHsdsFields(record: HsdsService, note: (message: string) => void): Record<string, unknown> {
  const translations = ((record.x_brusano as { translations?: Record<string, LocalizedText> } | undefined)?.translations ?? {}) as Record<string, LocalizedText>;
  // Without translations, HSDS text has no language: it is taken as French and said so.
  const localized = (field: string): LocalizedText | undefined => {
    if (translations[field]) return translations[field];
    const value = record[field];
    return typeof value === 'string' && value.trim() ? { fr: value.trim() } : undefined;
  };
  if (!translations.name) note('no x_brusano translations: texts taken as French');
  const name = localized('name');
  const organization = record.organization as Record<string, unknown> | undefined;
  const phones = (record.phones as { number?: string }[] | undefined) ?? [];
  const schedules = (record.schedules as Record<string, string>[] | undefined) ?? [];
  const weekly = schedules
    .filter((schedule) => schedule.freq === 'WEEKLY' && schedule.byday && /^\d{2}:\d{2}/.test(schedule.opens_at ?? '') && /^\d{2}:\d{2}/.test(schedule.closes_at ?? ''))
    .map((schedule) => ({
      days: schedule.byday!.split(',').map((code) => DAY_CODES[code.trim()]).filter(Boolean),
      intervals: [{ opens: schedule.opens_at!.slice(0, 5), closes: schedule.closes_at!.slice(0, 5) }],
    }));
  if (schedules.length > weekly.length) note(`${schedules.length - weekly.length} schedule(s) that are not weekly opening hours left out`);
  const locations = ((record.service_at_locations as { location?: Record<string, unknown> }[] | undefined) ?? []).flatMap((link) => {
    const location = link.location;
    const address = (location?.addresses as Record<string, unknown>[] | undefined)?.[0];
    if (!address || !/^[1-9]\d{3}$/.test(String(address.postal_code ?? ''))) return [];
    const addressTranslations = ((address.x_brusano as { translations?: Record<string, LocalizedText> } | undefined)?.translations ?? {}) as Record<string, LocalizedText>;
    return [
      {
        address: {
          street: addressTranslations.address_1 ?? { fr: String(address.address_1) },
          postalCode: String(address.postal_code),
          ...(addressTranslations.city ?? address.city ? { municipality: addressTranslations.city ?? { fr: String(address.city) } } : {}),
        },
        ...(typeof location?.latitude === 'number' && typeof location?.longitude === 'number' ? { geo: { lat: location.latitude, lon: location.longitude } } : {}),
      },
    ];
  });
  const categoryIds = ((record.attributes as { taxonomy_term?: { taxonomy?: string; code?: string } }[] | undefined) ?? [])
    .filter((attribute) => attribute.taxonomy_term?.taxonomy === 'Bruxelles Social')
    .map((attribute) => Number(attribute.taxonomy_term!.code));
  if (categoryIds.length === 0) note('no Bruxelles Social category among the attributes');
  const lastVerified = String(record.assured_date ?? record.last_modified ?? '').slice(0, 10);
  return {
    id: `hsds-${String(record.id ?? '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 70)}`,
    ...(name ? { name } : {}),
    ...(localized('description') ? { description: localized('description') } : {}),
    organization: { name: (organization?.x_brusano as { translations?: { name?: LocalizedText } } | undefined)?.translations?.name ?? (organization?.name ? { fr: String(organization.name) } : name) },
    categoryIds,
    serviceTypes: [locations.length ? 'on-site' : 'by-phone'],
    ...(phones.length
      ? {
          phones: phones.flatMap((phone) => {
            const number = phone.number ? belgianPhone(phone.number) : undefined;
            if (!number) note(`phone "${phone.number ?? ''}" could not be read: left out`);
            return number ? [{ number }] : [];
          }),
        }
      : {}),
    ...(typeof record.email === 'string' ? { emails: [{ address: record.email }] } : {}),
    ...(typeof record.url === 'string' ? { websites: [{ url: record.url }] } : {}),
    ...(locations.length ? { locations } : {}),
    ...(weekly.length ? { hours: { timeZone: 'Europe/Brussels', weekly } } : {}),
    ...(localized('eligibility_description') ? { publicText: localized('eligibility_description') } : {}),
    ...(localized('wait_time') ? { waitingTime: localized('wait_time') } : {}),
    lastVerified,
    sourceIds: [{ system: 'hsds', id: String(record.id ?? '') }],
  };
}
