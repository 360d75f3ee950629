import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFeed, type FeedServer } from '@brusano/feed';
import type { Service } from '@brusano/sdk';
import { sampleFeed } from '../../../test/support/feed.js';
import { SAMPLE_FEED, SHARED } from '../../../test/support/paths.js';
import { runCli, scratchFolder } from './support.js';

const SPEC = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';

/**
 * A validator per API path, from the standard's openapi.json and schema files: each response
 * schema as the profile states it, the remote schema URLs it names read from the fixtures.
 */
function openApiValidators(): (path: string) => ValidateFunction {
  const folder = join(SHARED!, 'fixtures', 'hsds-3');
  const openapi = JSON.parse(readFileSync(join(folder, 'openapi.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajvFormats.default(ajv);
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json') && name !== 'openapi.json')) {
    ajv.addSchema({ ...JSON.parse(readFileSync(join(folder, file), 'utf8')), $id: `${SPEC}${file}` });
  }
  // The "compiled" schemas are the same schemas with their references resolved.
  for (const [compiled, plain] of [['service', 'service'], ['service_list', 'service'], ['organization', 'organization'], ['organization_list', 'organization']]) {
    ajv.addSchema({ $id: `${SPEC}compiled/${compiled}.json`, $ref: `${SPEC}${plain}.json` });
  }
  const page = openapi.components.schemas.Page;
  const cache = new Map<string, ValidateFunction>();
  return (path) => {
    if (!cache.has(path)) {
      const schema = openapi.paths[path].get.responses['200'].content['application/json'].schema;
      const resolved = JSON.parse(JSON.stringify(schema).replaceAll('{"$ref":"#/components/schemas/Page"}', JSON.stringify(page)));
      // A page's schema needs its fields: the Page object says what they are, not that they are there.
      if (resolved.allOf) resolved.required = ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'];
      cache.set(path, ajv.compile(resolved));
    }
    return cache.get(path)!;
  };
}

describe.skipIf(!SHARED)('brusano-feed serve: the HSDS 3 read API', () => {
  let server: FeedServer;
  let validatorFor: (path: string) => ValidateFunction;
  const { datasets } = sampleFeed();
  beforeAll(async () => {
    server = await serveFeed(SAMPLE_FEED);
    validatorFor = openApiValidators();
  });
  afterAll(() => server.close());

  /** GETs an API path, checks the answer against the profile's schema for that route, and gives its body. */
  async function get(path: string, route: string, init: RequestInit = {}) {
    const response = await fetch(new URL(path, server.url), init);
    const body = response.status === 304 ? undefined : await response.json();
    if (response.status === 200) {
      const validate = validatorFor(route);
      expect(validate(body), `${path}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
    return { response, body };
  }

  it('says what it is at /, and serves its OpenAPI document', async () => {
    const { body } = await get('/', '/');
    expect(body).toEqual({ version: '3.0', profile: expect.stringMatching(/^https:/), openapi_url: `${server.url}openapi.json` });
    const openapi = await (await fetch(body.openapi_url)).json();
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/services', '/services/{id}', '/taxonomy_terms', '/taxonomies', '/organizations']));
  });

  it('lists the services page by page, every page valid, every service once', async () => {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const { body } = await get(`/services?page=${page}&per_page=10`, '/services');
      expect(body).toMatchObject({ total_items: datasets.services.length, total_pages: Math.ceil(datasets.services.length / 10), page_number: page, first_page: page === 1 });
      expect(body.size).toBe(body.contents.length);
      ids.push(...body.contents.map((service: { id: string }) => service.id));
      if (body.last_page) break;
    }
    expect(new Set(ids).size).toBe(datasets.services.length);
    const { body: beyond } = await get('/services?page=99&per_page=10', '/services');
    expect(beyond).toMatchObject({ empty: true, size: 0, contents: [], last_page: true });
  });

  it('gives a full nested service: organization, locations with addresses, phones, schedules', async () => {
    const { body: list } = await get('/services?search=jette&per_page=100', '/services');
    const withHours = datasets.services.find((service: Service) => service.hours?.weekly && service.locations?.length && service.phones?.length && /jette/i.test(service.name.fr ?? ''))!;
    const listed = list.contents.find((service: { name: string }) => service.name === withHours.name.fr);
    const { body } = await get(`/services/${listed.id}`, '/services/{id}');
    expect(body.organization.name).toBe(withHours.organization!.name.fr);
    expect(body.service_at_locations[0].location.addresses[0]).toMatchObject({ postal_code: withHours.locations![0]!.address.postalCode, country: 'BE' });
    expect(body.phones[0].number).toBe(withHours.phones![0]!.number);
    expect(body.schedules.length).toBeGreaterThan(0);
    expect(body.x_brusano.service).toEqual(withHours);
  });

  it('filters by search, taxonomy term and modification date', async () => {
    // The search is the finder's: accents and case aside, prefixes and typos allowed, best first.
    const { body: searched } = await get('/services?search=maison%20medicale&per_page=100', '/services');
    const named = datasets.services.filter((service: Service) => /maison médicale/i.test(service.name.fr ?? ''));
    expect(named.length).toBeGreaterThan(0);
    expect(searched.contents.slice(0, named.length).map((service: { name: string }) => service.name).sort()).toEqual(named.map((service: Service) => service.name.fr).sort());
    const { body: misspelt } = await get('/services?search=maison%20medicalle&per_page=100', '/services');
    expect(misspelt.contents[0].name).toMatch(/maison médicale/i);
    const { body: terms } = await get('/taxonomy_terms?per_page=1000', '/taxonomy_terms');
    const term = terms.contents[0];
    const { body: byTerm } = await get(`/services?taxonomy_term_id=${term.id}&per_page=100`, '/services');
    expect(byTerm.total_items).toBe(datasets.services.filter((service: Service) => service.categoryIds.includes(Number(term.code))).length);
    const { body: oneTerm } = await get(`/taxonomy_terms/${term.id}`, '/taxonomy_terms/{id}');
    expect(oneTerm).toEqual(term);
    const dates = datasets.services.map((service: Service) => service.lastVerified!).sort();
    const middle = dates[Math.floor(dates.length / 2)];
    const { body: recent } = await get(`/services?modified_after=${middle}T00:00:00Z&per_page=100`, '/services');
    expect(recent.total_items).toBe(dates.filter((date) => date >= middle!).length);
    const { body: taxonomies } = await get('/taxonomies', '/taxonomies');
    expect(taxonomies.contents.map((taxonomy: { name: string }) => taxonomy.name)).toEqual(['Bruxelles Social']);
    await get(`/taxonomies/${taxonomies.contents[0].id}`, '/taxonomies/{id}');
  });

  it('lists organizations, each with its services', async () => {
    const { body } = await get('/organizations?per_page=100', '/organizations');
    expect(body.total_items).toBe(new Set(datasets.services.map((service: Service) => service.organization?.name.fr)).size);
    const { body: one } = await get(`/organizations/${body.contents[0].id}`, '/organizations/{id}');
    expect(one.services.length).toBeGreaterThan(0);
  });

  it('answers 404 with a JSON error for an unknown id, 400 for a bad parameter', async () => {
    for (const path of ['/services/00000000-0000-4000-8000-000000000000', '/organizations/nope', '/taxonomy_terms/nope', '/taxonomies/nope']) {
      const response = await fetch(new URL(path, server.url));
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
    }
    for (const query of ['page=0', 'page=abc', 'per_page=100000', 'per_page=-1', 'modified_after=yesterday', 'format=ndjson', 'full=maybe', 'page=1&page=2', 'colour=red', `search=${'x'.repeat(500)}`]) {
      const response = await fetch(new URL(`/services?${query}`, server.url));
      expect(response.status, query).toBe(400);
      expect((await response.json()).error).toBe('bad_request');
    }
  });

  it('lets any page read it, revalidates with ETags and compresses', async () => {
    const first = await fetch(new URL('/services?per_page=50', server.url), { headers: { 'accept-encoding': 'br' } });
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    expect(first.headers.get('content-encoding')).toBe('br');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    await first.arrayBuffer();
    const again = await fetch(new URL('/services?per_page=50', server.url), { headers: { 'accept-encoding': 'br', 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const gzip = await fetch(new URL('/services?per_page=50', server.url), { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect((await gzip.json()).contents).toHaveLength(Math.min(50, datasets.services.length));
  });

  it('round trip: serve → import hsds <url> gives back the same services', async () => {
    const out = join(scratchFolder(), 'feed');
    const { code, stdout } = await runCli(['import', 'hsds', server.url, out]);
    expect(code).toBe(0);
    expect(stdout).toContain(`✓ ${datasets.services.length} of ${datasets.services.length} records imported`);
    expect(JSON.parse(readFileSync(join(out, 'services.json'), 'utf8'))).toEqual(datasets.services);
  });
});
