import { createServiceSearch, type FeedData, type Service, type ServiceSearch, type TaxonomyTerm } from '@brusano/sdk';
import { serviceToHsds, uuidFor } from '../hsds/export.js';
import { normalizeTerm } from '../hsds/taxonomy.js';
import { OPENAPI } from './openapi.js';

/** An answer of the API: a status and a JSON body. */
export interface ApiAnswer {
  status: number;
  body: unknown;
}

const HSDS_VERSION = '3.0';
const PROFILE = 'https://docs.openreferral.org/en/latest/hsds/api_reference.html';
const DEFAULT_PER_PAGE = 50;
const MAX_PER_PAGE = 1000;
const TAXONOMY = { id: uuidFor('taxonomy:social-brussels'), name: 'Bruxelles Social', description: 'The categories of the Brussels regional social and health directory (Bruxelles Social / Sociaal Brussel).', uri: 'https://social.brussels/' };

/** A parameter that is not what the API takes: answered with 400 and these words. */
class BadParameter extends Error {}

interface ApiEntry {
  service: Service;
  hsds: Record<string, unknown>;
  terms: Set<string>;
  organizationId?: string;
  modified?: number;
}

/** The feed's data, indexed once for the API's look-ups. */
export interface ApiIndex {
  services: ApiEntry[];
  /** Each service's entry, by the service object the search gives back. */
  entries: Map<Service, ApiEntry>;
  /** The directory's own search (synonyms, prefixes, typos), so the API answers `search` as the finder does. */
  search: ServiceSearch;
  byId: Map<string, Record<string, unknown>>;
  terms: Record<string, unknown>[];
  organizations: Map<string, { organization: Record<string, unknown>; serviceIds: string[] }>;
}

export function indexForApi(data: Pick<FeedData, 'services'> & Partial<Pick<FeedData, 'categories' | 'sectors' | 'communes' | 'bassins'>>): ApiIndex {
  const categories = new Map<number, TaxonomyTerm>((data.categories ?? []).map((category) => [category.id, category]));
  const services: ApiIndex['services'] = [];
  const byId = new Map<string, Record<string, unknown>>();
  const organizations: ApiIndex['organizations'] = new Map();
  for (const service of data.services) {
    const hsds = serviceToHsds(service, categories);
    const organization = hsds.organization as Record<string, unknown> | undefined;
    services.push({
      service,
      hsds,
      terms: new Set(service.categoryIds.flatMap((id) => [String(id), uuidFor(`social-brussels:category:${id}`)])),
      ...(organization ? { organizationId: String(organization.id) } : {}),
      ...(service.lastVerified ? { modified: Date.parse(`${service.lastVerified}T00:00:00Z`) } : {}),
    });
    byId.set(String(hsds.id), hsds);
    byId.set(service.id, hsds);
    if (organization) {
      const entry = organizations.get(String(organization.id)) ?? { organization, serviceIds: [] };
      entry.serviceIds.push(String(hsds.id));
      organizations.set(String(organization.id), entry);
    }
  }
  const used = new Set(data.services.flatMap((service) => service.categoryIds));
  const terms = [...used].sort((a, b) => a - b).map((id) => {
    const category = categories.get(id);
    return {
      id: uuidFor(`social-brussels:category:${id}`),
      code: String(id),
      name: category?.title.fr ?? String(id),
      description: category ? `${category.title.fr} / ${category.title.nl}` : 'Bruxelles Social category',
      taxonomy: TAXONOMY.name,
      taxonomy_id: TAXONOMY.id,
      language: 'fr',
      ...(category ? { x_brusano: { translations: { name: category.title } } } : {}),
    };
  });
  const { communes, bassins } = data;
  const search = createServiceSearch({ services: data.services, categories: data.categories ?? [], sectors: data.sectors ?? [], ...(communes?.length ? { communes } : {}), ...(bassins?.length ? { bassins } : {}) });
  const entries = new Map(services.map((entry) => [entry.service, entry]));
  return { services, entries, search, byId, terms, organizations };
}

/** An integer query parameter within bounds, its default when absent. */
function integer(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const value = query.get(name);
  if (value === null) return fallback;
  if (!/^[0-9]{1,9}$/.test(value) || Number(value) < min || Number(value) > max) throw new BadParameter(`${name} must be a whole number from ${min} to ${max}`);
  return Number(value);
}

function flag(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  if (value === null || value === 'false') return false;
  if (value === 'true' || value === '') return true;
  throw new BadParameter(`${name} must be true or false`);
}

/** The HSDS Page object around one page of items. */
function page<T>(items: readonly T[], query: URLSearchParams, map: (item: T) => unknown = (item) => item): Record<string, unknown> {
  const perPage = integer(query, 'per_page', DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
  const number = integer(query, 'page', 1, 1, 1_000_000);
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const contents = items.slice((number - 1) * perPage, number * perPage).map(map);
  return { total_items: items.length, total_pages: totalPages, page_number: number, size: contents.length, first_page: number === 1, last_page: number >= totalPages, empty: contents.length === 0, contents };
}

/** A service as listed: its one-to-one fields, without the nested lists and the Brusano record. */
function listed(hsds: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(hsds).filter(([key, value]) => !Array.isArray(value) && key !== 'organization' && key !== 'x_brusano'));
}

const COLLECTIONS = ['services', 'taxonomy_terms', 'taxonomies', 'organizations'] as const;
/** The query parameters each collection takes, as the profile (openapi.ts) lists them. */
const PARAMETERS: Record<string, readonly string[]> = Object.fromEntries(
  COLLECTIONS.map((collection) => {
    const listed = (OPENAPI.paths[`/${collection}`].get.parameters as readonly { $ref?: string; name?: string }[]).map((parameter) => parameter.name ?? parameter.$ref!.split('/').pop()!);
    return [collection, listed];
  }),
);

/** True for the paths the API answers: `/`, and a collection or one of its items. */
export function isApiPath(path: string): boolean {
  const [collection, id, ...rest] = path.split('/').filter(Boolean);
  return path === '/' || (collection !== undefined && Object.hasOwn(PARAMETERS, collection) && rest.length === 0);
}

/** What `/` says: the HSDS version, the profile and where its OpenAPI document is. */
export function apiInfo(base: string): ApiAnswer {
  return { status: 200, body: { version: HSDS_VERSION, profile: PROFILE, openapi_url: `${base}openapi.json` } };
}

/**
 * Answers an HSDS 3 API request for a collection (`/services`, `/taxonomy_terms`,
 * `/taxonomies`, `/organizations`) or one of its items (`/services/{id}`…).
 */
export function answerApi(path: string, query: URLSearchParams, data: ApiIndex): ApiAnswer {
  const [collection, id] = path.split('/').filter(Boolean) as [string, string | undefined];
  try {
    for (const name of new Set(query.keys())) if (query.getAll(name).length > 1) throw new BadParameter(`${name} is given more than once`);
    if (id === undefined) for (const name of query.keys()) if (!PARAMETERS[collection]!.includes(name)) throw new BadParameter(`${name} is not a parameter of /${collection}`);
    const format = query.get('format');
    if (format !== null && format !== 'json') throw new BadParameter('format must be json (ndjson is not offered)');
    const search = query.get('search');
    if (search !== null && search.length > 200) throw new BadParameter('search must be at most 200 characters');
    const words = search ? normalizeTerm(search).split(' ').filter(Boolean) : [];
    switch (collection) {
      case 'services': {
        if (id !== undefined) {
          const found = data.byId.get(id);
          return found ? { status: 200, body: found } : notFound('service', id);
        }
        const termId = query.get('taxonomy_term_id');
        const taxonomyId = query.get('taxonomy_id');
        const organizationId = query.get('organization_id');
        const after = query.get('modified_after');
        const afterTime = after === null ? undefined : Date.parse(after);
        if (after !== null && (!/^\d{4}-\d{2}-\d{2}/.test(after) || Number.isNaN(afterTime))) throw new BadParameter('modified_after must be a date and time, like 2026-01-31T00:00:00Z');
        const full = flag(query, 'full');
        const minimal = flag(query, 'minimal');
        // With a search, the best matches first, as the finder ranks them.
        const matching = search?.trim() ? relevant(data, search) : data.services;
        const chosen = matching.filter(
          (entry) =>
            (termId === null || entry.terms.has(termId)) &&
            (taxonomyId === null || (taxonomyId === TAXONOMY.id && entry.terms.size > 0)) &&
            (organizationId === null || entry.organizationId === organizationId) &&
            (afterTime === undefined || (entry.modified !== undefined && entry.modified >= afterTime)),
        );
        return { status: 200, body: page(chosen, query, ({ hsds }) => (minimal ? { id: hsds.id, last_modified: hsds.last_modified } : full ? hsds : listed(hsds))) };
      }
      case 'taxonomy_terms': {
        if (id !== undefined) {
          const found = data.terms.find((term) => term.id === id || term.code === id);
          return found ? { status: 200, body: found } : notFound('taxonomy term', id);
        }
        const taxonomyId = query.get('taxonomy_id');
        if (query.get('parent_id') !== null) return { status: 200, body: page([], query) }; // the categories are one level
        flag(query, 'top_only');
        const chosen = data.terms.filter((term) => (taxonomyId === null || taxonomyId === TAXONOMY.id) && words.every((word) => normalizeTerm(String(term.description)).includes(word)));
        return { status: 200, body: page(chosen, query) };
      }
      case 'taxonomies': {
        if (id !== undefined) return id === TAXONOMY.id ? { status: 200, body: TAXONOMY } : notFound('taxonomy', id);
        return { status: 200, body: page(words.every((word) => normalizeTerm(TAXONOMY.name).includes(word)) ? [TAXONOMY] : [], query) };
      }
      case 'organizations': {
        const fullServices = flag(query, 'full_service');
        const withServices = (entry: { organization: Record<string, unknown>; serviceIds: string[] }) => {
          const { x_brusano, ...organization } = entry.organization;
          return { ...organization, ...(x_brusano ? { x_brusano } : {}), services: entry.serviceIds.map((serviceId) => (fullServices ? data.byId.get(serviceId)! : listed(data.byId.get(serviceId)!))) };
        };
        if (id !== undefined) {
          const found = data.organizations.get(id);
          return found ? { status: 200, body: withServices(found) } : notFound('organization', id);
        }
        const full = flag(query, 'full');
        const chosen = [...data.organizations.values()].filter((entry) => words.every((word) => normalizeTerm(String(entry.organization.name)).includes(word)));
        return { status: 200, body: page(chosen, query, (entry) => (full || fullServices ? withServices(entry) : entry.organization)) };
      }
    }
    return notFound('route', path);
  } catch (error) {
    if (error instanceof BadParameter) return { status: 400, body: { error: 'bad_request', message: error.message } };
    throw error;
  }
}

function relevant(data: ApiIndex, text: string): ApiIndex['services'] {
  return data.search.search(text).services.map((service) => data.entries.get(service)!);
}

function notFound(what: string, id: string): ApiAnswer {
  return { status: 404, body: { error: 'not_found', message: `No ${what} has the id ${JSON.stringify(id.slice(0, 100))}.` } };
}
