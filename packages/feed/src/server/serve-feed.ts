import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

export interface FeedServer {
  /** Base URL of the served folder, ending with /. */
  url: string;
  server: Server;
  close(): Promise<void>;
}

export interface ServeFeedOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Serves a feed folder over HTTP on this machine, with CORS (any origin may read it) and ETags
 * (clients revalidate with If-None-Match and get 304 when nothing changed).
 *
 * @example
 * const { url, close } = await serveFeed('examples/feed');
 * const feed = await createClient({ feedUrl: url }).load();
 * await close();
 */
export async function serveFeed(directory: string, { host = '127.0.0.1', port = 0 }: ServeFeedOptions = {}): Promise<FeedServer> {
  const root = resolve(directory);
  const server = createServer(async (request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Expose-Headers', 'ETag');
    // Pages that use the feed may measure how long its files take (Resource Timing).
    response.setHeader('Timing-Allow-Origin', '*');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { 'Access-Control-Allow-Headers': 'If-None-Match', 'Access-Control-Allow-Methods': 'GET, HEAD' }).end();
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      // A built feed has .br and .gz copies next to each file: send one when the client takes it.
      const accepted = String(request.headers['accept-encoding'] ?? '');
      let body = await readFile(file);
      let encoding: string | undefined;
      for (const [name, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
        if (!accepted.includes(name)) continue;
        const compressed = await readFile(file + suffix).catch(() => undefined);
        if (compressed) {
          body = compressed;
          encoding = name;
          break;
        }
      }
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      const headers: Record<string, string> = {
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        Vary: 'Accept-Encoding',
        ETag: etag,
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
      };
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, headers).end();
        return;
      }
      response.writeHead(200, { ...headers, 'Content-Length': body.length });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
