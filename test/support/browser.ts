import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { ROOT } from './paths.js';

/** Debian's Chromium, as the component tests use it. */
export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

const TYPES: Record<string, string> = {
  '.css': 'text/css',
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.ics': 'text/calendar',
};

export interface SiteOptions {
  /** Headers an answer carries (a Content-Security-Policy, CORS), by path. */
  headers?: (path: string) => Record<string, string>;
  /** Paths answered 404, whatever is there (a chunk that fails to load). */
  missing?: (path: string) => boolean;
}

export interface Site {
  origin: string;
  folder: string;
  /** Every path asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** A static site on 127.0.0.1 from a scratch folder, logging each request. */
export async function serveSite(folder: string, { headers: headersFor = () => ({}), missing = () => false }: SiteOptions = {}): Promise<Site> {
  const requests: string[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const headers = headersFor(path);
    requests.push(path);
    const file = normalize(join(folder, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(folder + sep) || missing(path)) return void response.writeHead(404, headers).end();
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      response.end(readFileSync(file));
    } catch {
      response.writeHead(404, headers).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    folder,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A scratch folder with the CDN files of the widgets in widgets/ (loader, element chunks, one-file bundles). */
export function scratchWithWidgets(prefix: string): { folder: string; remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(ROOT, 'packages', 'widgets', 'dist', 'cdn'), join(folder, 'widgets'), { recursive: true, filter: (path) => !path.endsWith('.map') });
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

export function writePage(folder: string, name: string, html: string): void {
  writeFileSync(join(folder, name), html);
}
