// Brusano services → Open Referral HSDS 3 nested services (the import is in import.ts).
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
import { currentAlerts, type LocalizedText, type Service, type TaxonomyTerm } from '@brusano/sdk';

import type { HsdsService } from './import.js';

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
  if (service.applicationProcess) translations.application_process = service.applicationProcess;
  const organizationName = service.organization?.name;
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
    ...(service.applicationProcess ? { application_process: first(service.applicationProcess) } : {}),
    ...(currentAlerts(service.alerts).length ? { alert: currentAlerts(service.alerts).map((alert) => first(alert.text)).join(' — ') } : {}),
    ...(service.minimumAge !== undefined ? { minimum_age: service.minimumAge } : {}),
    ...(service.maximumAge !== undefined ? { maximum_age: service.maximumAge } : {}),
    ...(service.lastVerified ? { assured_date: service.lastVerified, last_modified: `${service.lastVerified}T00:00:00Z` } : {}),
    ...(organizationName
      ? {
          organization_id: uuidFor(`organization:${first(organizationName)}`),
          organization: {
            id: uuidFor(`organization:${first(organizationName)}`),
            name: first(organizationName),
            description: first(organizationName),
            ...(service.organization?.websites?.[0] ? { website: service.organization.websites[0].url } : {}),
            x_brusano: { translations: { name: organizationName } },
          },
        }
      : {}),
    phones: (service.phones ?? []).map((phone, index) => ({
      id: uuidFor(`phone:${service.id}:${index}`),
      service_id: id,
      number: phone.number ?? phone.text,
      ...(phone.extension ? { extension: Number(phone.extension) } : {}),
      ...(phone.label ? { description: first(phone.label) } : {}),
    })),
    ...(service.requiredDocuments?.length
      ? { required_documents: service.requiredDocuments.map((document, index) => ({ id: uuidFor(`document:${service.id}:${index}`), service_id: id, document: first(document) })) }
      : {}),
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
              state_province: (address.country ?? 'BE') === 'BE' ? 'Brussels-Capital Region' : '',
              postal_code: address.postalCode ?? address.foreignPostalCode ?? '',
              country: address.country ?? 'BE',
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
    ...(service.cost?.free !== undefined ? { cost_options: [{ id: uuidFor(`cost:${service.id}`), service_id: id, option: service.cost.free ? 'free' : 'paid', ...(service.cost.free ? { amount: 0, currency: 'EUR' } : {}) }] } : {}),
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
