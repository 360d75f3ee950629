import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/paths.js';

const distFiles = (pkg: string) =>
  readdirSync(join(ROOT, 'packages', pkg, 'dist'))
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
