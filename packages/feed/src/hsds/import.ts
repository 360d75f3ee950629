import { createRequire } from 'node:module';
import { communes as referenceCommunes } from '@brusano/sdk/reference';
import { validateDataset, type LocalizedText, type Phone, type Service, type TaxonomyTerm } from '@brusano/sdk';
import { phoneFrom } from '../import/phones.js';
import { recordReport, type RecordReport } from '../import/report.js';
import { hoursFromSchedules, type HsdsSchedule } from './schedules.js';
import { categoryMatcher, normalizeTerm, type HsdsTerm } from './taxonomy.js';

export type HsdsService = Record<string, unknown>;
export type ImportLanguage = 'fr' | 'nl' | 'en';

const referenceCategories = createRequire(import.meta.url)('@brusano/sdk/reference/categories.json') as TaxonomyTerm[];

/** HSDS fields the feed has no place for: reported when a record has them. */
const NO_PLACE = ['accreditations', 'licenses', 'interpretation_services', 'funding', 'program', 'program_id', 'contacts', 'assurer_email'];
/** HSDS fields that only say how the record is stored: not reported. */
const BOOKKEEPING = new Set(['id', 'organization_id', 'metadata', 'last_modified', 'x_brusano', 'status']);

/** Country names producers write instead of ISO codes. */
const COUNTRIES: Record<string, string> = { belgium: 'BE', belgique: 'BE', belgie: 'BE', 'united kingdom': 'GB', uk: 'GB', england: 'GB', france: 'FR', netherlands: 'NL', nederland: 'NL', 'pays bas': 'NL', germany: 'DE', deutschland: 'DE', luxembourg: 'LU', 'united states': 'US', usa: 'US' };
/** Countries on Brussels' time all year (Central European Time, same summer time). */
const CENTRAL_EUROPEAN = new Set(['BE', 'NL', 'LU', 'FR', 'DE', 'AT', 'CH', 'IT', 'ES', 'DK', 'NO', 'SE', 'PL', 'CZ', 'SK', 'HU', 'SI', 'HR']);
const REGION_NAMES = new Set(['bruxelles', 'brussel', 'brussels', 'region de bruxelles capitale', 'brussels hoofdstedelijk gewest', 'brussels capital region', 'brussels capital']);
const communeByName = new Map(referenceCommunes.flatMap((commune) => Object.values(commune.name).map((name) => [normalizeTerm(name), commune.nis] as const)));

const string = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object') : []);

export interface HsdsImportOptions {
  /** The language HSDS texts are in (HSDS has one text per field). Default `en`. */
  lang?: ImportLanguage;
  /** The file or URL the records come from, for the report. */
  source?: string;
  /** Bruxelles Social categories to map taxonomy terms to. Default: the SDK's reference copy. */
  categories?: readonly TaxonomyTerm[];
  /** Ids already imported (from earlier files): a record repeating one is left out. */
  seenIds?: Set<string>;
}

/**
 * HSDS 3 nested services as Brusano services. A service is kept whenever it has an id and a
 * name; each field is mapped where the feed has a place for it, and the report says, record by
 * record, what was kept, changed and dropped, and why. A record carrying the Brusano extension
 * (`x_brusano.service`, written by `export hsds`) gives back that record.
 *
 * @example
 * const { services, reports } = servicesFromHsds(JSON.parse(text).contents, { lang: 'en' });
 */
export function servicesFromHsds(records: readonly unknown[], { lang = 'en', source, categories = referenceCategories, seenIds = new Set() }: HsdsImportOptions = {}): { services: Service[]; reports: RecordReport[] } {
  const matchCategory = categoryMatcher(categories);
  const services: Service[] = [];
  const reports: RecordReport[] = [];
  records.forEach((record, index) => {
    const hsds = record !== null && typeof record === 'object' && !Array.isArray(record) ? (record as HsdsService) : undefined;
    const report = recordReport(index, string(hsds?.id) ?? (typeof hsds?.id === 'number' ? String(hsds.id) : undefined), source);
    reports.push(report);
    if (!hsds) {
      report.dropped.push('the record is not an object');
      return;
    }
    const carried = (hsds.x_brusano as { service?: unknown } | undefined)?.service;
    const candidate = carried ?? serviceFromHsds(hsds, lang, matchCategory, report);
    if (!candidate) return;
    const { records: kept, problems } = validateDataset('services', [candidate], { dropInvalidFields: true });
    for (const problem of problems) (problem.outcome === 'record-skipped' ? report.dropped : report.changed).push(`${problem.pointer || 'record'} ${problem.message}${problem.outcome === 'field-dropped' ? ': left out' : ''}`);
    const service = kept[0];
    if (!service) return;
    if (seenIds.has(service.id)) {
      report.dropped.push(`its id ${service.id} repeats an earlier record's`);
      return;
    }
    seenIds.add(service.id);
    report.kept = true;
    report.id = service.id;
    services.push(service);
  });
  return { services, reports };
}

/** A Brusano id from an HSDS id: lower case, letters, digits and hyphens. */
function feedId(id: string): string {
  const slug = id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 70);
  return `hsds-${slug || 'record'}`;
}

function serviceFromHsds(hsds: HsdsService, lang: ImportLanguage, matchCategory: ReturnType<typeof categoryMatcher>, report: RecordReport): Record<string, unknown> | undefined {
  const keep = (field: string) => report.keptFields.push(field);
  const change = (message: string) => report.changed.push(message);
  const drop = (message: string) => report.dropped.push(message);
  const translations = ((hsds.x_brusano as { translations?: Record<string, LocalizedText> } | undefined)?.translations ?? {}) as Record<string, LocalizedText>;
  const localized = (field: string, value: unknown = hsds[field]): LocalizedText | undefined => {
    if (translations[field]) return translations[field];
    const text = string(value);
    return text ? ({ [lang]: text } as LocalizedText) : undefined;
  };
  const rawId = string(hsds.id) ?? (typeof hsds.id === 'number' ? String(hsds.id) : undefined);
  const name = localized('name');
  if (!rawId || !name) {
    drop(!rawId ? 'it has no id' : 'it has no name');
    return undefined;
  }
  const status = string(hsds.status)?.toLowerCase();
  if (status === 'inactive' || status === 'defunct') {
    drop(`its status is ${status}: a directory does not send people to a service that no longer runs`);
    return undefined;
  }
  if (status === 'temporarily closed') change('status "temporarily closed" has no place in the feed: say it in the description');

  const service: Record<string, unknown> = { id: feedId(rawId), name, sourceIds: [{ system: 'hsds', id: rawId.slice(0, 200) }] };
  keep('id');
  keep('name');
  const text = (field: string, target: string) => {
    const value = localized(field);
    if (!value) return;
    service[target] = value;
    keep(field);
  };
  text('description', 'description');
  text('eligibility_description', 'publicText');
  text('application_process', 'applicationProcess');
  text('wait_time', 'waitingTime');
  const alert = string(hsds.alert);
  if (alert) {
    // HSDS says neither when an alert starts or ends, nor whether it closes the service.
    service.alerts = [{ text: { [lang]: alert } }];
    keep('alert');
  }
  const alternate = string(hsds.alternate_name);
  if (alternate) {
    service.alternateNames = alternate.split(/\s*;\s*/).filter(Boolean).map((value) => ({ [lang]: value }));
    keep('alternate_name');
  }

  const organization = hsds.organization && typeof hsds.organization === 'object' ? (hsds.organization as Record<string, unknown>) : undefined;
  const organizationName = organization ? ((organization.x_brusano as { translations?: { name?: LocalizedText } } | undefined)?.translations?.name ?? localized('', organization.name)) : undefined;
  if (organizationName) {
    const website = string(organization!.website);
    service.organization = { name: organizationName, ...(website ? { websites: [{ url: website }] } : {}) };
    keep('organization');
  } else if (organization) drop('organization: it has no name');

  // Taxonomy: the terms of the service's attributes, matched to Bruxelles Social categories.
  const categoryIds = new Set<number>();
  for (const attribute of list(hsds.attributes)) {
    const term = (attribute.taxonomy_term ?? {}) as HsdsTerm;
    const match = matchCategory(term);
    const label = string(term.name) ?? string(attribute.taxonomy_term_id) ?? 'a term';
    if (match.categoryIds.length) {
      match.categoryIds.forEach((id) => categoryIds.add(id));
      if ('by' in match && match.by !== 'code') change(`taxonomy term "${label}": mapped by ${match.by} to Bruxelles Social categor${match.categoryIds.length > 1 ? 'ies' : 'y'} ${match.categoryIds.join(', ')}`);
    } else drop(`taxonomy term "${label}": ${'reason' in match ? match.reason : 'no match'}`);
  }
  service.categoryIds = [...categoryIds];
  if (!categoryIds.size) change('no taxonomy term maps to a Bruxelles Social category: kept as uncategorised');

  // Where: the physical locations' first address; the country kept.
  const locations: Record<string, unknown>[] = [];
  const phones: Phone[] = [];
  const schedules: HsdsSchedule[] = [...list(hsds.schedules)];
  let country = 'BE';
  for (const [at, link] of list(hsds.service_at_locations).entries()) {
    schedules.push(...list(link.schedules));
    const location = link.location && typeof link.location === 'object' ? (link.location as Record<string, unknown>) : undefined;
    if (!location) continue;
    schedules.push(...list(location.schedules));
    const addresses = list(location.addresses);
    const address = addresses.find((candidate) => string(candidate.address_type) !== 'postal') ?? addresses[0];
    if (!address) {
      drop(`service_at_locations[${at}]: ${string(location.location_type) === 'virtual' ? 'a virtual location' : 'a location without an address'} has no place in the feed`);
      continue;
    }
    const mapped = addressFrom(address, lang, (message) => change(`service_at_locations[${at}] address: ${message}`));
    if (!mapped) {
      drop(`service_at_locations[${at}]: its address has no street`);
      continue;
    }
    country = (mapped.country as string | undefined) ?? 'BE';
    const latitude = Number(location.latitude);
    const longitude = Number(location.longitude);
    const givesGeo = location.latitude !== undefined && location.latitude !== null && location.longitude !== undefined && location.longitude !== null;
    const hasGeo = givesGeo && typeof location.latitude !== 'boolean' && Number.isFinite(latitude) && Number.isFinite(longitude);
    if (givesGeo && !hasGeo) drop(`service_at_locations[${at}] latitude/longitude: "${String(location.latitude)}", "${String(location.longitude)}" are not coordinates`);
    const access = list(location.accessibility).flatMap((entry) => [string(entry.description), string(entry.details)].filter(Boolean)).join('; ');
    locations.push({
      ...(string(location.name) ? { name: { [lang]: string(location.name) } } : {}),
      address: mapped,
      ...(hasGeo ? { geo: { lat: latitude, lon: longitude } } : {}),
      ...(access ? { accessibility: { text: { [lang]: access } } } : {}),
    });
    phones.push(...phonesFrom(list(link.phones).concat(list(location.phones)), country, lang, change));
    if (addresses.length > 1) change(`service_at_locations[${at}]: ${addresses.length - 1} more address(es) left out (one per location)`);
  }
  if (locations.length) {
    service.locations = locations;
    keep('service_at_locations');
  }
  phones.unshift(...phonesFrom(list(hsds.phones), country, lang, change));
  const uniquePhones = phones.filter((phone, at) => phones.findIndex((other) => (other.number ?? other.text) === (phone.number ?? phone.text) && other.extension === phone.extension) === at);
  if (uniquePhones.length) {
    service.phones = uniquePhones;
    keep('phones');
  }
  const email = string(hsds.email);
  if (email) {
    service.emails = [{ address: email }];
    keep('email');
  }
  const url = string(hsds.url);
  if (url) {
    service.websites = [{ url }];
    keep('url');
  }

  const hours = hoursFromSchedules(schedules, lang, change);
  // Hours are read as Brussels time: say so where the place keeps another one.
  if (hours?.weekly && !CENTRAL_EUROPEAN.has(country)) change(`schedules: the times are kept as written; the place is in ${country}, where the time may differ from Brussels'`);
  if (hours) {
    service.hours = hours;
    keep('schedules');
  }

  const area = areaFrom(list(hsds.service_areas), drop);
  if (area) {
    service.areaServed = area;
    keep('service_areas');
  }
  const documents = list(hsds.required_documents).flatMap((document) => (string(document.document) ? [{ [lang]: string(document.document) }] : []));
  if (documents.length) {
    service.requiredDocuments = documents;
    keep('required_documents');
  }
  for (const [field, target] of [['minimum_age', 'minimumAge'], ['maximum_age', 'maximumAge']] as const) {
    if (hsds[field] === undefined || hsds[field] === null) continue;
    const age = Number(hsds[field]);
    if (Number.isFinite(age) && age >= 0 && age <= 130) {
      service[target] = Math.round(age);
      if (!Number.isInteger(age)) change(`${field}: ${age} rounded to ${Math.round(age)} years`);
      else keep(field);
    } else drop(`${field}: "${String(hsds[field])}" is not an age in years`);
  }
  const cost = costFrom(hsds, localized, keep);
  if (cost) service.cost = cost;
  const assured = string(hsds.assured_date);
  if (assured && /^\d{4}-\d{2}-\d{2}/.test(assured)) {
    service.lastVerified = assured.slice(0, 10);
    keep('assured_date');
  } else if (assured) drop(`assured_date: "${assured}" is not a date`);
  const languages = list(hsds.languages).flatMap((language) => {
    const code = string(language.code)?.toLowerCase();
    return code && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(code) ? [code] : [];
  });
  if (languages.length) {
    service.languages = [...new Set(languages)];
    keep('languages');
  }
  for (const field of NO_PLACE) {
    const value = hsds[field];
    if (value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && !value.length)) drop(`${field}: the feed has no place for it`);
  }
  const known = new Set([...BOOKKEEPING, ...NO_PLACE, ...report.keptFields, 'alert', 'name', 'description', 'eligibility_description', 'application_process', 'wait_time', 'alternate_name', 'organization', 'attributes', 'service_at_locations', 'phones', 'email', 'url', 'schedules', 'service_areas', 'required_documents', 'minimum_age', 'maximum_age', 'fees', 'fees_description', 'cost_options', 'assured_date', 'languages']);
  for (const field of Object.keys(hsds)) if (!known.has(field)) drop(`${field}: not an HSDS service field the import knows`);
  return service;
}

function addressFrom(address: Record<string, unknown>, lang: ImportLanguage, change: (message: string) => void): Record<string, unknown> | undefined {
  const street = [string(address.address_1), string(address.address_2)].filter(Boolean).join(', ');
  if (!street) return undefined;
  const writtenCountry = string(address.country);
  const code = writtenCountry ? (/^[A-Za-z]{2}$/.test(writtenCountry) ? writtenCountry.toUpperCase() : COUNTRIES[normalizeTerm(writtenCountry)]) : 'BE';
  if (writtenCountry && !code) change(`country "${writtenCountry}" is not a country code the import knows: left out`);
  const postal = string(address.postal_code);
  const belgian = (code ?? 'BE') === 'BE';
  const city = string(address.city);
  const nis = belgian && city ? communeByName.get(normalizeTerm(city)) : undefined;
  if (postal && belgian && !/^[1-9][0-9]{3}$/.test(postal)) change(`postal_code "${postal}" is not a Belgian postal code: left out`);
  return {
    street: { [lang]: street },
    ...(postal && belgian && /^[1-9][0-9]{3}$/.test(postal) ? { postalCode: postal } : {}),
    ...(postal && !belgian ? { foreignPostalCode: postal.slice(0, 20) } : {}),
    ...(city ? { municipality: { [lang]: city } } : {}),
    ...(nis ? { nis } : {}),
    ...(code && code !== 'BE' ? { country: code } : {}),
  };
}

function phonesFrom(phones: Record<string, unknown>[], country: string, lang: ImportLanguage, change: (message: string) => void): Phone[] {
  return phones.flatMap((phone) => {
    const written = string(phone.number);
    if (!written) {
      change(`phone ${string(phone.id) ?? ''} has no number: left out`.replace('  ', ' '));
      return [];
    }
    const mapped = phoneFrom(written, { country, extension: phone.extension });
    if (!mapped) return [];
    if (mapped.text) change(`phone "${written}" could not be read as a number of ${country}: kept as text, shown and not dialled`);
    const description = string(phone.description);
    const languages = list(phone.languages).map((language) => string(language.code)?.toLowerCase());
    const phoneLang = languages.length === 1 && (languages[0] === 'fr' || languages[0] === 'nl' || languages[0] === 'en') ? languages[0] : undefined;
    return [{ ...mapped, ...(description ? { label: { [lang]: description } as LocalizedText } : {}), ...(phoneLang ? { lang: phoneLang } : {}) }];
  });
}

function areaFrom(areas: Record<string, unknown>[], drop: (message: string) => void): Record<string, unknown> | undefined {
  const communes = new Set<string>();
  let region = false;
  for (const area of areas) {
    const name = string(area.name) ?? string(area.description);
    const key = name ? normalizeTerm(name) : '';
    if (REGION_NAMES.has(key)) region = true;
    else if (communeByName.has(key)) communes.add(communeByName.get(key)!);
    else drop(`service_areas: "${name ?? '(no name)'}" is not the Brussels Region or one of its communes`);
  }
  if (region) return { region: true };
  return communes.size ? { communes: [...communes] } : undefined;
}

function costFrom(hsds: HsdsService, localized: (field: string, value?: unknown) => LocalizedText | undefined, keep: (field: string) => void): Record<string, unknown> | undefined {
  const options = list(hsds.cost_options);
  const amounts = options.map((option) => Number(option.amount)).filter(Number.isFinite);
  const free = options.length ? (amounts.length === options.length ? amounts.every((amount) => amount === 0) : options.some((option) => /free|gratuit|gratis/i.test(String(option.option ?? ''))) ? true : undefined) : undefined;
  const texts = [string(hsds.fees_description), string(hsds.fees), ...options.map((option) => string(option.amount_description))].filter(Boolean);
  if (free === undefined && !texts.length) return undefined;
  for (const field of ['cost_options', 'fees_description', 'fees']) if (hsds[field] !== undefined) keep(field);
  return { ...(free === undefined ? {} : { free }), ...(texts.length ? { text: localized('', [...new Set(texts)].join(' — ')) } : {}) };
}
