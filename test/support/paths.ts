import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLE_FEED = join(ROOT, 'examples', 'feed');
export const REFERENCE = join(ROOT, 'packages', 'sdk', 'reference');
export const SCHEMAS = join(ROOT, 'schemas');
/** The shared folder with seeds and fixtures, beside the repository (CI clones it there too). */
export const SHARED = [join(ROOT, '..', 'shared'), join(ROOT, '..', '..', 'shared')].find((path) => existsSync(join(path, 'DOMAIN.md')));
