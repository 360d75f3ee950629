import { afterEach, describe, expect, it } from 'vitest';
import {
  createClient,
  FeedError,
  FeedFormatError,
  FeedHttpError,
  FeedNetworkError,
  FeedTimeoutError,
} from '@brusano/sdk';
import { serveFeed } from '@brusano/feed';
import { sampleFeed, type Dataset } from '../../../test/support/feed.js';
import { sendJson, startServer, type TestServer } from '../../../test/support/http.js';
import { SAMPLE_FEED } from '../../../test/support/paths.js';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Serves the sample feed from memory, with some datasets replaced, and the manifest's paths kept. */
async function serveDocuments(replace: Partial<Record<Dataset | 'manifest', unknown>> = {}): Promise<TestServer> {
  const { manifest, datasets } = sampleFeed();
  const documents: Record<string, unknown> = { 'manifest.json': replace.manifest ?? manifest };
  for (const [name, records] of Object.entries(datasets)) documents[`${name}.json`] = replace[name as Dataset] ?? records;
  const server = await startServer((request, response) => {
    const file = request.url!.slice(1);
    if (!(file in documents)) return void response.writeHead(404).end();
    sendJson(response, documents[file]);
  });
  servers.push(server);
  return server;
}

describe('createClient().load() on a valid feed', () => {
  it('returns every record of the sample feed and no problems', async () => {
    const server = await serveFeed(SAMPLE_FEED);
    servers.push(server);
    const feed = await createClient({ feedUrl: server.url }).load();
    const expected = sampleFeed().datasets;
    expect(feed.problems).toEqual([]);
    expect(feed.bassins.map((bassin) => bassin.id)).toEqual(['nord', 'nord-est', 'centre-ouest', 'sud', 'sud-est']);
    expect(feed.communes).toHaveLength(19);
    expect(feed.services).toHaveLength(expected.services.length);
    expect(feed.events).toHaveLength(expected.events.length);
    expect(feed.manifest.sample).toBe(true);
    expect(feed.url).toBe(`${server.url}manifest.json`);
  });

  it('revalidates with ETags: an unchanged feed is answered 304 and gives the same data', async () => {
    const served = await serveFeed(SAMPLE_FEED);
    servers.push(served);
    const log: { url: string; status: number; ifNoneMatch: string | null }[] = [];
    const fetchAndLog: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      log.push({ url: request.url, status: response.status, ifNoneMatch: request.headers.get('if-none-match') });
      return response;
    };
    const client = createClient({ feedUrl: served.url, fetch: fetchAndLog });
    const first = await client.load();
    expect(log.every((entry) => entry.status === 200 && entry.ifNoneMatch === null)).toBe(true);
    log.length = 0;
    const second = await client.load();
    expect(log).toHaveLength(11); // the manifest and 10 datasets
    expect(log.every((entry) => entry.status === 304 && entry.ifNoneMatch !== null)).toBe(true);
    expect(second.services).toEqual(first.services);
  });
});

describe('createClient().load() on a feed with invalid records', () => {
  it('keeps a record whose only faults are optional fields, without them; skips a record without a name or of the wrong shape', async () => {
    const { datasets } = sampleFeed();
    const services = datasets.services;
    services[0].phones = [{ number: '02 not a number' }];
    services[1].websites = [{ url: 'javascript:alert(1)' }];
    delete services[2].name;
    services[3] = 'not a record';
    services[5].id = services[4].id; // a repeated id
    services[6].hours = { timeZone: 'Europe/Brussels', weekly: [{ days: ['someday'], intervals: [{ opens: '9h', closes: '17h' }] }] };
    services[7].locations = [{ ...services[7].locations[0], geo: { lat: 'north', lon: 4.35 } }];
    const events = datasets.events;
    events[0].status = 'maybe';
    const server = await serveDocuments({ services, events });

    const feed = await createClient({ feedUrl: server.url }).load();

    expect(feed.services).toHaveLength(services.length - 3);
    const byId = new Map(feed.services.map((service) => [service.id, service]));
    expect(byId.get(services[0].id)!.phones ?? []).toEqual([]);
    expect(byId.get(services[1].id)!.websites ?? []).toEqual([]);
    expect(byId.get(services[1].id)!.name).toEqual(services[1].name);
    expect(byId.get(services[6].id)!.hours?.weekly ?? []).toEqual([]);
    expect(byId.get(services[7].id)!.locations![0]!.geo).toBeUndefined();
    expect(byId.get(services[7].id)!.locations![0]!.address).toEqual(services[7].locations[0].address);
    expect(byId.has(services[2].id)).toBe(false);
    expect(feed.events).toHaveLength(events.length - 1); // a status is not optional
    expect(feed.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ dataset: 'services', recordId: services[0].id, index: 0, pointer: '/phones/0/number', message: expect.stringContaining('international form'), outcome: 'field-dropped' }),
        expect.objectContaining({ dataset: 'services', recordId: services[1].id, pointer: '/websites/0/url', message: expect.stringContaining('http'), outcome: 'field-dropped' }),
        expect.objectContaining({ dataset: 'services', recordId: services[2].id, pointer: '/name', message: 'is required', outcome: 'record-skipped' }),
        expect.objectContaining({ dataset: 'services', index: 3, pointer: '', outcome: 'record-skipped' }),
        expect.objectContaining({ dataset: 'services', index: 5, pointer: '/id', message: expect.stringContaining('repeats the id'), outcome: 'record-skipped' }),
        expect.objectContaining({ dataset: 'services', recordId: services[7].id, pointer: '/locations/0/geo/lat', outcome: 'field-dropped' }),
        expect.objectContaining({ dataset: 'events', recordId: events[0].id, pointer: '/status', message: 'must be one of: scheduled, cancelled, postponed', outcome: 'record-skipped' }),
      ]),
    );
  });

  it('keeps every service of a feed where each has one bad website link', async () => {
    const { datasets } = sampleFeed();
    const bad = ['javascript:alert(1)', 'htp//typo.example.org', 'https://exa mple.org/', 'www.example.org'];
    const services = datasets.services.map((service: any, index: number) => ({ ...service, websites: [{ url: bad[index % bad.length] }] }));
    const server = await serveDocuments({ services });
    const feed = await createClient({ feedUrl: server.url }).load();
    expect(feed.services.map((service) => service.id)).toEqual(services.map((service: { id: string }) => service.id));
    expect(feed.services.every((service) => !service.websites?.length)).toBe(true);
    expect(feed.problems.filter((problem) => problem.outcome === 'field-dropped')).toHaveLength(services.length);
  });
});

describe('createClient().load() when the server fails', () => {
  it('throws FeedHttpError with the status for a missing dataset (404), without retrying', async () => {
    const server = await startServer((request, response) => {
      if (request.url === '/manifest.json') return sendJson(response, sampleFeed().manifest);
      response.writeHead(404).end();
    });
    servers.push(server);
    const error = await createClient({ feedUrl: server.url, retries: 2 }).load().catch((caught) => caught);
    expect(error).toBeInstanceOf(FeedHttpError);
    expect(error).toBeInstanceOf(FeedError);
    expect(error.status).toBe(404);
    expect(error.message).toContain('404');
    const paths = server.requests.map((entry) => entry.path);
    expect(paths).toEqual([...new Set(paths)]); // 404 is not retried
  });

  it('retries a 500 the number of times allowed, then throws FeedHttpError', async () => {
    const server = await startServer((_request, response) => void response.writeHead(500).end('boom'));
    servers.push(server);
    const error = await createClient({ feedUrl: server.url, retries: 2 }).load().catch((caught) => caught);
    expect(error).toBeInstanceOf(FeedHttpError);
    expect(error.status).toBe(500);
    expect(server.requests).toHaveLength(3);
  });

  it('recovers when a retry succeeds', async () => {
    let failures = 1;
    const { manifest } = sampleFeed();
    const server = await startServer((request, response) => {
      if (request.url === '/manifest.json' && failures-- > 0) return void response.writeHead(503).end();
      if (request.url === '/manifest.json') return sendJson(response, manifest);
      sendJson(response, []);
    });
    servers.push(server);
    const feed = await createClient({ feedUrl: server.url, retries: 1 }).load();
    expect(feed.services).toEqual([]);
    expect(server.requests.filter((entry) => entry.path === '/manifest.json').map((entry) => entry.status)).toEqual([503, 200]);
  });

  it('throws FeedTimeoutError when the server stalls past the timeout', async () => {
    const server = await startServer(() => {
      /* never answers */
    });
    servers.push(server);
    const started = Date.now();
    const error = await createClient({ feedUrl: server.url, timeoutMs: 150, retries: 1 }).load().catch((caught) => caught);
    expect(error).toBeInstanceOf(FeedTimeoutError);
    expect(error.timeoutMs).toBe(150);
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('throws FeedNetworkError when nothing listens', async () => {
    const server = await startServer(() => undefined);
    await server.close();
    const error = await createClient({ feedUrl: server.url, retries: 0 }).load().catch((caught) => caught);
    expect(error).toBeInstanceOf(FeedNetworkError);
    expect(error.url).toBe(`${server.url}manifest.json`);
  });

  it('throws FeedNetworkError when the connection is reset', async () => {
    const server = await startServer((request) => void request.socket.destroy());
    servers.push(server);
    const error = await createClient({ feedUrl: server.url, retries: 0 }).load().catch((caught) => caught);
    expect(error).toBeInstanceOf(FeedNetworkError);
  });
});

describe('createClient().load() when the feed is malformed', () => {
  it('throws FeedFormatError for a dataset that is not valid JSON', async () => {
    const server = await serveDocuments({ services: '[{"id": "truncated"' });
    const error = await createClient({ feedUrl: server.url }).load().catch((caught) => caught);
    expect(error).toBeInstanceOf(FeedFormatError);
    expect(error.url).toBe(`${server.url}services.json`);
    expect(error.message).toContain('not valid JSON');
  });

  it('says so when HTML comes instead of JSON', async () => {
    const server = await serveDocuments({ manifest: '<!doctype html><title>Portal login</title>' });
    const error = await createClient({ feedUrl: server.url }).load().catch((caught) => caught);
    expect(error).toBeInstanceOf(FeedFormatError);
    expect(error.message).toContain('HTML');
  });

  it('throws FeedFormatError when a dataset is not a list', async () => {
    const server = await serveDocuments({ events: { events: [] } });
    const error = await createClient({ feedUrl: server.url }).load().catch((caught) => caught);
    expect(error).toBeInstanceOf(FeedFormatError);
    expect(error.message).toContain('list of events');
  });

  it('throws FeedFormatError listing what is wrong in an invalid manifest', async () => {
    const { manifest } = sampleFeed();
    delete manifest.datasets.services;
    const server = await serveDocuments({ manifest });
    const error = await createClient({ feedUrl: server.url }).load().catch((caught) => caught);
    expect(error).toBeInstanceOf(FeedFormatError);
    expect(error.problems).toEqual([expect.objectContaining({ dataset: 'manifest', pointer: '/datasets/services', message: 'is required' })]);
  });

  it('refuses a feed of another major schema version with a clear message', async () => {
    const { manifest } = sampleFeed();
    manifest.schemaVersion = '2.0.0';
    const server = await serveDocuments({ manifest });
    const error = await createClient({ feedUrl: server.url }).load().catch((caught) => caught);
    expect(error).toBeInstanceOf(FeedFormatError);
    expect(error.message).toContain('schema version 2.0.0');
  });
});

describe('createClient().load() on a feed without the optional taxonomy', () => {
  it('loads categories and sectors as empty lists', async () => {
    const { manifest } = sampleFeed();
    delete manifest.datasets.categories;
    delete manifest.datasets.sectors;
    const server = await serveDocuments({ manifest });
    const feed = await createClient({ feedUrl: server.url }).load();
    expect(feed.categories).toEqual([]);
    expect(feed.sectors).toEqual([]);
    expect(feed.services.length).toBeGreaterThan(0);
    expect(server.requests.map((entry) => entry.path)).not.toContain('/categories.json');
  });
});

describe('createClient options', () => {
  it('reads manifest.json when given the feed folder, and refuses non-http URLs', () => {
    expect(createClient({ feedUrl: 'http://127.0.0.1:1/feed/' }).manifestUrl).toBe('http://127.0.0.1:1/feed/manifest.json');
    expect(() => createClient({ feedUrl: 'file:///etc/passwd' })).toThrow(TypeError);
  });
});
