import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { checkFeedDirectory } from '../feed-directory.js';
import { answerApi, apiInfo, indexForApi, isApiPath, type ApiIndex } from './hsds-api.js';
import { OPENAPI } from './openapi.js';

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
  /** How long a client may take to send its request headers, in ms (slow clients are cut off). Default 10 000. */
  headersTimeoutMs?: number;
}

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
const JSON_TYPE = CONTENT_TYPES['.json']!;
/** More query parameters than any route takes: a request with more is refused, not parsed. */
const MAX_PARAMETERS = 50;
/** Answers of the API kept ready, per URL and encoding, until the feed changes. */
const CACHED_ANSWERS = 500;
/** Files kept ready, compressed, per file version and encoding: a feed without .br/.gz copies is compressed once. */
const CACHED_FILES = 100;

/** A request the server refuses, with its status and a sentence saying why. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Body {
  bytes: Buffer;
  type: string;
  encoding?: Encoding;
}

type Encoding = 'br' | 'gzip';

/** The compression the client takes, brotli first. */
function encodingOf(request: IncomingMessage): Encoding | undefined {
  const accepted = String(request.headers['accept-encoding'] ?? '').slice(0, 200);
  return /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
}

/** Compresses a body in the client's encoding, if it is worth it. */
function compress(bytes: Buffer, encoding: Encoding | undefined): { bytes: Buffer; encoding?: Encoding } {
  if (bytes.length < 1024 || !encoding) return { bytes };
  return encoding === 'br' ? { bytes: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), encoding } : { bytes: gzipSync(bytes, { level: 6 }), encoding };
}

const etagOf = (bytes: Buffer) => `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;

/** A small store of answers ready to send (compressed, with their ETag), the oldest let go first. */
class Answers {
  private readonly entries = new Map<string, Body & { etag: string }>();
  constructor(private readonly size: number) {}
  get(key: string) {
    return this.entries.get(key);
  }
  set(key: string, body: Body): Body & { etag: string } {
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    const ready = { ...body, etag: etagOf(body.bytes) };
    this.entries.set(key, ready);
    return ready;
  }
  clear() {
    this.entries.clear();
  }
}

/** The path of the request, decoded; refused when it is malformed or could reach outside the folder. */
function requestPath(request: IncomingMessage): { path: string; query: URLSearchParams } {
  const target = request.url ?? '';
  if (!target.startsWith('/')) throw new Refusal(400, 'The request target must be a path.');
  const questionMark = target.indexOf('?');
  const rawPath = questionMark < 0 ? target : target.slice(0, questionMark);
  const rawQuery = questionMark < 0 ? '' : target.slice(questionMark + 1);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    throw new Refusal(400, 'The path is not valid percent-encoding.');
  }
  if (/[\u0000-\u001f\u007f\\]/.test(path)) throw new Refusal(400, 'The path holds a control character or a backslash.');
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) throw new Refusal(400, 'The path holds a "." or ".." segment.');
  if ((rawQuery.match(/&/g)?.length ?? 0) >= MAX_PARAMETERS) throw new Refusal(400, `The query has more than ${MAX_PARAMETERS} parameters.`);
  let query: URLSearchParams;
  try {
    // URLSearchParams replaces malformed escapes rather than throwing: check them first.
    decodeURIComponent(rawQuery.replace(/\+/g, ' '));
    query = new URLSearchParams(rawQuery);
  } catch {
    throw new Refusal(400, 'The query is not valid percent-encoding.');
  }
  return { path, query };
}

/**
 * Serves a feed folder over HTTP on this machine, with CORS (any origin may read it), ETags
 * (clients revalidate with If-None-Match and get 304 when nothing changed) and compression;
 * and answers the Open Referral HSDS 3 read API from the feed's services (`/`, `/services`,
 * `/services/{id}`, `/taxonomy_terms`, `/taxonomies`, `/organizations`). Any malformed or
 * hostile request gets a 4xx and the server keeps serving.
 *
 * @example
 * const { url, close } = await serveFeed('examples/feed');
 * const feed = await createClient({ feedUrl: url }).load();
 * await close();
 */
export async function serveFeed(directory: string, { host = '127.0.0.1', port = 0, headersTimeoutMs = 10_000 }: ServeFeedOptions = {}): Promise<FeedServer> {
  const root = await realpath(resolve(directory));
  let base = '';
  let api: { version: number; index: ApiIndex } | undefined;
  let loading: Promise<ApiIndex> | undefined;
  const answers = new Answers(CACHED_ANSWERS);
  const files = new Answers(CACHED_FILES);

  /** The API's index of the feed, read again when manifest.json changes. */
  async function apiIndex(): Promise<ApiIndex> {
    const version = (await stat(join(root, 'manifest.json')).catch(() => undefined))?.mtimeMs ?? 0;
    if (api?.version === version) return api.index;
    loading ??= checkFeedDirectory(root)
      .then((check) => {
        if (!check.manifest || !check.data.services) throw new Refusal(503, 'The feed folder has no readable services: run brusano-feed validate on it.');
        const index = indexForApi({ ...check.data, services: check.data.services });
        api = { version, index };
        answers.clear();
        return index;
      })
      .finally(() => (loading = undefined));
    return loading;
  }

  async function fileBody(path: string, request: IncomingMessage): Promise<(Body & { etag: string }) | undefined> {
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (file !== root && !file.startsWith(root + sep)) throw new Refusal(403, 'Outside the feed folder.');
    // Links the folder's owner placed are followed (the sample feed links the reference data).
    const real = await realpath(file).catch(() => undefined);
    const info = real ? await stat(real) : undefined;
    if (!real || !info?.isFile()) return undefined;
    const encoding = encodingOf(request);
    const key = `${real}\u0000${info.mtimeMs}\u0000${info.size}\u0000${encoding ?? ''}`;
    const ready = files.get(key);
    if (ready) return ready;
    const type = CONTENT_TYPES[extname(real)] ?? 'application/octet-stream';
    // A built feed has .br and .gz copies next to each file: send the one the client takes.
    const copy = encoding ? await readFile(`${real}${encoding === 'br' ? '.br' : '.gz'}`).catch(() => undefined) : undefined;
    if (copy) return files.set(key, { bytes: copy, type, encoding });
    const bytes = await readFile(real);
    return files.set(key, { ...(type.startsWith('application/octet') ? { bytes } : compress(bytes, encoding)), type });
  }

  async function apiBody(path: string, query: URLSearchParams, request: IncomingMessage): Promise<(Body & { status: number; etag?: string }) | undefined> {
    const encoding = encodingOf(request);
    const json = (status: number, body: unknown) => ({ status, ...compress(Buffer.from(JSON.stringify(body)), encoding), type: JSON_TYPE });
    if (path === '/openapi.json') return json(200, OPENAPI);
    if (!isApiPath(path)) return undefined;
    if (path === '/') {
      // A folder with a page of its own (the examples site) keeps it at its root, for every client.
      if ((await stat(join(root, 'index.html')).catch(() => undefined))?.isFile()) return undefined;
      return json(200, apiInfo(base).body);
    }
    const index = await apiIndex();
    const key = `${encoding ?? ''} ${path}?${query}`;
    const cached = answers.get(key);
    if (cached) return { status: 200, ...cached };
    const answer = answerApi(path, query, index);
    const body = json(answer.status, answer.body);
    return answer.status === 200 ? { status: 200, ...answers.set(key, body) } : body;
  }

  function send(request: IncomingMessage, response: ServerResponse, status: number, body: Body, etag?: string): void {
    const tag = etag ?? (status === 200 ? etagOf(body.bytes) : undefined);
    const headers: Record<string, string | number> = {
      'Content-Type': body.type,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
      ...(tag ? { ETag: tag } : {}),
      ...(body.encoding ? { 'Content-Encoding': body.encoding } : {}),
    };
    if (tag && request.headers['if-none-match'] === tag) {
      response.writeHead(304, headers).end();
      return;
    }
    response.writeHead(status, { ...headers, 'Content-Length': body.bytes.length });
    response.end(request.method === 'HEAD' ? undefined : body.bytes);
  }

  function refuse(request: IncomingMessage, response: ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
    if (response.headersSent) return void response.destroy();
    const error = status === 404 ? 'not_found' : status === 405 ? 'method_not_allowed' : status >= 500 ? 'server_error' : 'bad_request';
    for (const [name, value] of Object.entries(extra)) response.setHeader(name, value);
    send(request, response, status, { bytes: Buffer.from(JSON.stringify({ error, message })), type: JSON_TYPE });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Expose-Headers', 'ETag');
    // Pages that use the feed may measure how long its files take (Resource Timing).
    response.setHeader('Timing-Allow-Origin', '*');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { 'Access-Control-Allow-Headers': 'If-None-Match', 'Access-Control-Allow-Methods': 'GET, HEAD' }).end();
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      refuse(request, response, 405, 'Only GET, HEAD and OPTIONS are answered.', { Allow: 'GET, HEAD, OPTIONS', Connection: 'close' });
      return;
    }
    const { path, query } = requestPath(request);
    const fromApi = await apiBody(path, query, request);
    if (fromApi) return send(request, response, fromApi.status, fromApi, fromApi.etag);
    const file = await fileBody(path, request);
    if (file) return send(request, response, 200, file, file.etag);
    refuse(request, response, 404, `Nothing at ${path.slice(0, 200)}.`);
  }

  const server = createServer({ headersTimeout: headersTimeoutMs, requestTimeout: 30_000, keepAliveTimeout: 5_000, maxHeaderSize: 16 * 1024, connectionsCheckingInterval: Math.min(1_000, headersTimeoutMs) }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof Refusal) refuse(request, response, error.status, error.message);
      else refuse(request, response, 500, 'The server could not answer this request.');
    });
  });
  // A request too malformed to parse (bad request line, headers too large, too slow): answer
  // what can be answered and close that connection only.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (error.code === 'ECONNRESET' && !socket.readable)) return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    socket.end(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  server.maxHeadersCount = 100;
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  base = `http://${shownHost}:${address.port}/`;
  return {
    url: base,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
