import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DATASET_NAMES, isOptionalDataset, problemsFromAjv, validateDataset, validateManifest, type Problem } from '@brusano/sdk';

/** A problem found in a feed folder, with the file it is in. */
export interface FileProblem extends Problem {
  file: string;
}

export interface FeedCheck {
  directory: string;
  /** Valid records per dataset. */
  counts: Record<string, number>;
  problems: FileProblem[];
}

async function readJson(directory: string, file: string): Promise<{ value?: unknown; problem?: FileProblem }> {
  const dataset = file.replace(/\.json$/, '');
  let text: string;
  try {
    text = await readFile(join(directory, file), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    return { problem: { file, dataset, pointer: '', message: reason } };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { problem: { file, dataset, pointer: '', message: `is not valid JSON: ${(error as Error).message}` } };
  }
}

/**
 * Checks a feed folder: the manifest, then every dataset it names, record by record.
 *
 * @example
 * const { problems } = await checkFeedDirectory('examples/feed');
 */
export async function checkFeedDirectory(directory: string): Promise<FeedCheck> {
  const root = resolve(directory);
  const check: FeedCheck = { directory: root, counts: {}, problems: [] };
  const manifest = await readJson(root, 'manifest.json');
  if (manifest.problem) {
    check.problems.push({ ...manifest.problem, dataset: 'manifest' });
    return check;
  }
  if (!validateManifest(manifest.value)) {
    const problems = problemsFromAjv(validateManifest.errors ?? [], { dataset: 'manifest' });
    check.problems.push(...problems.map((problem) => ({ ...problem, file: 'manifest.json' })));
    return check;
  }
  const datasets = (manifest.value as { datasets: Record<string, { url: string } | undefined> }).datasets;
  for (const name of DATASET_NAMES) {
    const reference = datasets[name];
    if (!reference && isOptionalDataset(name)) continue;
    const file = reference!.url;
    if (/^[a-z][a-z0-9+.-]*:/i.test(file)) {
      check.problems.push({ file: 'manifest.json', dataset: 'manifest', pointer: `/datasets/${name}/url`, message: 'points to another server: validate checks local files only' });
      continue;
    }
    const data = await readJson(root, file);
    if (data.problem) {
      check.problems.push({ ...data.problem, dataset: name });
      continue;
    }
    if (!Array.isArray(data.value)) {
      check.problems.push({ file, dataset: name, pointer: '', message: `must be a list of ${name}` });
      continue;
    }
    const { records, problems } = validateDataset(name, data.value);
    check.counts[name] = records.length;
    check.problems.push(...problems.map((problem) => ({ ...problem, file })));
  }
  return check;
}

/** One readable line per problem: file, record, field path, message. */
export function formatProblem(problem: FileProblem): string {
  const record =
    problem.index === undefined ? '' : ` record ${problem.index + 1}${problem.recordId ? ` (${problem.recordId})` : ''}`;
  const field = problem.pointer ? ` ${problem.pointer}` : '';
  return `${problem.file}${record}${field}: ${problem.message}`;
}

export const validateUsage = `Usage: brusano-feed validate <feed-folder> [--json]

Checks manifest.json and every dataset it names against the Brusano schemas.
Prints one line per problem (file, record, field, message).
Exit code: 0 valid, 1 problems found, 2 usage error.`;

export async function validateCommand(args: string[], out: (line: string) => void): Promise<number> {
  const json = args.includes('--json');
  const positional = args.filter((arg) => !arg.startsWith('--'));
  const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--json');
  if (positional.length !== 1 || unknown.length > 0) {
    out(validateUsage);
    return 2;
  }
  const check = await checkFeedDirectory(positional[0]!);
  if (json) {
    out(JSON.stringify({ valid: check.problems.length === 0, ...check }, null, 2));
  } else {
    for (const problem of check.problems) out(formatProblem(problem));
    const records = Object.values(check.counts).reduce((sum, count) => sum + count, 0);
    out(
      check.problems.length === 0
        ? `✓ ${positional[0]}: ${records} valid records in ${Object.keys(check.counts).length} datasets, no problems.`
        : `✗ ${positional[0]}: ${check.problems.length} problem(s); ${records} records are valid.`,
    );
  }
  return check.problems.length === 0 ? 0 : 1;
}
