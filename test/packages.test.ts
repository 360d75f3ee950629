import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLE_FEED } from './support/paths.js';

// Packs each published package as npm would, installs the tarballs in a scratch project, and
// uses them from there: what a developer gets is what these tests run.
const PACKAGES = ['sdk', 'feed', 'widgets'] as const;
const scratch = mkdtempSync(join(tmpdir(), 'brusano-packages-'));
const run = (command: string, args: string[], cwd = scratch) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** The repo's pnpm: the one running this test command, else the one on PATH (./run puts it there). */
const pnpm = (args: string[], cwd?: string) =>
  process.env.npm_execpath?.includes('pnpm') ? run(process.execPath, [process.env.npm_execpath, ...args], cwd) : run('pnpm', args, cwd);

describe('the packed packages, installed in a scratch project', () => {
  const tarballs: Record<string, string> = {};

  beforeAll(() => {
    for (const name of PACKAGES) {
      pnpm(['pack', '--pack-destination', scratch], join(ROOT, 'packages', name));
      tarballs[name] = readdirSync(scratch).find((file) => file.startsWith(`brusano-${name}-`) && file.endsWith('.tgz'))!;
    }
    writeFileSync(
      join(scratch, 'package.json'),
      JSON.stringify({
        name: 'scratch',
        private: true,
        type: 'module',
        dependencies: Object.fromEntries(PACKAGES.map((name) => [`@brusano/${name}`, `file:./${tarballs[name]}`])),
        pnpm: { overrides: { '@brusano/sdk': `file:./${tarballs.sdk}` } },
      }),
    );
    pnpm(['install', '--prefer-offline', '--ignore-workspace', '--config.confirmModulesPurge=false']);
  }, 120_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('ship only what they declare: dist, bin, reference data, schemas, no sources or tests', () => {
    const listing = (name: string) => run('tar', ['-tzf', tarballs[name]!]).split('\n').filter(Boolean);
    expect(listing('sdk')).toEqual(expect.arrayContaining(['package/dist/index.js', 'package/dist/index.d.ts', 'package/reference/communes.json', 'package/schemas/service.schema.json']));
    expect(listing('feed')).toEqual(expect.arrayContaining(['package/bin/brusano-feed.js', 'package/dist/cli.js']));
    expect(listing('widgets')).toEqual(expect.arrayContaining(['package/dist/index.js', 'package/dist/cdn/brusano-widgets.js', 'package/custom-elements.json']));
    for (const name of PACKAGES) expect(listing(name).filter((file) => /\/(src|test)\/|\.test\./.test(file)), name).toEqual([]);
  });

  it('resolve every export to a file that exists, with its types', () => {
    for (const name of PACKAGES) {
      const directory = join(scratch, 'node_modules', '@brusano', name);
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
      for (const [entry, target] of Object.entries<any>(manifest.exports)) {
        if (entry.includes('*')) continue;
        for (const file of typeof target === 'string' ? [target] : Object.values<string>(target)) expect(existsSync(join(directory, file)), `${name} ${entry} → ${file}`).toBe(true);
      }
    }
  });

  it('work from the scratch project: the SDK, the reference data, the feed library and its command', () => {
    const script = `
      import { resolveTerritory, helpdeskFor, createServiceSearch } from '@brusano/sdk';
      import { communes } from '@brusano/sdk/reference';
      import { checkFeedDirectory } from '@brusano/feed';
      const check = await checkFeedDirectory(${JSON.stringify(SAMPLE_FEED)});
      console.log(JSON.stringify({
        bassin: resolveTerritory('1090').bassins[0].id,
        phone: helpdeskFor('1090').choices[0].helpdesk.phones[0].number,
        communes: communes.length,
        problems: check.problems.length,
        found: createServiceSearch(check.data).search('ocmw').services.length > 0,
      }));`;
    writeFileSync(join(scratch, 'use.mjs'), script);
    expect(JSON.parse(run(process.execPath, ['use.mjs']))).toEqual({ bassin: 'nord', phone: '+32 2 318 60 54', communes: 19, problems: 0, found: true });
    expect(run(join(scratch, 'node_modules', '.bin', 'brusano-feed'), ['validate', SAMPLE_FEED])).toContain('no problems');
  });

  it('let a bundler find the widgets: element entries and the CDN bundle', () => {
    const directory = join(scratch, 'node_modules', '@brusano', 'widgets');
    expect(readFileSync(join(directory, 'dist', 'service-finder', 'service-finder.js'), 'utf8')).toContain("defineElement('brusano-service-finder'");
    const declarations = JSON.parse(readFileSync(join(directory, 'custom-elements.json'), 'utf8')).modules.flatMap((module: any) => module.declarations);
    expect(declarations.filter((declaration: any) => declaration.tagName).map((declaration: any) => declaration.tagName).sort()).toEqual(['brusano-agenda', 'brusano-helpdesk-card', 'brusano-service-finder']);
  });
});
