import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { territoryCalendars } from '@brusano/sdk';
import { checkFeedDirectory } from '../feed-directory.js';

export const calendarsUsage = `Usage: brusano-feed calendars <feed-folder> <out-folder>

Writes the subscribable calendars of the feed's events: all.<lang>.ics and <bassin>.<lang>.ics
(a bassin's events and the Region's), in fr, nl and en. The same feed gives the same files
(their stamp is the manifest's generatedAt).
Exit code: 0 written, 1 the feed could not be read, 2 usage error.`;

/**
 * Writes the calendar files and returns what it wrote.
 *
 * @example
 * await writeCalendars('examples/feed', 'dist/feed/calendars');
 */
export async function writeCalendars(feedFolder: string, outFolder: string): Promise<{ file: string; count: number; territory: string; lang: string }[]> {
  const check = await checkFeedDirectory(feedFolder);
  if (!check.manifest || !check.data.events || !check.data.bassins) {
    throw new Error(`${feedFolder} is not a readable feed: run brusano-feed validate ${feedFolder}`);
  }
  const stamp = check.manifest.generatedAt ? new Date(check.manifest.generatedAt) : new Date(0);
  await mkdir(outFolder, { recursive: true });
  const written = [];
  for (const calendar of territoryCalendars(check.data.events, check.data.bassins, { stamp })) {
    const file = join(outFolder, calendar.fileName);
    await writeFile(file, calendar.ics);
    written.push({ file, count: calendar.count, territory: calendar.territory, lang: calendar.lang });
  }
  return written;
}

export async function calendarsCommand(args: string[], out: (line: string) => void): Promise<number> {
  if (args.length !== 2 || args.some((arg) => arg.startsWith('--'))) {
    out(calendarsUsage);
    return 2;
  }
  const [feedFolder, outFolder] = args as [string, string];
  try {
    for (const { file, count } of await writeCalendars(feedFolder, outFolder)) out(`wrote ${relative(process.cwd(), file)} (${count} events)`);
    return 0;
  } catch (error) {
    out((error as Error).message);
    return 1;
  }
}
