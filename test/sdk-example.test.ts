import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/paths.js';

const EXAMPLE = join(ROOT, 'examples', 'sdk-lookup', 'lookup.mjs');

async function lookUp(input: string, lang = 'fr') {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [EXAMPLE, input], { cwd: ROOT, env: { ...process.env, BRUSANO_LANG: lang } });
    return { code: 0, stdout };
  } catch (error) {
    return error as { code: number; stdout: string };
  }
}

describe('the SDK example (README first command)', () => {
  it('answers 1090 with Jette, Bassin Nord and its helpdesk line, loaded over HTTP', async () => {
    const { code, stdout } = await lookUp('1090');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Feed: http:\/\/127\.0\.0\.1:\d+\/manifest\.json — \d+ services, 0 records skipped/);
    expect(stdout).toContain('Jette (NIS 21010): bassin Nord');
    expect(stdout).toContain('tel: +32 2 318 60 54');
    expect(stdout).toContain('mail: info@bassin-nord.brussels');
  });

  it('speaks Dutch when asked and offers the choice for an ambiguous code', async () => {
    const { stdout } = await lookUp('1050', 'nl');
    expect(stdout).toContain('1050 omvat meerdere gebieden');
    expect(stdout).toContain('Elsene (NIS 21009): zorgzone Zuid');
    expect(stdout).toContain('geen zorgzone in de bronnen');
    expect(stdout).toContain('+32 2 880 29 80');
  });

  it('exits 1 and says so for a place outside the Region', async () => {
    const { code, stdout } = await lookUp('1300');
    expect(code).toBe(1);
    expect(stdout).toContain("n'est pas un code postal, une commune ou un quartier de la Région bruxelloise");
  });
});
