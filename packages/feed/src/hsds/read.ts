import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ImportInputError } from '../import/input-error.js';

/** HSDS records read from one file or URL. */
export interface HsdsInput {
  source: string;
  records: unknown[];
}

/** Files larger than this are refused before they are read: no HSDS export of one region comes near. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
const PER_PAGE = 100;
const CONCURRENT_REQUESTS = 8;

/**
 * The services of one HSDS document: a service, a list of them, a page of the API (`contents`),
 * an organization with its services (each given its organization back), or a list of those.
 */
export function servicesOfDocument(document: unknown, source: string): unknown[] {
  if (Array.isArray(document)) return document.flatMap((item) => (isOrganization(item) ? servicesOfOrganization(item) : [item]));
  if (document === null || typeof document !== 'object') throw new ImportInputError(source, 'holds no HSDS service, list, page or organization');
  const object = document as Record<string, unknown>;
  if (Array.isArray(object.contents)) return servicesOfDocument(object.contents, source);
  if (isOrganization(object)) return servicesOfOrganization(object);
  return [object];
}

function isOrganization(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Array.isArray((value as Record<string, unknown>).services);
}

function servicesOfOrganization(organization: Record<string, unknown>): unknown[] {
  const { services, ...rest } = organization;
  return (services as unknown[]).map((service) =>
    service !== null && typeof service === 'object' && !(service as Record<string, unknown>).organization ? { ...(service as object), organization: rest } : service,
  );
}

/** Parses a JSON text, saying in plain words what is wrong when it is not JSON. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (/^\s*</.test(text)) throw new ImportInputError(source, 'is an HTML or XML page, not JSON');
    throw new ImportInputError(source, `is not valid JSON (${(error as Error).message}); is the file complete?`);
  }
}

async function readJsonFile(file: string): Promise<HsdsInput> {
  const size = (await stat(file)).size;
  if (size > MAX_FILE_BYTES) throw new ImportInputError(file, `is ${Math.round(size / 1024 / 1024)} MB, more than the ${MAX_FILE_BYTES / 1024 / 1024} MB an import reads`);
  return { source: file, records: servicesOfDocument(parseJson(await readFile(file, 'utf8'), file), file) };
}

/** Every .json file of a folder (sorted), or the one file given. */
export async function readHsdsPath(path: string): Promise<HsdsInput[]> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch (error) {
    throw new ImportInputError(path, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message);
  }
  if (!isFolder) return [await readJsonFile(path)];
  const files = (await readdir(path)).filter((file) => file.endsWith('.json')).sort();
  if (!files.length) throw new ImportInputError(path, 'holds no .json file');
  const inputs: HsdsInput[] = [];
  for (const file of files) inputs.push(await readJsonFile(join(path, file)));
  return inputs;
}

/**
 * The services of an HSDS API: `/services` page by page, then each `/services/{id}` for the
 * full nested service (its list entry when that request fails, said in `notes`).
 */
export async function readHsdsApi(base: string, { timeoutMs = 20_000, notes = [] as string[] } = {}): Promise<HsdsInput> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const get = async (url: string): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? `did not answer within ${timeoutMs / 1000} s` : `could not be reached (${(error as Error).message})`;
      throw new ImportInputError(url, reason);
    }
    if (!response.ok) throw new ImportInputError(url, `answered ${response.status} ${response.statusText}`.trim());
    const length = Number(response.headers.get('content-length'));
    if (length > MAX_FILE_BYTES) throw new ImportInputError(url, `answers ${Math.round(length / 1024 / 1024)} MB, more than an import reads`);
    return parseJson(await response.text(), url);
  };
  const listed: Record<string, unknown>[] = [];
  for (let page = 1; ; page++) {
    const url = new URL(`services?page=${page}&per_page=${PER_PAGE}`, root).href;
    const document = (await get(url)) as Record<string, unknown> | null;
    if (!document || typeof document !== 'object' || !Array.isArray(document.contents)) throw new ImportInputError(url, 'is not an HSDS page of services (no "contents" list)');
    listed.push(...(document.contents as Record<string, unknown>[]));
    const totalPages = Number(document.total_pages);
    if (document.last_page === true || document.empty === true || !document.contents.length || (Number.isFinite(totalPages) && page >= totalPages)) break;
    if (page >= 10_000) throw new ImportInputError(url, 'has more than 10 000 pages: stopped');
  }
  const records: unknown[] = new Array(listed.length);
  let next = 0;
  const worker = async () => {
    while (next < listed.length) {
      const at = next++;
      const entry = listed[at]!;
      const id = typeof entry?.id === 'string' || typeof entry?.id === 'number' ? String(entry.id) : undefined;
      if (id === undefined) {
        records[at] = entry;
        continue;
      }
      try {
        records[at] = await get(new URL(`services/${encodeURIComponent(id)}`, root).href);
      } catch (error) {
        notes.push(`${(error as Error).message}: the list entry is used instead`);
        records[at] = entry;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_REQUESTS }, worker));
  return { source: root, records };
}
