/** The manifest major version this SDK reads. */
export const SCHEMA_MAJOR_VERSION = 1;

/** The manifest's absolute URL: relative URLs resolve against the page; a folder (ending with /) means its manifest.json. */
export function resolveManifestUrl(feedUrl: string | URL): string {
  const base = (globalThis as { location?: { href: string } }).location?.href;
  const url = new URL(String(feedUrl), base);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`feedUrl must be an http(s) URL, not ${url.protocol}`);
  }
  if (url.pathname.endsWith('/')) url.pathname += 'manifest.json';
  return url.href;
}
