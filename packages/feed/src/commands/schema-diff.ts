import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const schemaDiffUsage = `Usage: brusano-feed schema-diff <old-schemas-folder> <new-schemas-folder> [--json]

Compares two versions of the schemas and says, change by change, whether it is breaking for
feeds and readers (a property or schema removed or renamed, a new required field, a type, enum,
pattern or limit narrowed) or compatible (added optional fields, widened types or enums, words).
Exit code: 0 no breaking change, or the major version in the schemas' $id went up;
1 a breaking change without a major version bump; 2 usage error.`;

export interface SchemaChange {
  file: string;
  /** JSON pointer inside the schema. */
  path: string;
  breaking: boolean;
  message: string;
}

type Schema = Record<string, unknown>;
const isObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const WORDS = new Set(['description', 'title', '$comment', 'examples']);

/** Keywords whose larger value narrows what is allowed, and those whose smaller value does. */
const LOWER_BOUNDS = ['minLength', 'minItems', 'minimum', 'minProperties', 'exclusiveMinimum'];
const UPPER_BOUNDS = ['maxLength', 'maxItems', 'maximum', 'maxProperties', 'exclusiveMaximum'];
const SUBSCHEMA_MAPS = ['properties', '$defs', 'patternProperties'];
const SUBSCHEMAS = ['items', 'not', 'additionalProperties', 'if', 'then', 'else', 'contains'];
const SUBSCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];

function compare(file: string, path: string, before: unknown, after: unknown, changes: SchemaChange[]): void {
  const add = (breaking: boolean, message: string, at = path) => changes.push({ file, path: at, breaking, message });
  if (!isObject(before) || !isObject(after)) {
    if (JSON.stringify(before) !== JSON.stringify(after)) add(before === true || after === false, `changed from ${JSON.stringify(before)} to ${JSON.stringify(after)}`);
    return;
  }
  for (const map of SUBSCHEMA_MAPS) {
    const old = isObject(before[map]) ? before[map] : {};
    const now = isObject(after[map]) ? after[map] : {};
    for (const name of Object.keys(old)) {
      if (!(name in now)) add(true, `${map === 'properties' ? 'property' : 'definition'} "${name}" removed (or renamed)`, `${path}/${map}/${name}`);
      else compare(file, `${path}/${map}/${name}`, old[name], now[name], changes);
    }
    for (const name of Object.keys(now)) if (!(name in old)) add(false, `${map === 'properties' ? 'property' : 'definition'} "${name}" added`, `${path}/${map}/${name}`);
  }
  const oldRequired = new Set(asList(before.required) as string[]);
  const newRequired = new Set(asList(after.required) as string[]);
  for (const name of newRequired) if (!oldRequired.has(name)) add(true, `"${name}" is now required`);
  for (const name of oldRequired) if (!newRequired.has(name)) add(false, `"${name}" is no longer required`);

  const oldTypes = new Set(asList(before.type) as string[]);
  const newTypes = new Set(asList(after.type) as string[]);
  if (JSON.stringify([...oldTypes].sort()) !== JSON.stringify([...newTypes].sort())) {
    const narrowed = oldTypes.size === 0 ? newTypes.size > 0 : [...oldTypes].some((type) => newTypes.size > 0 && !newTypes.has(type) && !(type === 'integer' && newTypes.has('number')));
    add(narrowed, `type changed from ${[...oldTypes].join('|') || 'any'} to ${[...newTypes].join('|') || 'any'}`);
  }
  if ('enum' in before || 'enum' in after) {
    const oldValues = asList(before.enum).map((value) => JSON.stringify(value));
    const newValues = asList(after.enum).map((value) => JSON.stringify(value));
    const removed = 'enum' in after ? oldValues.filter((value) => !newValues.includes(value)) : [];
    const added = 'enum' in before ? newValues.filter((value) => !oldValues.includes(value)) : [];
    if (!('enum' in before)) add(true, `now limited to ${newValues.join(', ')}`);
    if (removed.length) add(true, `value${removed.length > 1 ? 's' : ''} ${removed.join(', ')} no longer allowed`);
    if (added.length) add(false, `value${added.length > 1 ? 's' : ''} ${added.join(', ')} now allowed`);
  }
  for (const keyword of ['const', 'pattern', 'format', '$ref']) {
    if (JSON.stringify(before[keyword]) === JSON.stringify(after[keyword])) continue;
    const widened = after[keyword] === undefined && keyword !== '$ref';
    add(!widened, `${keyword} ${before[keyword] === undefined ? 'added' : after[keyword] === undefined ? 'removed' : 'changed'}${keyword === '$ref' ? ` (${String(before[keyword] ?? '')} → ${String(after[keyword] ?? '')})` : ''}`);
  }
  for (const keyword of [...LOWER_BOUNDS, ...UPPER_BOUNDS]) {
    const old = before[keyword] as number | undefined;
    const now = after[keyword] as number | undefined;
    if (old === now) continue;
    const lower = LOWER_BOUNDS.includes(keyword);
    const narrowed = now !== undefined && (old === undefined || (lower ? now > old : now < old));
    add(narrowed, `${keyword} ${old === undefined ? 'set' : now === undefined ? 'removed' : 'changed'}${old !== undefined ? ` from ${old}` : ''}${now !== undefined ? ` to ${now}` : ''}`);
  }
  if (before.uniqueItems !== after.uniqueItems) add(after.uniqueItems === true, `uniqueItems ${after.uniqueItems === true ? 'set' : 'removed'}`);
  for (const keyword of SUBSCHEMAS) {
    if (before[keyword] === undefined && after[keyword] === undefined) continue;
    compare(file, `${path}/${keyword}`, before[keyword] ?? true, after[keyword] ?? true, changes);
  }
  for (const keyword of SUBSCHEMA_LISTS) {
    const old = asList(before[keyword]);
    const now = asList(after[keyword]);
    for (let index = 0; index < Math.max(old.length, now.length); index++) {
      if (index >= now.length) add(keyword === 'allOf' ? false : true, `${keyword} alternative ${index} removed`, `${path}/${keyword}/${index}`);
      else if (index >= old.length) add(keyword === 'allOf', `${keyword} ${keyword === 'allOf' ? 'condition' : 'alternative'} ${index} added`, `${path}/${keyword}/${index}`);
      else compare(file, `${path}/${keyword}/${index}`, old[index], now[index], changes);
    }
  }
  const wordsChanged = [...WORDS].filter((keyword) => JSON.stringify(before[keyword]) !== JSON.stringify(after[keyword]));
  if (wordsChanged.length) add(false, `${wordsChanged.join(', ')} reworded`);
}

async function readSchemas(folder: string): Promise<Map<string, Schema>> {
  const files = (await readdir(folder)).filter((file) => file.endsWith('.schema.json')).sort();
  return new Map(await Promise.all(files.map(async (file) => [file, JSON.parse(await readFile(join(folder, file), 'utf8')) as Schema] as const)));
}

/** The major version in the schemas' $id (https://…/schemas/<major>/…). */
function majorOf(schemas: Map<string, Schema>): number | undefined {
  for (const schema of schemas.values()) {
    const major = /\/schemas\/(\d+)\//.exec(String(schema.$id ?? ''))?.[1];
    if (major) return Number(major);
  }
  return undefined;
}

/**
 * Classifies every change between two versions of the schemas.
 *
 * @example
 * const { changes, majorBumped } = await diffSchemas('old/schemas', 'schemas');
 */
export async function diffSchemas(oldFolder: string, newFolder: string): Promise<{ changes: SchemaChange[]; majorBumped: boolean }> {
  const [before, after] = await Promise.all([readSchemas(oldFolder), readSchemas(newFolder)]);
  const changes: SchemaChange[] = [];
  for (const [file, schema] of before) {
    const next = after.get(file);
    if (!next) changes.push({ file, path: '', breaking: true, message: 'schema removed (or renamed)' });
    else compare(file, '', withoutId(schema), withoutId(next), changes);
  }
  for (const file of after.keys()) if (!before.has(file)) changes.push({ file, path: '', breaking: false, message: 'schema added' });
  const oldMajor = majorOf(before);
  const newMajor = majorOf(after);
  return { changes, majorBumped: oldMajor !== undefined && newMajor !== undefined && newMajor > oldMajor };
}

/** $id and $ref URLs carry the major version: compare the schemas without it. */
function withoutId(schema: Schema): Schema {
  const { $id: _id, ...rest } = schema;
  return JSON.parse(JSON.stringify(rest).replace(/https:\/\/brusano\.brussels\/schemas\/\d+\//g, '')) as Schema;
}

export async function schemaDiffCommand(args: string[], out: (line: string) => void): Promise<number> {
  const json = args.includes('--json');
  const folders = args.filter((arg) => !arg.startsWith('--'));
  if (folders.length !== 2 || args.some((arg) => arg.startsWith('--') && arg !== '--json')) {
    out(schemaDiffUsage);
    return 2;
  }
  const { changes, majorBumped } = await diffSchemas(folders[0]!, folders[1]!);
  const breaking = changes.filter((change) => change.breaking);
  const failed = breaking.length > 0 && !majorBumped;
  if (json) {
    out(JSON.stringify({ breaking: breaking.length, compatible: changes.length - breaking.length, majorBumped, changes }, null, 2));
  } else {
    for (const change of changes) out(`${change.breaking ? 'BREAKING  ' : 'compatible'} ${change.file}${change.path ? ` ${change.path}` : ''}: ${change.message}`);
    out(
      breaking.length === 0
        ? `✓ ${changes.length} change(s), none breaking.`
        : majorBumped
          ? `✓ ${breaking.length} breaking change(s), with a major version bump.`
          : `✗ ${breaking.length} breaking change(s) without a major version bump: raise the major version in the schemas' $id (and the manifest's schemaVersion).`,
    );
  }
  return failed ? 1 : 0;
}
