import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, SAMPLE_FEED } from '../../../test/support/paths.js';

const BIN = join(ROOT, 'packages', 'feed', 'bin', 'brusano-feed.js');

async function brusanoFeed(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: ROOT });
    return { code: 0, stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string };
    return { code: failure.code, stdout: failure.stdout };
  }
}

const copies: string[] = [];
afterEach(() => copies.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A writable copy of the sample feed: file contents, never links back to the reference data. */
function copyOfSampleFeed(): string {
  const dir = mkdtempSync(join(tmpdir(), 'brusano-feed-'));
  copies.push(dir);
  for (const file of readdirSync(SAMPLE_FEED)) writeFileSync(join(dir, file), readFileSync(join(SAMPLE_FEED, file)));
  return dir;
}

function edit(dir: string, file: string, change: (data: any) => unknown): void {
  const data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const result = change(data);
  writeFileSync(join(dir, file), typeof result === 'string' ? result : JSON.stringify(result ?? data));
}

describe('brusano-feed validate', () => {
  it('exits 0 on the sample feed and says how many records are valid', async () => {
    const { code, stdout } = await brusanoFeed('validate', SAMPLE_FEED);
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ .*: \d+ valid records in 10 datasets, no problems\./);
  });

  it('exits 1 on an invalid feed, with one line per problem: file, record, field path, message', async () => {
    const dir = copyOfSampleFeed();
    let firstId = '';
    edit(dir, 'services.json', (services) => {
      firstId = services[0].id;
      services[0].emails = [{ address: 'not-an-email' }];
      services[2].hours.timeZone = 'UTC';
    });
    edit(dir, 'events.json', (events) => {
      events[1].start = '14/06/2023';
    });
    const { code, stdout } = await brusanoFeed('validate', dir);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines).toContain(`services.json record 1 (${firstId}) /emails/0/address: must be an e-mail address`);
    expect(lines.some((line) => /^services\.json record 3 \(.+\) \/hours\/timeZone: must be "Europe\/Brussels"$/.test(line))).toBe(true);
    expect(lines.some((line) => /^events\.json record 2 \(.+\) \/start: must be a date/.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/^✗ .*: 3 problem\(s\); \d+ records can be shown \(2 of them without a field\), 1 cannot\./);
  });

  it('reports references to communes, bassins, categories and territories the feed does not have', async () => {
    const dir = copyOfSampleFeed();
    let serviceId = '';
    let laterId = '';
    edit(dir, 'services.json', (services) => {
      serviceId = services[0].id;
      services[0].categoryIds = [999999];
      services[0].locations[0].address.nis = '21099';
      services[1].phones = [{ number: 'not a phone' }]; // skipped: the next records keep their own positions
      laterId = services[2].id;
      services[2].areaServed = { bassins: ['ouest'] };
    });
    edit(dir, 'events.json', (events) => {
      events[0].territories = ['nord-ouest'];
    });
    const { code, stdout } = await brusanoFeed('validate', dir);
    expect(code).toBe(1);
    expect(stdout).toContain(`services.json record 1 (${serviceId}) /categoryIds/0: refers to category 999999, which the feed does not have`);
    expect(stdout).toContain(`services.json record 1 (${serviceId}) /locations/0/address/nis: refers to commune 21099, which the feed does not have`);
    expect(stdout).toMatch(/events\.json record 1 \(.+\) \/territories\/0: refers to territory nord-ouest, which the feed does not have/);
    expect(stdout).toContain(`services.json record 3 (${laterId}) /areaServed/bassins/0: refers to bassin ouest, which the feed does not have`);
  });

  it('reports lead-ins that point nowhere and words that are the lead-in of two records', async () => {
    const dir = copyOfSampleFeed();
    edit(dir, 'leadins.json', (leadins) => {
      leadins[0].categoryIds.push(999998);
      leadins[1].terms.fr.push(leadins[0].terms.fr[0].toUpperCase()); // the same word, case aside
    });
    const leadins = JSON.parse(readFileSync(join(dir, 'leadins.json'), 'utf8'));
    const { code, stdout } = await brusanoFeed('validate', dir);
    expect(code).toBe(1);
    expect(stdout).toContain(`leadins.json record 1 (${leadins[0].id}) /categoryIds/${leadins[0].categoryIds.length - 1}: refers to category 999998, which the feed does not have`);
    expect(stdout).toContain(`leadins.json record 2 (${leadins[1].id}) /terms/fr/${leadins[1].terms.fr.length - 1}: "${leadins[0].terms.fr[0].toUpperCase()}" is also a lead-in of ${leadins[0].id}: a word may lead to one list of categories only`);
    // And build refuses it: a word leads where the data team decided, or nowhere.
    const { code: built } = await brusanoFeed('build', dir, join(dir, 'out'));
    expect(built).toBe(1);
  });

  it('reports a dataset that is not JSON, or missing, without stopping', async () => {
    const dir = copyOfSampleFeed();
    edit(dir, 'events.json', () => '{ not json');
    rmSync(join(dir, 'actions.json'));
    const { code, stdout } = await brusanoFeed('validate', dir);
    expect(code).toBe(1);
    expect(stdout).toContain('events.json: is not valid JSON');
    expect(stdout).toContain('actions.json: file not found');
    expect(stdout).toMatch(/✗ .*: 2 problem\(s\); \d+ records can be shown \(0 of them without a field\), 0 cannot\./);
  });

  it('reports an invalid manifest', async () => {
    const dir = copyOfSampleFeed();
    edit(dir, 'manifest.json', (manifest) => {
      manifest.datasets.services.url = 'javascript:alert(1)';
    });
    const { code, stdout } = await brusanoFeed('validate', dir);
    expect(code).toBe(1);
    expect(stdout).toContain('manifest.json /datasets/services/url:');
  });

  it('prints machine-readable results with --json', async () => {
    const dir = copyOfSampleFeed();
    edit(dir, 'services.json', (services) => {
      services[0].languages = ['Français'];
    });
    const { code, stdout } = await brusanoFeed('validate', dir, '--json');
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ file: 'services.json', index: 0, pointer: '/languages/0' })]);
    expect(result.counts.communes).toBe(19);
  });

  it('exits 2 with the usage on a usage error', async () => {
    for (const args of [['validate'], ['validate', 'a', 'b'], ['validate', SAMPLE_FEED, '--strict'], ['unknown-command'], []]) {
      const { code, stdout } = await brusanoFeed(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toContain('Usage: brusano-feed validate');
    }
  });
});

describe('brusano-feed calendars', () => {
  it('writes the 18 subscribable calendars, and the same bytes twice', async () => {
    const first = mkdtempSync(join(tmpdir(), 'brusano-calendars-'));
    const second = mkdtempSync(join(tmpdir(), 'brusano-calendars-'));
    copies.push(first, second);
    const { code, stdout } = await brusanoFeed('calendars', SAMPLE_FEED, first);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(18);
    expect(stdout).toMatch(/wrote .*all\.fr\.ics \(\d+ events\)/);
    await brusanoFeed('calendars', SAMPLE_FEED, second);
    for (const file of readdirSync(first)) expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file))), file).toBe(true);
    expect(readFileSync(join(first, 'nord.nl.ics'), 'utf8')).toContain('X-WR-CALNAME:Agenda Brusano — Zorgzone Noord');
  });

  it('exits 1 on a folder that is not a feed, and 2 on a usage error', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'brusano-empty-'));
    copies.push(empty);
    expect((await brusanoFeed('calendars', empty, join(empty, 'out'))).code).toBe(1);
    expect((await brusanoFeed('calendars', SAMPLE_FEED)).code).toBe(2);
  });
});
