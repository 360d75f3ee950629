import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { countOpen, createClient, createServiceSearch, openFeed, prefetchServices, readFirstPage, readServices, type Service } from '@brusano/sdk';
import { serveFeed } from '@brusano/feed';
import { ROOT, SAMPLE_FEED } from '../../../test/support/paths.js';

const BIN = join(ROOT, 'packages', 'feed', 'bin', 'brusano-feed.js');
const folders: string[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true }));
  await Promise.all(closers.splice(0).map((close) => close()));
});

function scratch(): string {
  const folder = mkdtempSync(join(tmpdir(), 'brusano-build-'));
  folders.push(folder);
  return folder;
}

async function brusanoFeed(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, CI: 'true' } });
    return { code: 0, stdout };
  } catch (error) {
    return error as { code: number; stdout: string };
  }
}

/** Every file of a folder, by relative path. */
function files(folder: string, prefix = ''): Record<string, Buffer> {
  return Object.fromEntries(
    readdirSync(join(folder, prefix)).flatMap((name) => {
      const path = join(prefix, name);
      return statSync(join(folder, path)).isDirectory() ? Object.entries(files(folder, path)) : [[path, readFileSync(join(folder, path))]];
    }),
  );
}

describe('brusano-feed build', () => {
  it('writes minified datasets, a manifest with counts and SHA-256, calendars, and .gz/.br copies', async () => {
    const out = join(scratch(), 'feed');
    const { code, stdout } = await brusanoFeed('build', SAMPLE_FEED, out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^✓ built .*: \d+ records in 10 datasets, 18 calendars, 165 files/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.generatedAt).toBe(JSON.parse(readFileSync(join(SAMPLE_FEED, 'manifest.json'), 'utf8')).generatedAt);
    for (const [name, dataset] of Object.entries<{ url: string; count: number; sha256: string }>(manifest.datasets)) {
      const bytes = readFileSync(join(out, dataset.url));
      expect(createHash('sha256').update(bytes).digest('hex'), name).toBe(dataset.sha256);
      expect(JSON.parse(bytes.toString()), name).toHaveLength(dataset.count);
      expect(bytes.toString(), name).not.toContain('\n  ');
      expect(gunzipSync(readFileSync(join(out, `${dataset.url}.gz`))).equals(bytes), name).toBe(true);
      expect(brotliDecompressSync(readFileSync(join(out, `${dataset.url}.br`))).equals(bytes), name).toBe(true);
    }
    expect(manifest.calendars).toHaveLength(18);
    for (const calendar of manifest.calendars) new ICAL.Component(ICAL.parse(readFileSync(join(out, calendar.url), 'utf8')));
    expect((await brusanoFeed('validate', out)).code).toBe(0);
  });

  it('publishes the lead-ins, so the data team teaches the search a word by editing the feed', async () => {
    const source = scratch();
    for (const file of readdirSync(SAMPLE_FEED)) writeFileSync(join(source, file), readFileSync(join(SAMPLE_FEED, file)));
    const search = async (folder: string) => {
      const out = join(scratch(), 'feed');
      expect((await brusanoFeed('build', folder, out)).code).toBe(0);
      const server = await serveFeed(out);
      closers.push(server.close);
      const feed = await createClient({ feedUrl: server.url }).load();
      return createServiceSearch(feed).search('kotzoektocht');
    };
    expect((await search(source)).services).toEqual([]);
    const leadins = JSON.parse(readFileSync(join(source, 'leadins.json'), 'utf8'));
    leadins.push({ id: 'kotzoektocht', terms: { nl: ['kotzoektocht'] }, categoryIds: [10], reason: 'A test of a word taught through the feed.' });
    writeFileSync(join(source, 'leadins.json'), JSON.stringify(leadins));
    const taught = await search(source);
    expect(taught.withEveryWord).toBeGreaterThan(0);
    expect(taught.services[0]!.id).toBe('sample-logement-jette');
  });

  it('writes what the browser reads first: a first page per territory, and every service in compact form', async () => {
    const out = join(scratch(), 'feed');
    await brusanoFeed('build', SAMPLE_FEED, out);
    const server = await serveFeed(out);
    closers.push(server.close);
    const source = JSON.parse(readFileSync(join(SAMPLE_FEED, 'services.json'), 'utf8')) as Service[];
    const { categories, sectors } = await createClient({ feedUrl: server.url }).load();
    const reader = openFeed(server.url);
    const { manifest } = await reader.manifest();
    expect(manifest.browser!.firstPages.territories).toHaveLength(1 + 5 + 19);
    expect(manifest.browser!.services.count).toBe(source.length);

    // The compact services read back as the very same records, in their order.
    const read: Service[] = [];
    await readServices(reader, (batch) => read.push(...batch.services));
    expect(read).toEqual(source);

    // Asked for early (as the finder does when its first results are shown, before the reader's
    // code arrives), the compact file is then read from that one request.
    const asked: string[] = [];
    const counting: typeof fetch = (input, init) => {
      asked.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    };
    const early = openFeed(server.url, { fetch: counting, keepLastGood: false });
    await prefetchServices(early);
    const again: Service[] = [];
    await readServices(early, (batch) => again.push(...batch.services));
    expect(again).toEqual(source);
    expect(asked.filter((url) => url.endsWith(`/${manifest.browser!.services.url}`))).toHaveLength(1);

    // Each first page is what the finder's own search gives for that territory, without words.
    const search = createServiceSearch({ services: source, categories, sectors });
    for (const [territory, filters] of [['region', {}], ['bassin-nord', { bassins: ['nord'] }], ['commune-21015', { communes: ['21015'] }]] as const) {
      const page = (await readFirstPage(reader, territory))!;
      const { services, facets } = search.search('', filters);
      expect(page.total, territory).toBe(services.length);
      expect(page.services.map((service) => service.id), territory).toEqual(services.slice(0, 20).map((service) => service.id));
      const { openNow, ...counts } = facets;
      expect(page.facets, territory).toEqual(counts);
      expect(countOpen(page.hours, new Date('2026-12-01T09:30:00Z')), territory).toBe(search.search('', { ...filters, openNow: true }, { at: new Date('2026-12-01T09:30:00Z') }).services.length);
      expect(page.problems, territory).toEqual([]);
    }
    expect(await readFirstPage(reader, 'commune-99999')).toBeUndefined();
  });

  it('gives byte-identical output for the same input', async () => {
    const first = join(scratch(), 'a');
    const second = join(scratch(), 'b');
    await brusanoFeed('build', SAMPLE_FEED, first);
    await brusanoFeed('build', SAMPLE_FEED, second);
    const a = files(first);
    const b = files(second);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const [path, bytes] of Object.entries(a)) expect(b[path]!.equals(bytes), path).toBe(true);
  });

  it('refuses a source with problems and lists them', async () => {
    const source = scratch();
    for (const file of readdirSync(SAMPLE_FEED)) writeFileSync(join(source, file), readFileSync(join(SAMPLE_FEED, file)));
    const services = JSON.parse(readFileSync(join(source, 'services.json'), 'utf8'));
    services[0].areaServed = { communes: ['21099'] };
    writeFileSync(join(source, 'services.json'), JSON.stringify(services));
    const out = join(scratch(), 'feed');
    const { code, stdout } = await brusanoFeed('build', source, out);
    expect(code).toBe(1);
    expect(stdout).toContain(`services.json record 1 (${services[0].id}) /areaServed/communes/0: refers to commune 21099, which the feed does not have`);
    expect(stdout).toContain('was not built');
  });

  it('publishes a record without its bad optional fields, each a warning; refuses what the browser would skip, and everything with --strict', async () => {
    const source = scratch();
    for (const file of readdirSync(SAMPLE_FEED)) writeFileSync(join(source, file), readFileSync(join(SAMPLE_FEED, file)));
    const services = JSON.parse(readFileSync(join(source, 'services.json'), 'utf8'));
    const bad = ['javascript:alert(1)', 'htp//typo.example.org', 'https://exa mple.org/'];
    services.forEach((service: { websites?: unknown }, index: number) => (service.websites = [{ url: bad[index % bad.length] }]));
    writeFileSync(join(source, 'services.json'), JSON.stringify(services));
    const out = join(scratch(), 'feed');
    const built = await brusanoFeed('build', source, out);
    expect(built.code).toBe(0);
    expect(built.stdout.split('\n').filter((line) => line.startsWith('warning: services.json record ') && line.endsWith('/websites/0/url: must be a full http:// or https:// address (published without this field)'))).toHaveLength(services.length);
    const published = JSON.parse(readFileSync(join(out, 'services.json'), 'utf8'));
    expect(published.map((service: { id: string }) => service.id)).toEqual(services.map((service: { id: string }) => service.id));
    expect(JSON.stringify(published)).not.toContain('javascript:');

    const strict = await brusanoFeed('build', source, join(scratch(), 'strict'), '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('was not built');

    services[1].name = {};
    writeFileSync(join(source, 'services.json'), JSON.stringify(services));
    const refused = await brusanoFeed('build', source, join(scratch(), 'refused'));
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`services.json record 2 (${services[1].id}) /name: needs a text in French (fr), Dutch (nl) or English (en)`);
  });

  it('builds a feed the SDK loads from brusano-feed serve, compressed, with CORS and ETags', async () => {
    const out = join(scratch(), 'feed');
    await brusanoFeed('build', SAMPLE_FEED, out);
    const server = await serveFeed(out);
    closers.push(server.close);
    const response = await fetch(`${server.url}services.json`, { headers: { 'accept-encoding': 'br' } });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const etag = response.headers.get('etag')!;
    expect((await fetch(`${server.url}services.json`, { headers: { 'accept-encoding': 'br', 'if-none-match': etag } })).status).toBe(304);
    const feed = await createClient({ feedUrl: server.url }).load();
    expect(feed.problems).toEqual([]);
    expect(feed.manifest.calendars).toHaveLength(18);
  });

  it('serves a folder from the command line until stopped', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [BIN, 'serve', SAMPLE_FEED, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    closers.push(async () => void child.kill('SIGTERM'));
    const line = await new Promise<string>((resolve) => child.stdout.once('data', (data) => resolve(String(data))));
    const url = /(http:\/\/localhost:\d+\/)manifest\.json/.exec(line)![1]!.replace('localhost', '127.0.0.1');
    const response = await fetch(`${url}manifest.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('etag')).toMatch(/^"/);
  });

  it('exits 2 on a usage error', async () => {
    expect((await brusanoFeed('build', SAMPLE_FEED)).code).toBe(2);
    expect((await brusanoFeed('serve')).code).toBe(2);
  });
});
