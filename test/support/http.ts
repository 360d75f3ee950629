import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  url: string;
  /** Requests received, by path, in order. */
  requests: { path: string; headers: IncomingMessage['headers']; status?: number }[];
  close(): Promise<void>;
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/**
 * A real HTTP server on 127.0.0.1 whose answers a test decides: files, errors, stalls, resets.
 * Each request is logged with the status sent back.
 */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server = createServer(async (request, response) => {
    const entry: TestServer['requests'][number] = { path: new URL(request.url ?? '/', 'http://x').pathname, headers: request.headers };
    requests.push(entry);
    response.on('finish', () => (entry.status = response.statusCode));
    await handler(request, response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export function sendJson(response: ServerResponse, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(200, { 'Content-Type': 'application/json', ...headers });
  response.end(text);
}
