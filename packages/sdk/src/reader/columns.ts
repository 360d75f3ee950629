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

/** Texts up to this length are kept once when repeated (a street, a language code, a date); longer ones are rarely repeated. */
const SHARED_TEXT_MAX = 48;
/** Lists and flat objects up to this size, of such texts, numbers or booleans, are kept once too (languages, a street's names). */
const SHARED_PARTS_MAX = 8;
/** Values of a column looked up before deciding whether its values repeat… */
const SHARING_TRIAL = 1000;
/** …enough to be worth looking up: repeats found per value looked up. */
const SHARING_PAYS = 0.1;

/** A shared value's key with one more part; undefined once a part is not a short text, number or boolean. */
function keyWith(key: string | undefined, field: string, part: unknown, parts: number): string | undefined {
  if (key === undefined || parts > SHARED_PARTS_MAX) return undefined;
  if (typeof part === 'string') return part.length > SHARED_TEXT_MAX ? undefined : `${key}${field}\u0001"${part}\u0000`;
  return typeof part === 'number' || typeof part === 'boolean' ? `${key}${field}\u0001${part}\u0000` : undefined;
}

/**
 * The short texts, lists and flat objects met so far in a file. Parsing gives every record its
 * own copy of "fr", of a street's names or of ["fr", "nl"]: at 20 000 services, megabytes of the
 * same values. A column whose values do not repeat (ids, e-mail addresses) is left alone after
 * a trial: looking its values up would only cost time. As with a dictionary's values, the guard
 * checks a shared value once: a bad field in it is dropped from every record that has it, and
 * reported with the first.
 */
export class SharedValues {
  private readonly texts = new Map<string, string>();
  private readonly parts = new Map<string, object>();
  private readonly trials = new Map<string, { values: number; repeats: number }>();
  private repeats = 0;

  /** Replaces, in place, each value of a column (named by `path`) by its shared copy. */
  column(path: string, values: unknown[]): void {
    let trial = this.trials.get(path);
    if (!trial) this.trials.set(path, (trial = { values: 0, repeats: 0 }));
    if (trial.values >= SHARING_TRIAL && trial.repeats < trial.values * SHARING_PAYS) return;
    const before = this.repeats;
    for (let index = 0; index < values.length; index++) values[index] = this.share(values[index]);
    trial.values += values.length;
    trial.repeats += this.repeats - before;
  }

  /** The value with each short text, list and flat object replaced, in place, by the copy met first. */
  private share(value: unknown): unknown {
    if (typeof value === 'string') return value.length > SHARED_TEXT_MAX ? value : this.known(this.texts, value, value);
    if (value === null || typeof value !== 'object') return value;
    // The key of a list or flat object: its parts (with their fields), each a short text, number or boolean.
    let key: string | undefined = '[';
    let parts = 0;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) key = keyWith(key, '', (value[index] = this.share(value[index])), ++parts);
    } else {
      key = '{';
      const record = value as Record<string, unknown>;
      for (const field in record) if (Object.hasOwn(record, field) && !UNSAFE_KEYS.has(field)) key = keyWith(key, field, (record[field] = this.share(record[field])), ++parts);
    }
    return key === undefined ? value : this.known(this.parts, key, value);
  }

  private known<T>(table: Map<string, T>, key: string, value: T): T {
    const known = table.get(key);
    if (known !== undefined) {
      this.repeats++;
      return known;
    }
    table.set(key, value);
    return value;
  }
}

/**
 * Rebuilds the records of a row group. A group that is not in this form gives no records; a
 * column that is not gives no values. Values repeated through a dictionary are the same object
 * in every record that has them, as are the short texts, lists and small objects met before in
 * `shared`: treat records as read-only. Give every group of a file the same `shared`.
 */
export function decodeRowGroup(group: unknown, shared = new SharedValues()): Record<string, unknown>[] {
  const { rows, columns } = (group ?? {}) as Partial<RowGroup>;
  if (!isIndex(rows, 1_000_001) || !Array.isArray(columns)) return [];
  const records = Array.from({ length: rows }, () => ({}) as Record<string, unknown>);
  for (const column of columns) {
    if (!Array.isArray(column) || !Array.isArray(column[0]) || !Array.isArray(column[1])) continue;
    const path = column[0] as unknown[];
    if (path.length === 0 || !path.every((key) => typeof key === 'string' && !UNSAFE_KEYS.has(key))) continue;
    const keys = path as string[];
    const dictionary = column.length === 3 ? (column[1] as unknown[]) : undefined;
    const values = column.length === 3 ? column[2] : column[1];
    if (!Array.isArray(values)) continue;
    shared.column(keys.join('.'), dictionary ?? values);
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
  // Fields added one by one under computed names leave a record of twenty fields in the engine's
  // slow "dictionary" form (a 400-byte table each, slower to read); a copy has the compact form.
  return records.map((record) => ({ ...record }));
}
