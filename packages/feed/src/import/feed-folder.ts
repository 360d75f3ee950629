import { createRequire } from 'node:module';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { LocalizedText, Service, TaxonomyTerm } from '@brusano/sdk';
import { leadinsWithin } from './leadins.js';

const reference = (name: string) => createRequire(import.meta.url)(`@brusano/sdk/reference/${name}.json`) as { id: number }[];

export interface ImportedFeed {
  services: Service[];
  /** Who the data comes from, for the manifest. */
  publisher: LocalizedText;
  title: LocalizedText;
  /** The report, written beside the feed as import-report.json. */
  report: unknown;
}

/**
 * Writes a feed folder `brusano-feed validate` accepts: the services, the Bruxelles Social
 * categories they use and the lead-ins to them, the Region's reference datasets, no events, and
 * a manifest. It is
 * written to a temporary folder beside the target, then renamed, so a failed import never
 * leaves a half-written feed (an earlier feed in the target is replaced only when done).
 */
export async function writeFeedFolder(target: string, feed: ImportedFeed, generatedAt = new Date()): Promise<void> {
  const final = resolve(target);
  const temporary = join(dirname(final), `.${basename(final)}.importing-${process.pid}`);
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  try {
    const used = new Set(feed.services.flatMap((service) => service.categoryIds));
    const categories = (reference('categories') as TaxonomyTerm[]).filter((category) => used.has(category.id));
    const datasets: Record<string, unknown[]> = {
      bassins: reference('bassins'),
      communes: reference('communes'),
      quartiers: reference('quartiers'),
      helpdesks: reference('helpdesks'),
      actions: reference('actions'),
      events: [],
      services: feed.services,
      categories,
      leadins: leadinsWithin(used),
    };
    for (const [name, records] of Object.entries(datasets)) await writeFile(join(temporary, `${name}.json`), `${JSON.stringify(records, null, 2)}\n`);
    const manifest = {
      schemaVersion: '1.1.0',
      title: feed.title,
      publisher: { name: feed.publisher },
      generatedAt: generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      datasets: Object.fromEntries(Object.keys(datasets).map((name) => [name, { url: `${name}.json` }])),
    };
    await writeFile(join(temporary, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeFile(join(temporary, 'import-report.json'), `${JSON.stringify(feed.report, null, 2)}\n`);
    await rm(final, { recursive: true, force: true });
    await rename(temporary, final);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}
