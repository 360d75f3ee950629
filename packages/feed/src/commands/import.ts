import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importSocialBrussels } from '../import/social-brussels.js';
import { progress } from '../progress.js';

export const importUsage = `Usage: brusano-feed import social-brussels <records.json> <out-folder>

Maps Bruxelles Social organisation records (a JSON list) to Brusano services through the
Bruxelles Social taxonomies, writes <out-folder>/services.json, and says record by record what
could not be mapped (one line each). Records that cannot become valid services are left out.
Exit code: 0 imported, 1 the input cannot be read, 2 usage error.`;

export async function importCommand(args: string[], out: (line: string) => void): Promise<number> {
  const [format, input, target, ...rest] = args;
  if (format !== 'social-brussels' || !input || !target || rest.length) {
    out(importUsage);
    return 2;
  }
  let records: unknown;
  try {
    records = JSON.parse(await readFile(input, 'utf8'));
  } catch (error) {
    out(`${input} cannot be read as JSON: ${(error as Error).message}`);
    return 1;
  }
  const list = Array.isArray(records) ? records : (records as { items?: unknown })?.items;
  if (!Array.isArray(list)) {
    out(`${input} must hold a list of organisation records.`);
    return 1;
  }
  const bar = progress('importing', 1);
  const { services, notes } = importSocialBrussels(list as Record<string, unknown>[]);
  bar.tick();
  bar.done();
  await mkdir(target, { recursive: true });
  await writeFile(join(target, 'services.json'), `${JSON.stringify(services, null, 2)}\n`);
  for (const note of notes) out(`record ${note.index + 1} (${note.recordId}): ${note.message}`);
  out(`✓ ${services.length} of ${list.length} records imported into ${join(target, 'services.json')}; ${notes.length} note(s).`);
  return 0;
}
