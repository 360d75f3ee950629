import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module of the examples, without types
import { buildSite } from '../examples/site.mjs';

describe('the demo site (README first command)', async () => {
  const dist: string = await buildSite(mkdtempSync(join(tmpdir(), 'brusano-demo-')));
  const page = (name: string) => readFileSync(join(dist, name), 'utf8');
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('has the partner page with the three widgets, the snippet page, the configurator and the bundler app', () => {
    const index = page('index.html');
    for (const element of ['brusano-service-finder', 'brusano-agenda', 'brusano-helpdesk-card']) expect(index).toContain(`<${element} feed="feed/manifest.json"`);
    expect(page('snippet.html')).toContain('&lt;brusano-agenda feed="feed/manifest.json"');
    expect(page('configurator.html')).toContain('src="configurator.js"');
    expect(page('app/index.html')).toMatch(/<script type="module" crossorigin src="\.\/assets\/[^"]+\.js"><\/script>/);
  });

  it('serves every script, stylesheet and the feed it links to, and no inline script', () => {
    for (const name of ['index.html', 'snippet.html', 'configurator.html']) {
      const html = page(name);
      expect(html, name).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      for (const [, path] of html.matchAll(/(?:src|href)="([^"#:?]+)"/g)) expect(existsSync(join(dist, path!)), `${name} → ${path}`).toBe(true);
    }
    expect(JSON.parse(page('feed/manifest.json')).sample).toBe(true);
    expect(JSON.parse(page('feed/bassins.json'))).toHaveLength(5);
    const { calendars } = JSON.parse(page('feed/manifest.json'));
    expect(calendars).toHaveLength(18);
    for (const calendar of calendars) expect(page(`feed/${calendar.url}`)).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });

  it('offers the page chrome in French, Dutch and English', () => {
    const index = page('index.html');
    const texts = [...index.matchAll(/data-fr="[^"]*" data-nl="[^"]*" data-en="[^"]*"/g)];
    expect(texts.length).toBeGreaterThan(5);
    expect(index).toContain('data-set-lang="nl"');
  });
});
