import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { DATASET_NAMES, territoryCalendars } from '@brusano/sdk';
import { writeBrowserFiles } from '../browser-files.js';
import { checkFeedDirectory, type FileProblem } from '../feed-directory.js';
import { progress } from '../progress.js';
import { formatProblem } from './validate.js';

export const buildUsage = `Usage: brusano-feed build <source-folder> <out-folder> [--strict]

Builds a deployable static feed from a checked source feed: minified JSON, a manifest with each
dataset's count and SHA-256, the subscribable calendars (calendars/<territory>.<lang>.ics), what
the widgets read first (browser/: a first page per territory, every service in a compact form),
and a .gz and .br copy of every file. The same source gives byte-identical output: the generation time
is SOURCE_DATE_EPOCH when set, else the source manifest's generatedAt.
A record whose only faults are in optional fields (a malformed link, e-mail, phone, hours…) is
published without them and each fault is printed as a warning, so a few typos don't block a
release; a record the widgets would leave out (no valid id or name, wrong shape), a broken
reference or an unreadable file stops the build. --strict stops it on any problem.
Exit code: 0 built (perhaps with warnings), 1 the source has problems, 2 usage error.`;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Writes a file and its precompressed copies (gzip without a timestamp, brotli at maximum quality). */
async function writeCompressed(path: string, bytes: Buffer): Promise<void> {
  await writeFile(path, bytes);
  await writeFile(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  await writeFile(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
}

export interface BuildResult {
  records: number;
  /** Faults in optional fields: the record was published without the field. */
  warnings: FileProblem[];
  datasets: number;
  calendars: number;
  files: number;
}

/**
 * Builds a deployable feed.
 * @throws {Error} with the source's problems, one per line, when it has one the widgets would
 * not get past (or any, with `strict`).
 */
export async function buildFeed(source: string, out: string, { strict = false }: { strict?: boolean } = {}): Promise<BuildResult> {
  const check = await checkFeedDirectory(source);
  const warnings = strict ? [] : check.problems.filter((problem) => problem.outcome === 'field-dropped');
  const errors = check.problems.filter((problem) => !warnings.includes(problem));
  if (errors.length > 0 || !check.manifest) {
    throw new Error(errors.map(formatProblem).join('\n') || `${source} has no valid manifest.json`);
  }
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const generatedAt = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') : check.manifest.generatedAt;
  if (!generatedAt) throw new Error('Set generatedAt in the source manifest, or SOURCE_DATE_EPOCH, so the build is reproducible.');

  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, 'calendars'), { recursive: true });
  const present = DATASET_NAMES.filter((name) => check.data[name] !== undefined);
  const calendars = territoryCalendars(check.data.events ?? [], check.data.bassins ?? [], { stamp: new Date(generatedAt) });
  const bar = progress('writing', present.length + calendars.length);
  const datasets: Record<string, { url: string; count: number; sha256: string }> = {};
  let records = 0;
  for (const name of present) {
    const list = check.data[name]!;
    const bytes = Buffer.from(JSON.stringify(list));
    await writeCompressed(join(out, `${name}.json`), bytes);
    datasets[name] = { url: `${name}.json`, count: list.length, sha256: sha256(bytes) };
    records += list.length;
    bar.tick(`${name}.json`);
  }
  for (const calendar of calendars) {
    await writeCompressed(join(out, 'calendars', calendar.fileName), Buffer.from(calendar.ics));
    bar.tick(calendar.fileName);
  }
  let browserFiles = 0;
  const browser = await writeBrowserFiles(
    { services: [], categories: [], sectors: [], communes: [], bassins: [], ...check.data },
    async (path, bytes) => {
      await mkdir(dirname(join(out, path)), { recursive: true });
      await writeCompressed(join(out, path), bytes);
      browserFiles++;
      return sha256(bytes);
    },
  );
  bar.done();
  const manifest = {
    ...check.manifest,
    generatedAt,
    datasets,
    calendars: calendars.map(({ territory, lang, fileName }) => ({ territory, lang, url: `calendars/${fileName}` })),
    browser,
  };
  await writeCompressed(join(out, 'manifest.json'), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return { records, warnings, datasets: present.length, calendars: calendars.length, files: (present.length + calendars.length + browserFiles + 1) * 3 };
}

export async function buildCommand(args: string[], out: (line: string) => void): Promise<number> {
  const strict = args.includes('--strict');
  const positional = args.filter((arg) => arg !== '--strict');
  if (positional.length !== 2 || positional.some((arg) => arg.startsWith('--'))) {
    out(buildUsage);
    return 2;
  }
  const [source, target] = positional as [string, string];
  try {
    const result = await buildFeed(source, target, { strict });
    for (const warning of result.warnings) out(`warning: ${formatProblem(warning)} (published without this field)`);
    out(`✓ built ${target}: ${result.records} records in ${result.datasets} datasets, ${result.calendars} calendars, ${result.files} files (with .gz and .br).`);
    return 0;
  } catch (error) {
    out((error as Error).message);
    out(`✗ ${source} was not built.`);
    return 1;
  }
}
