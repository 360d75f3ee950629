import { createRequire } from 'node:module';
import { communes as referenceCommunes } from '@brusano/sdk/reference';
import { resolveTerritory, validateDataset, type Phone, type Service, type TaxonomyTerm } from '@brusano/sdk';
import { phoneFrom } from './phones.js';
import { recordReport, type RecordReport } from './report.js';

// The whole Bruxelles Social taxonomy ships as JSON with the SDK (too large to embed in its code).
const referenceCategories = createRequire(import.meta.url)('@brusano/sdk/reference/categories.json') as TaxonomyTerm[];

/** An organisation record as the Bruxelles Social API serves it (fixtures/social-brussels/organisation-fields.json). */
export type SocialBrusselsRecord = Record<string, unknown>;

/**
 * Bruxelles Social language ids → BCP 47 codes (fixtures/social-brussels/languages.json).
 * Sign languages: sfb (LSFB) and vgt (VGT); 847 and 848 are the interpreting and mediation services.
 */
const LANGUAGE_CODES: Record<number, string> = {
  739: 'fr', 740: 'nl', 741: 'aa', 742: 'sq', 743: 'de', 744: 'am', 745: 'en', 746: 'ar', 747: 'ar-MA', 748: 'arc', 749: 'hy', 750: 'az',
  751: 'bm', 752: 'bn', 753: 'be', 754: 'bs', 755: 'bg', 756: 'ks', 757: 'yue', 758: 'ca', 759: 'si', 760: 'ko', 761: 'hr', 762: 'da', 763: 'prs',
  764: 'dyu', 765: 'es', 766: 'ee', 767: 'fi', 768: 'fon', 769: 'ka', 770: 'el', 771: 'gu', 772: 'hak', 773: 'ha', 774: 'mey', 775: 'he',
  776: 'hi', 777: 'hu', 778: 'ig', 779: 'id', 780: 'it', 781: 'ja', 782: 'kab', 783: 'kk', 784: 'km', 785: 'ky', 786: 'kg', 787: 'rw', 788: 'rn',
  789: 'yaf', 790: 'kri', 791: 'ku', 792: 'sfb', 793: 'lo', 794: 'lv', 795: 'ln', 796: 'lt', 797: 'mk', 798: 'ml', 799: 'mnk', 800: 'cmn',
  801: 'mn', 802: 'cnr', 803: 'mos', 804: 'ne', 805: 'no', 806: 'om', 807: 'ug', 808: 'ur', 809: 'uz', 810: 'ps', 811: 'pa', 812: 'fa', 813: 'ff',
  814: 'fil', 815: 'pl', 816: 'pt', 817: 'rif', 818: 'rom', 819: 'ro', 820: 'ru', 821: 'sr', 822: 'sk', 823: 'sl', 824: 'so', 825: 'sus',
  826: 'sv', 827: 'sw', 828: 'tl', 829: 'ta', 830: 'cs', 831: 'ce', 832: 'tll', 833: 'th', 834: 'bo', 835: 'ti', 836: 'lua', 837: 'tn',
  838: 'tr', 839: 'tk', 840: 'tw', 841: 'uk', 842: 'vi', 843: 'vgt', 844: 'wo', 845: 'yi', 846: 'dje', 1168: 'rmt', 1169: 'tg',
};
const INTERPRETING = 847;
const MEDIATION = 848;
/** Bruxelles Social service types (fixtures/social-brussels/service-types.json). */
const SERVICE_TYPES: Record<number, NonNullable<Service['serviceTypes']>[number]> = { 733: 'at-home', 734: 'online', 735: 'residential', 736: 'on-site', 737: 'by-phone', 738: 'street-work' };
/** Bruxelles Social zones that stand for the whole Region or a whole commune (fixtures/social-brussels/zones.json). */
const REGION_ZONE = 268;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const pair = (record: SocialBrusselsRecord, field: string) => {
  const fr = text(record[`${field}Fr`]);
  const nl = text(record[`${field}Nl`]);
  return fr || nl ? { ...(fr ? { fr } : {}), ...(nl ? { nl } : {}) } : undefined;
};

/** A Belgian number as written in Bruxelles Social ("02/318.60.54", "0032 ..."), in international form; undefined when it is not a number. */
export function belgianPhone(value: string): string | undefined {
  return phoneFrom(value)?.number;
}

/** "https://…" for a web address written with or without its scheme; undefined for anything else. */
function website(value: string): string | undefined {
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value.replace(/^\/+/, '')}`;
  try {
    const url = new URL(candidate);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** dd/mm/yy or dd/mm/yyyy (Bruxelles Social's lastUpdate), or an ISO date, as YYYY-MM-DD. */
export function lastUpdateDate(value: unknown): string | undefined {
  const written = text(value);
  if (!written) return undefined;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(written)?.[1];
  if (iso) return iso;
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(written);
  if (!match) return undefined;
  const [, day, month, year] = match;
  const fullYear = year!.length === 2 ? `20${year}` : year!;
  const date = `${fullYear}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : undefined; // 31/02 is not a day
}

function geo(location: unknown): { lat: number; lon: number } | undefined {
  if (Array.isArray(location) && location.length === 2) return { lon: Number(location[0]), lat: Number(location[1]) }; // geo_point arrays are [lon, lat]
  if (typeof location === 'string') {
    const [lat, lon] = location.split(',').map(Number);
    return lat !== undefined && lon !== undefined ? { lat, lon } : undefined;
  }
  if (location && typeof location === 'object' && 'lat' in location && 'lon' in location) return { lat: Number(location.lat), lon: Number(location.lon) };
  return undefined;
}

const knownCategories = new Set(referenceCategories.map((category) => category.id));
const communeOfZone = new Map<number, string>([
  ...referenceCommunes.filter((commune) => commune.zoneId !== undefined).map((commune) => [commune.zoneId!, commune.nis] as [number, string]),
  ...referenceCommunes.flatMap((commune) => (commune.subAreas ?? []).filter((area) => area.zoneId !== undefined).map((area) => [area.zoneId!, commune.nis] as [number, string])),
]);

/** The fields the import maps (fixtures/social-brussels/organisation-fields.json); any other that is filled is reported. */
const MAPPED = new Set(['id', 'legalStatusId', 'isInterpreting', 'address', 'categoryIds', 'languageIds', 'serviceTypeIds', 'zoneIds', 'companyNumber', 'lastUpdate', ...['name', 'otherName', 'oldName', 'mission', 'activities', 'tel', 'email', 'website', 'public', 'openingHours', 'permanency'].flatMap((field) => [`${field}Fr`, `${field}Nl`])]);
const MAPPED_IN_ADDRESS = new Set(['location', 'streetFr', 'streetNl', 'number', 'numberBuilding', 'zipCode', 'postalBox', 'municipalityFr', 'municipalityNl']);
const filled = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0) && !(typeof value === 'string' && !value.trim());

/**
 * Maps Bruxelles Social organisation records to Brusano services, through the fixture taxonomies.
 * A record is kept whenever it has an id and a name in French or Dutch; a field that can't be
 * read is left out, and the report says, record by record, what was kept, changed and dropped.
 *
 * @example
 * const { services, reports } = importSocialBrussels(JSON.parse(text));
 */
export function importSocialBrussels(records: readonly unknown[], { source, seenIds = new Set() }: { source?: string; seenIds?: Set<string> } = {}): { services: Service[]; reports: RecordReport[] } {
  const services: Service[] = [];
  const reports: RecordReport[] = [];
  records.forEach((input, index) => {
    const record = (input !== null && typeof input === 'object' && !Array.isArray(input) ? input : {}) as SocialBrusselsRecord;
    const rawId = typeof record.id === 'number' || typeof record.id === 'string' ? String(record.id).trim() : '';
    const report = recordReport(index, rawId || undefined, source);
    reports.push(report);
    const note = (message: string) => report.changed.push(message);
    const drop = (message: string) => report.dropped.push(message);
    const sourceId = rawId;
    const recordId = `sb-${sourceId}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
    const name = pair(record, 'name');
    if (!sourceId || !name) {
      drop(!sourceId ? 'no id' : 'no name in French or Dutch');
      return;
    }
    const service: Record<string, unknown> = { id: recordId, name, organization: { name } };
    const alternateNames = [pair(record, 'otherName'), pair(record, 'oldName')].filter(Boolean);
    if (alternateNames.length) service.alternateNames = alternateNames;
    const mission = pair(record, 'mission');
    const activities = pair(record, 'activities');
    if (mission || activities) {
      service.description = Object.fromEntries(
        (['fr', 'nl'] as const).flatMap((lang) => {
          const parts = [mission?.[lang], activities?.[lang]].filter(Boolean);
          return parts.length ? [[lang, parts.join('\n\n')]] : [];
        }),
      );
    }
    if (Number.isInteger(record.legalStatusId)) (service.organization as Record<string, unknown>).legalStatusId = record.legalStatusId;
    else if (filled(record.legalStatusId)) drop(`legalStatusId "${String(record.legalStatusId)}" is not a legal status id`);
    const companyNumber = text(record.companyNumber)?.replace(/^BE\s?/i, '').replace(/\s/g, '');
    if (companyNumber && /^[01]\d{3}\.?\d{3}\.?\d{3}$/.test(companyNumber)) (service.organization as Record<string, unknown>).companyNumber = companyNumber;
    else if (companyNumber) drop(`companyNumber "${companyNumber}" is not a Belgian enterprise number`);

    const categoryIds = (Array.isArray(record.categoryIds) ? record.categoryIds : []).map(Number);
    const unknownCategories = categoryIds.filter((id) => !knownCategories.has(id));
    if (unknownCategories.length) drop(`categoryIds ${unknownCategories.join(', ')} are not in the Bruxelles Social taxonomy`);
    service.categoryIds = [...new Set(categoryIds.filter((id) => knownCategories.has(id)))];
    if (!(service.categoryIds as number[]).length) note('no known category: kept as uncategorised');

    const languageIds = (Array.isArray(record.languageIds) ? record.languageIds : []).map(Number);
    const languages = languageIds.flatMap((id) => (LANGUAGE_CODES[id] ? [LANGUAGE_CODES[id]!] : []));
    const support = [
      ...(record.isInterpreting === true || languageIds.includes(INTERPRETING) ? ['social-interpreting'] : []),
      ...(languageIds.includes(MEDIATION) ? ['intercultural-mediation'] : []),
    ];
    const unknownLanguages = languageIds.filter((id) => !LANGUAGE_CODES[id] && id !== INTERPRETING && id !== MEDIATION);
    if (unknownLanguages.length) drop(`languageIds ${unknownLanguages.join(', ')} are not in languages.json`);
    if (languages.length) service.languages = [...new Set(languages)];
    if (support.length) service.languageSupport = support;

    const typeIds = (Array.isArray(record.serviceTypeIds) ? record.serviceTypeIds : []).map(Number);
    const types = [...new Set(typeIds.flatMap((id) => (SERVICE_TYPES[id] ? [SERVICE_TYPES[id]!] : [])))];
    const unknownTypes = typeIds.filter((id) => !SERVICE_TYPES[id]);
    if (unknownTypes.length) drop(`serviceTypeIds ${unknownTypes.join(', ')} are not in service-types.json`);

    const address = record.address !== null && typeof record.address === 'object' && !Array.isArray(record.address) ? (record.address as Record<string, unknown>) : undefined;
    if (!address && filled(record.address)) drop('address: not an address object');
    const street = address ? pair(address, 'street') : undefined;
    const postalCode = address?.zipCode !== undefined ? String(address.zipCode).trim() : undefined;
    if (street && postalCode && /^[1-9]\d{3}$/.test(postalCode)) {
      const territory = resolveTerritory(postalCode);
      const location: Record<string, unknown> = {
        address: {
          street,
          ...(text(address!.number) ? { number: [text(address!.number), text(address!.numberBuilding)].filter(Boolean).join(' ') } : {}),
          ...(text(address!.postalBox) ? { box: text(address!.postalBox) } : {}),
          postalCode,
          ...(pair(address!, 'municipality') ? { municipality: pair(address!, 'municipality') } : {}),
          ...(territory.communes.length === 1 ? { nis: territory.communes[0]!.nis } : {}),
        },
      };
      const point = geo(address!.location);
      if (point && Math.abs(point.lat) <= 90 && Math.abs(point.lon) <= 180) location.geo = point;
      else if (address!.location !== undefined && address!.location !== null) drop(`address.location ${JSON.stringify(address!.location).slice(0, 60)} is not a point`);
      service.locations = [location];
      if (territory.status === 'outside-region') note(`postal code ${postalCode} is outside the Brussels Region`);
    } else if (address && Object.values(address).some((value) => value !== null && value !== '')) {
      drop('address: no street, or a postal code that is not Belgian');
    }
    for (const [field, value] of Object.entries(address ?? {})) if (!MAPPED_IN_ADDRESS.has(field) && filled(value)) drop(`address.${field}: the feed has no place for it`);
    if (types.length) service.serviceTypes = types;

    const phones: Phone[] = [];
    for (const lang of ['fr', 'nl'] as const) {
      const written = text(record[`tel${lang === 'fr' ? 'Fr' : 'Nl'}`]);
      if (!written) continue;
      for (const part of written.split(/[;,]| ou | of /)) {
        if (!part.trim()) continue;
        const phone = phoneFrom(part);
        if (phone?.text) note(`phone "${part.trim()}" could not be read as a number: kept as text, shown and not dialled`);
        if (phone && !phones.some((other) => (other.number ?? other.text) === (phone.number ?? phone.text))) phones.push(phone);
      }
    }
    if (phones.length) service.phones = phones;
    const emails: { address: string; lang?: 'fr' | 'nl' }[] = [];
    for (const lang of ['fr', 'nl'] as const) {
      const address = text(record[`email${lang === 'fr' ? 'Fr' : 'Nl'}`]);
      if (!address) continue;
      if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
        const existing = emails.find((email) => email.address === address);
        if (existing) delete existing.lang;
        else emails.push({ address, lang });
      } else drop(`email${lang === 'fr' ? 'Fr' : 'Nl'} "${address}" is not an e-mail address`);
    }
    if (emails.length) service.emails = emails;
    const websites: { url: string; lang?: 'fr' | 'nl' }[] = [];
    for (const lang of ['fr', 'nl'] as const) {
      const written = text(record[`website${lang === 'fr' ? 'Fr' : 'Nl'}`]);
      if (!written) continue;
      const url = website(written);
      if (!url) drop(`website${lang === 'fr' ? 'Fr' : 'Nl'} "${written}" is not an http(s) address`);
      else {
        const existing = websites.find((site) => site.url === url);
        if (existing) delete existing.lang;
        else websites.push({ url, lang });
      }
    }
    if (websites.length) service.websites = websites;

    const hours = pair(record, 'openingHours') ?? pair(record, 'permanency');
    if (hours) service.hours = { timeZone: 'Europe/Brussels', text: hours };
    const publicText = pair(record, 'public');
    if (publicText) service.publicText = publicText;
    for (const [field, value] of Object.entries(record)) if (!MAPPED.has(field) && filled(value)) drop(`${field}: the feed has no place for it`);

    const zoneIds = (Array.isArray(record.zoneIds) ? record.zoneIds : []).map(Number);
    if (zoneIds.includes(REGION_ZONE)) service.areaServed = { region: true };
    else if (zoneIds.length) {
      const communes = [...new Set(zoneIds.flatMap((id) => (communeOfZone.has(id) ? [communeOfZone.get(id)!] : [])))];
      const unmapped = zoneIds.filter((id) => !communeOfZone.has(id));
      if (communes.length) service.areaServed = { communes };
      if (unmapped.length) drop(`zoneIds ${unmapped.join(', ')} (quartiers) have no commune in our sources`);
    }

    const verified = lastUpdateDate(record.lastUpdate);
    if (verified) service.lastVerified = verified;
    else if (record.lastUpdate !== undefined && record.lastUpdate !== null && record.lastUpdate !== '') drop(`lastUpdate "${String(record.lastUpdate)}" is not a date`);
    service.sourceIds = [{ system: 'social-brussels', id: sourceId.slice(0, 200) }];

    const { records: kept, problems } = validateDataset('services', [service], { dropInvalidFields: true });
    for (const problem of problems) (problem.outcome === 'record-skipped' ? drop : note)(`${problem.pointer || 'record'} ${problem.message}${problem.outcome === 'field-dropped' ? ': left out' : ''}`);
    const valid = kept[0];
    if (!valid) return;
    if (seenIds.has(valid.id)) {
      drop(`its id repeats an earlier record's (${valid.id})`);
      return;
    }
    seenIds.add(valid.id);
    report.kept = true;
    report.id = valid.id;
    report.keptFields.push(...Object.keys(valid));
    services.push(valid);
  });
  return { services, reports };
}
