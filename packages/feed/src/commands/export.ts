import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkFeedDirectory } from '../feed-directory.js';
import { serviceToHsds } from '../hsds/export.js';
import { formatProblem } from './validate.js';

export const exportUsage = `Usage: brusano-feed export hsds <feed-folder> <out-folder>

Writes the feed's services as Open Referral HSDS 3 nested services (<out-folder>/services.json),
valid against the HSDS 3 schema files, with French and Dutch texts in the x_brusano extension.
Exit code: 0 exported, 1 the feed has problems, 2 usage error.`;

export async function exportCommand(args: string[], out: (line: string) => void): Promise<number> {
  const [format, feed, target, ...rest] = args;
  if (format !== 'hsds' || !feed || !target || rest.length) {
    out(exportUsage);
    return 2;
  }
  const check = await checkFeedDirectory(feed);
  if (check.problems.length || !check.data.services) {
    for (const problem of check.problems) out(formatProblem(problem));
    out(`✗ ${feed} has problems: nothing exported.`);
    return 1;
  }
  const categories = new Map((check.data.categories ?? []).map((term) => [term.id, term]));
  const services = check.data.services.map((service) => serviceToHsds(service, categories));
  await mkdir(target, { recursive: true });
  await writeFile(join(target, 'services.json'), `${JSON.stringify(services, null, 2)}\n`);
  out(`✓ ${services.length} services exported to ${join(target, 'services.json')} (HSDS 3).`);
  return 0;
}
