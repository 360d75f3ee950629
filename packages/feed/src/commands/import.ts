import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { servicesFromHsds, type HsdsService } from '../hsds/hsds.js';
import { importSocialBrussels } from '../import/social-brussels.js';
import { progress } from '../progress.js';

export const importUsage = `Usage: brusano-feed import social-brussels <records.json> <out-folder>
       brusano-feed import hsds <file.json|folder> <out-folder>

social-brussels: maps Bruxelles Social organisation records (a JSON list) to Brusano services
through the Bruxelles Social taxonomies. hsds: reads Open Referral HSDS 3 nested services (a JSON
list or object per file), with their Brusano extension (x_brusano) when present.
Writes <out-folder>/services.json and says record by record what could not be mapped (one line
each). Records that cannot become valid services are left out.
Exit code: 0 imported, 1 the input cannot be read, 2 usage error.`;

/** The JSON documents of a file, or of every .json file of a folder, as one list. */
async function readRecords(input: string): Promise<unknown[]> {
  const files = (await stat(input)).isDirectory()
    ? (await readdir(input)).filter((file) => file.endsWith('.json')).sort().map((file) => join(input, file))
    : [input];
  const documents = await Promise.all(files.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as unknown));
  return documents.flatMap((document) => {
    const list = Array.isArray(document) ? document : (document as { items?: unknown; services?: unknown })?.items ?? (document as { services?: unknown })?.services ?? document;
    if (Array.isArray(list)) return list;
    if (list && typeof list === 'object') return [list];
    throw new Error('must hold a list of records');
  });
}

export async function importCommand(args: string[], out: (line: string) => void): Promise<number> {
  const [format, input, target, ...rest] = args;
  if ((format !== 'social-brussels' && format !== 'hsds') || !input || !target || rest.length) {
    out(importUsage);
    return 2;
  }
  let records: unknown[];
  try {
    records = await readRecords(input);
  } catch (error) {
    out(`${input} cannot be read: ${(error as Error).message}`);
    return 1;
  }
  const bar = progress('importing', 1);
  const { services, notes } =
    format === 'hsds'
      ? servicesFromHsds(records as HsdsService[])
      : importSocialBrussels(records as Record<string, unknown>[]);
  bar.tick();
  bar.done();
  await mkdir(target, { recursive: true });
  await writeFile(join(target, 'services.json'), `${JSON.stringify(services, null, 2)}\n`);
  for (const note of notes) out(`record ${note.index + 1}${'recordId' in note ? ` (${note.recordId})` : ''}: ${note.message}`);
  out(`✓ ${services.length} of ${records.length} records imported into ${join(target, 'services.json')}; ${notes.length} note(s).`);
  return 0;
}
