import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  checkReferences,
  DATASET_NAMES,
  isOptionalDataset,
  problemsFromAjv,
  validateDataset,
  validateManifest,
  type FeedData,
  type FeedManifest,
  type Problem,
} from '@brusano/sdk';

/** A problem found in a feed folder, with the file it is in. */
export interface FileProblem extends Problem {
  file: string;
}

export interface FeedCheck {
  directory: string;
  /** The manifest, when it is valid. */
  manifest?: FeedManifest;
  /** The records of each dataset that could be read: valid ones, and those kept without invalid optional fields. */
  data: Partial<FeedData>;
  /** Records kept per dataset. */
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
 * Reads and checks a feed folder: the manifest, then every dataset it names, record by record,
 * then what the records say of each other (communes, bassins, categories that must exist).
 *
 * @example
 * const { problems, data } = await checkFeedDirectory('examples/feed');
 */
export async function checkFeedDirectory(directory: string): Promise<FeedCheck> {
  const root = resolve(directory);
  const check: FeedCheck = { directory: root, data: {}, counts: {}, problems: [] };
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
  check.manifest = manifest.value as FeedManifest;
  const positions = new Map<string, Map<string, number>>();
  const datasets = check.manifest.datasets as Record<string, { url: string } | undefined>;
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
    const { records, problems } = validateDataset(name, data.value, { dropInvalidFields: true });
    (check.data as Record<string, unknown>)[name] = records;
    // Where each valid record stands in the file, so later problems point at the right line of it.
    const idField = name === 'communes' ? 'nis' : 'id';
    positions.set(name, new Map(data.value.map((record, index) => [String((record as Record<string, unknown> | null)?.[idField]), index])));
    check.counts[name] = records.length;
    check.problems.push(...problems.map((problem) => ({ ...problem, file })));
  }
  const fileOf = (dataset: string) => datasets[dataset]?.url ?? `${dataset}.json`;
  check.problems.push(
    ...checkReferences(check.data).map((problem) => ({
      ...problem,
      file: fileOf(problem.dataset),
      index: positions.get(problem.dataset)?.get(problem.recordId ?? '') ?? problem.index,
    })),
  );
  return check;
}

