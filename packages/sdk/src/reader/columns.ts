/**
 * The compact form of a list of records that a built feed gives the browser: records in groups,
 * each group stored column by column (every record's name.fr together, every record's
 * categoryIds together…), and a column whose values repeat (a street, a set of hours, a list of
 * languages) stored once with an index per record. Similar values side by side compress far
 * better than records one after the other, and a repeated value is read once.
 *
 * A field is a column when it is an object member; lists and empty objects are values.
 * `null` in a column stands for a field the record does not have (the schemas of the records so
 * encoded allow no null).
 */
export const COLUMNS_FORMAT = 'brusano-columns/1';

/** [path, values] or [path, distinct values, index of each record's value]. */
export type Column = [path: string[], values: unknown[]] | [path: string[], dictionary: unknown[], indexes: number[]];

export interface RowGroup {
  rows: number;
  columns: Column[];
}

/** Columns whose records share fewer distinct values than this fraction are stored as a dictionary. */
const DICTIONARY_BELOW = 1 / 4;
/** Path segments that would reach an object's prototype: never written. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function leaves(value: unknown, path: string[], out: Map<string, { path: string[]; values: unknown[] }>, row: number): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) leaves(child, [...path, key], out, row);
    return;
  }
  const key = JSON.stringify(path);
  let column = out.get(key);
  if (!column) out.set(key, (column = { path, values: [] }));
  column.values[row] = value;
}

/**
 * Encodes records as one row group.
 *
 * @example
 * const group = encodeRowGroup(services.slice(0, 1000));
 * decodeRowGroup(group) // the same records
 */
export function encodeRowGroup(records: readonly unknown[]): RowGroup {
  const columns = new Map<string, { path: string[]; values: unknown[] }>();
  records.forEach((record, row) => leaves(record, [], columns, row));
  return {
    rows: records.length,
    columns: [...columns.values()].map(({ path, values }): Column => {
      const filled = Array.from({ length: records.length }, (_, row) => values[row] ?? null);
      const keys = filled.map((value) => JSON.stringify(value));
      const distinct = [...new Set(keys)];
      if (distinct.length >= Math.max(2, records.length * DICTIONARY_BELOW)) return [path, filled];
      const position = new Map(distinct.map((key, index) => [key, index]));
      return [path, distinct.map((key) => JSON.parse(key) as unknown), keys.map((key) => position.get(key)!)];
    }),
  };
}

const isIndex = (value: unknown, size: number): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < size;

/**
 * Rebuilds the records of a row group. A group that is not in this form gives no records; a
 * column that is not gives no values. Values repeated through a dictionary are the same object
 * in every record that has them: treat records as read-only.
 */
export function decodeRowGroup(group: unknown): Record<string, unknown>[] {
  const { rows, columns } = (group ?? {}) as Partial<RowGroup>;
  if (!isIndex(rows, 1_000_001) || !Array.isArray(columns)) return [];
  const records = Array.from({ length: rows }, () => ({}) as Record<string, unknown>);
  for (const column of columns) {
    if (!Array.isArray(column) || !Array.isArray(column[0]) || !Array.isArray(column[1])) continue;
    const path = column[0] as unknown[];
    if (path.length === 0 || !path.every((key) => typeof key === 'string' && !UNSAFE_KEYS.has(key))) continue;
    const keys = path as string[];
    const dictionary = column.length === 3 ? column[1] : undefined;
    const values = column.length === 3 ? column[2] : column[1];
    if (!Array.isArray(values)) continue;
    for (let row = 0; row < rows; row++) {
      const raw = values[row];
      const value = dictionary ? (isIndex(raw, dictionary.length) ? dictionary[raw] : undefined) : raw;
      if (value === null || value === undefined) continue;
      let target: Record<string, unknown> | undefined = records[row]!;
      for (let depth = 0; depth < keys.length - 1 && target; depth++) {
        const key = keys[depth]!;
        const next: unknown = target[key];
        if (next === undefined) target = target[key] = {};
        // A path through a value that is not an object (a malformed group): the column gives nothing here.
        else target = next !== null && typeof next === 'object' && !Array.isArray(next) ? (next as Record<string, unknown>) : undefined;
      }
      const last = keys[keys.length - 1]!;
      if (target && target[last] === undefined) target[last] = value;
    }
  }
  return records;
}
