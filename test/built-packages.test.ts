import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/paths.js';

/** Every JavaScript file a package ships in dist/, in every folder. */
const distFiles = (pkg: string) =>
  readdirSync(join(ROOT, 'packages', pkg, 'dist'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, text: readFileSync(join(ROOT, 'packages', pkg, 'dist', file), 'utf8') }));

describe('the built SDK', () => {
  // Partner sites may forbid 'unsafe-eval' in their Content-Security-Policy.
  it('contains no eval and no new Function, so it runs under a strict CSP', () => {
    const files = distFiles('sdk');
    expect(files.length).toBeGreaterThan(0);
    for (const { file, text } of files) {
      expect(text, file).not.toMatch(/new\s+Function\s*\(/);
      expect(text, file).not.toMatch(/(^|[^\w$.'"])eval\s*\(/m);
      expect(text, file).not.toMatch(/(^|[^\w$.'"])require\s*\(/m);
    }
  });

  it('carries the compiled validators, not ajv itself', () => {
    const bundle = distFiles('sdk').map(({ text }) => text).join('\n');
    expect(bundle).toContain('validateService');
    expect(bundle).not.toContain('class Ajv');
  });
});

describe('the built widgets', () => {
  it('document their public attributes in custom-elements.json', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'packages', 'widgets', 'custom-elements.json'), 'utf8'));
    const elements = Object.fromEntries(
      manifest.modules
        .flatMap((module: any) => module.declarations)
        .filter((declaration: any) => declaration.tagName)
        .map((declaration: any) => [declaration.tagName, declaration]),
    );
    const attributes = (tag: string) => elements[tag].attributes.map((attribute: any) => attribute.name).sort();
    expect(attributes('brusano-service-finder')).toEqual(['bassin', 'category', 'commune', 'feed', 'lang', 'page-size', 'query', 'sync-url']);
    expect(attributes('brusano-agenda')).toEqual(['bassin', 'feed', 'from', 'lang', 'limit', 'types', 'until', 'view']);
    expect(attributes('brusano-helpdesk-card')).toEqual(['bassin', 'commune', 'feed', 'lang', 'postal-code']);
    for (const element of Object.values<any>(elements)) {
      expect(element.cssParts.length).toBeGreaterThan(5);
      expect(element.cssProperties.every((property: any) => property.name.startsWith('--brusano-'))).toBe(true);
      expect(element.events.map((event: any) => event.name)).toContain('brusano-error');
    }
  });

  it('ship the loader, the element chunks and one self-contained file per element, with no package import left and no eval', () => {
    const cdn = join(ROOT, 'packages', 'widgets', 'dist', 'cdn');
    const files = readdirSync(cdn, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
    expect(files).toEqual(
      expect.arrayContaining(['brusano-widgets.js', 'brusano-service-finder.js', 'brusano-agenda.js', 'brusano-helpdesk-card.js', 'elements/brusano-service-finder.js', 'elements/brusano-agenda.js', 'elements/brusano-helpdesk-card.js']),
    );
    for (const file of files) {
      const text = readFileSync(join(cdn, file), 'utf8');
      expect(text, file).not.toMatch(/(?:^|[;\s])import\s*(?:[\w$*{][^;]*?from\s*)?["'](?![./])/); // no import of a package left
      expect(text, file).not.toMatch(/new\s+Function\s*\(|(^|[^\w$.'"])eval\s*\(/m);
    }
    // The one-file bundles import nothing at all.
    for (const name of ['brusano-service-finder', 'brusano-agenda', 'brusano-helpdesk-card']) {
      expect(readFileSync(join(cdn, `${name}.js`), 'utf8'), name).not.toMatch(/(?:^|[;\s])import\s*[\w$*{("]/);
    }
  });
});
