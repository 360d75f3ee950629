import { readFile } from 'node:fs/promises';
import type { LocalizedText, Service } from '@brusano/sdk';
import { servicesFromHsds, type ImportLanguage } from '../hsds/import.js';
import { parseJson, readHsdsApi, readHsdsPath, type HsdsInput } from '../hsds/read.js';
import { writeFeedFolder } from '../import/feed-folder.js';
import { ImportInputError } from '../import/input-error.js';
import { reportLines, type RecordReport } from '../import/report.js';
import { importSocialBrussels } from '../import/social-brussels.js';

export const importUsage = `Usage: brusano-feed import hsds <file.json|folder|https://api> <out-folder> [--lang en|fr|nl]
       brusano-feed import social-brussels <records.json> <out-folder>

hsds: reads Open Referral HSDS 3 services — a service, a list, a page of the API ("contents"),
an organization with its services, a folder of such .json files, or the base URL of an HSDS
API (/services page by page, then /services/{id}). HSDS texts are in one language: --lang
says which (default en); they are kept in that language, not translated.
social-brussels: maps Bruxelles Social organisation records (a JSON list).
A record is kept whenever it has an id and a name; a field that can't be read or has no place
in the feed is left out. Writes a feed folder brusano-feed validate accepts (manifest.json,
services.json, the categories used, the Region's reference data) and import-report.json: per
record, what was kept, changed and dropped, and why; prints a line for each change and drop.
The folder is written whole or not at all.
Exit code: 0 imported (at least one record read), 1 nothing could be read, 2 usage error.`;

const TITLES: Record<'hsds' | 'social-brussels', { title: LocalizedText; publisher: LocalizedText }> = {
  hsds: {
    title: { fr: 'Services importés d’un répertoire HSDS (Open Referral)', nl: 'Diensten geïmporteerd uit een HSDS-repertorium (Open Referral)', en: 'Services imported from an HSDS directory (Open Referral)' },
    publisher: { fr: 'Importé par brusano-feed', nl: 'Geïmporteerd door brusano-feed', en: 'Imported by brusano-feed' },
  },
  'social-brussels': {
    title: { fr: 'Services importés de Bruxelles Social', nl: 'Diensten geïmporteerd uit Sociaal Brussel', en: 'Services imported from Bruxelles Social' },
    publisher: { fr: 'Importé par brusano-feed', nl: 'Geïmporteerd door brusano-feed', en: 'Imported by brusano-feed' },
  },
};

function parseArgs(args: string[]): { format: 'hsds' | 'social-brussels'; input: string; target: string; lang: ImportLanguage } | undefined {
  const positional: string[] = [];
  let lang: string = 'en';
  for (let at = 0; at < args.length; at++) {
    if (args[at] === '--lang') lang = args[++at] ?? '';
    else if (args[at]!.startsWith('--')) return undefined;
    else positional.push(args[at]!);
  }
  const [format, input, target] = positional;
  if ((format !== 'hsds' && format !== 'social-brussels') || !input || !target || positional.length !== 3) return undefined;
  if (lang !== 'en' && lang !== 'fr' && lang !== 'nl') return undefined;
  return { format, input, target, lang };
}

async function readInputs(format: 'hsds' | 'social-brussels', input: string, notes: string[]): Promise<HsdsInput[]> {
  if (/^https?:\/\//i.test(input)) {
    if (format !== 'hsds') throw new ImportInputError(input, 'only an HSDS import reads from a URL');
    return [await readHsdsApi(input, { notes, ...(process.env.BRUSANO_IMPORT_TIMEOUT_MS ? { timeoutMs: Number(process.env.BRUSANO_IMPORT_TIMEOUT_MS) } : {}) })];
  }
  if (format === 'hsds') return readHsdsPath(input);
  const document = parseJson(await readFile(input, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ImportInputError(input, error.code === 'ENOENT' ? 'no such file' : error.message);
  }), input);
  if (!Array.isArray(document)) throw new ImportInputError(input, 'must hold a list of Bruxelles Social records');
  return [{ source: input, records: document }];
}

export async function importCommand(args: string[], out: (line: string) => void): Promise<number> {
  const options = parseArgs(args);
  if (!options) {
    out(importUsage);
    return 2;
  }
  const { format, input, target, lang } = options;
  const notes: string[] = [];
  let inputs: HsdsInput[];
  try {
    inputs = await readInputs(format, input, notes);
  } catch (error) {
    out(error instanceof ImportInputError ? `✗ ${error.message}` : `✗ ${input}: ${(error as Error).message}`);
    out('Nothing was imported.');
    return 1;
  }
  const services: Service[] = [];
  const reports: RecordReport[] = [];
  // One set of ids across the files: a record repeating an earlier file's id is left out, and said.
  const seenIds = new Set<string>();
  for (const { source, records } of inputs) {
    const result = format === 'hsds' ? servicesFromHsds(records, { lang, source, seenIds }) : importSocialBrussels(records, { source, seenIds });
    // A loop, not a spread: a file may hold more records than a call takes arguments.
    for (const service of result.services) services.push(service);
    for (const report of result.reports) reports.push(report);
  }
  for (const note of notes) out(note);
  for (const report of reports) for (const line of reportLines(report)) out(line);
  const read = reports.length;
  if (!services.length) {
    out(`✗ none of the ${read} record(s) could be imported; nothing was written.`);
    return 1;
  }
  try {
    await writeFeedFolder(target, { services, ...TITLES[format], report: { input, format, lang, records: reports } });
  } catch (error) {
    out(`✗ ${target} could not be written: ${(error as Error).message}`);
    return 1;
  }
  const changed = reports.filter((report) => report.kept && (report.changed.length || report.dropped.length)).length;
  out(`✓ ${services.length} of ${read} records imported into ${target} (${changed} with a field changed or left out; see import-report.json).`);
  return 0;
}
