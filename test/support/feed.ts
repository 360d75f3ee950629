import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_FEED } from './paths.js';

export const DATASETS = ['bassins', 'communes', 'quartiers', 'helpdesks', 'actions', 'events', 'services', 'categories', 'sectors', 'leadins'] as const;
export type Dataset = (typeof DATASETS)[number];

/** The sample feed's files, parsed, as a fresh copy a test may change. */
export function sampleFeed(): { manifest: Record<string, any>; datasets: Record<Dataset, any[]> } {
  const read = (file: string) => JSON.parse(readFileSync(join(SAMPLE_FEED, file), 'utf8'));
  return {
    manifest: read('manifest.json'),
    datasets: Object.fromEntries(DATASETS.map((name) => [name, read(`${name}.json`)])) as Record<Dataset, any[]>,
  };
}
