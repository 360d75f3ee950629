import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Agent, get as httpGet } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFeed, type FeedServer } from '@brusano/feed';
import { SAMPLE_FEED } from '../../../test/support/paths.js';

/** Sends raw bytes as one request and gives back the status line's code (0 when the server just closed). */
function raw(url: string, bytes: string, { timeoutMs = 5_000 } = {}): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    socket.setTimeout(timeoutMs, () => socket.destroy());
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) socket.destroy();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => done(Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0)));
  });
}

const request = (method: string, target: string, headers = 'Host: 127.0.0.1\r\n') => `${method} ${target} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`;

/** Paths people use to break servers: bad escapes, traversal in every spelling, NUL bytes. */
const HOSTILE_PATHS = [
  '/%c0%ae', '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd', '/%', '/%zz', '/%E0%A4%A', '/%ff%fe', '/%uff0e%uff0e/',
  '/../../../../etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/..%5c..%5cetc%5cpasswd', '/..\\..\\etc\\passwd', '/%252e%252e/%252e%252e/etc/passwd', '/....//....//etc/passwd', '/.%2e/.%2e/etc/passwd',
  '/./manifest.json', '/%00', '/manifest.json%00.html', '/manifest.json%00', '/%0d%0aSet-Cookie:%20x=1', '/calendars/..%2f..%2f..%2fetc%2fpasswd',
  '/services/%00', '/services/..%2f..%2fetc%2fpasswd', '/services/%c0%ae', '/organizations/%', '/taxonomy_terms/%2e%2e',
  '/services?search=%', '/services?search=%c0', '/services?page=%ff', '/services?per_page=1e9', '/services?modified_after=%00',
  `/services?${Array.from({ length: 3_000 }, (_, index) => `p${index}=1`).join('&')}`,
  `/services?search=${'a'.repeat(1_000)}`,
];

describe('brusano-feed serve: one request cannot stop it', () => {
  let server: FeedServer;
  let folder: string;
  beforeAll(async () => {
    folder = join(mkdtempSync(join(tmpdir(), 'brusano-serve-')), 'feed');
    cpSync(SAMPLE_FEED, folder, { recursive: true, dereference: true });
    server = await serveFeed(folder, { headersTimeoutMs: 1_000 });
  });
  afterAll(async () => {
    await server.close();
    rmSync(join(folder, '..'), { recursive: true, force: true });
  });

  async function stillServes() {
    expect((await fetch(new URL('manifest.json', server.url))).status).toBe(200);
    const services = await fetch(new URL('services?per_page=5', server.url));
    expect(services.status).toBe(200);
    expect((await services.json()).contents).toHaveLength(5);
  }

  it('answers a corpus of hundreds of hostile requests with a 4xx each, and keeps serving', async () => {
    const corpus: [string, string][] = [];
    for (const path of HOSTILE_PATHS) for (const method of ['GET', 'HEAD']) corpus.push([`${method} ${path.slice(0, 60)}`, request(method, path)]);
    for (const path of HOSTILE_PATHS) for (const prefix of ['/calendars', '/browser', '/services', '/x']) corpus.push([`GET ${prefix}${path.slice(0, 40)}`, request('GET', `${prefix}${path}`)]);
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'PROPFIND', 'FOO']) for (const path of ['/', '/services', '/manifest.json']) corpus.push([`${method} ${path}`, request(method, path)]);
    corpus.push(
      ['absolute-form target', request('GET', 'http://evil.example.org/manifest.json')],
      ['asterisk target', request('GET', '*')],
      ['no request line', 'GARBAGE\r\n\r\n'],
      ['binary', '\u0000\u0001\u0002\u0003\r\n\r\n'],
      ['huge path', request('GET', `/${'a'.repeat(40_000)}`)],
      ['huge header', request('GET', '/manifest.json', `Host: x\r\nX-Big: ${'x'.repeat(40_000)}\r\n`)],
      ['thousands of headers', request('GET', '/manifest.json', `Host: x\r\n${Array.from({ length: 2_000 }, (_, index) => `X-${index}: 1\r\n`).join('')}`)],
      ['smuggling', 'POST /services HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
      ['bad header', 'GET / HTTP/1.1\r\nHost x\r\n\r\n'],
      ['HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
    );
    expect(corpus.length).toBeGreaterThan(200);
    const statuses = await Promise.all(corpus.map(async ([name, bytes]) => [name, await raw(server.url, bytes)] as const));
    const notRefused = statuses.filter(([, status]) => status < 400 || status > 499);
    expect(notRefused).toEqual([]);
    await stillServes();
  });

  it('cuts off a client that sends its headers too slowly, while answering others', async () => {
    const slow = connect(Number(new URL(server.url).port), '127.0.0.1');
    let answer = '';
    slow.on('data', (chunk) => (answer += String(chunk)));
    const closed = new Promise<number>((done) => {
      const started = Date.now();
      slow.on('close', () => done(Date.now() - started));
      slow.on('error', () => undefined);
    });
    slow.write('GET /manifest.json HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const drip = setInterval(() => slow.writable && slow.write('X-Slow: 1\r\n'), 200);
    await stillServes();
    const after = await closed;
    clearInterval(drip);
    expect(after).toBeLessThan(5_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('answers 1 000 concurrent connections', async () => {
    const agent = new Agent({ keepAlive: false, maxSockets: 1_000 });
    const statuses = await Promise.all(
      Array.from({ length: 1_000 }, (_, index) =>
        new Promise<number>((done) => {
          httpGet(new URL(index % 2 ? 'services?per_page=20' : 'manifest.json', server.url), { agent }, (response) => {
            response.resume();
            response.on('end', () => done(response.statusCode ?? 0));
          }).on('error', () => done(0));
        }),
      ),
    );
    agent.destroy();
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    await stillServes();
  });
});
