import { expectedFormOf, needsOneOf, type Problem } from '../validation/problem.js';

/**
 * What a record may hold, as scripts/generate.mjs reads it from /schemas: the types, lists,
 * required fields, patterns and enumerations, without the documentation.
 */
export type Shape = ObjectShape | ArrayShape | StringShape | NumberShape | { type: 'boolean' } | { type: 'null' } | { enum: readonly unknown[] } | { oneOf: readonly Shape[] };

export interface ObjectShape {
  type: 'object';
  properties: Readonly<Record<string, Shape>>;
  required?: readonly string[];
  /** At least one of these groups of fields must all be there ("fr or nl"). */
  requireOneOf?: readonly (readonly string[])[];
  /** Exactly one of these combinations must hold (a closure, or exceptional hours). */
  branches?: readonly Branch[];
  minProperties?: number;
}

export interface Branch {
  required?: readonly string[];
  forbidden?: readonly string[];
  constants?: Readonly<Record<string, unknown>>;
}

export interface ArrayShape {
  type: 'array';
  items: Shape;
  minItems?: number;
  unique?: true;
}

export interface StringShape {
  type: 'string';
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  format?: 'email' | 'date' | 'date-time' | 'uri';
  /** The shared definition the field uses (phoneNumber, httpUrl…), to say what it must look like. */
  form?: string;
}

export interface NumberShape {
  type: 'integer' | 'number';
  minimum?: number;
  maximum?: number;
}

const INVALID: unique symbol = Symbol('invalid');
type Pruned = unknown;

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const patterns = new WeakMap<StringShape, RegExp>();

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

const TYPE_WORDS: Record<string, string> = { string: 'a text', integer: 'a whole number', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object', null: 'null' };

function escapeToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

class Pruner {
  /** Where the value being checked is in the record; a JSON pointer is only written for a problem. */
  private readonly path: (string | number)[] = [];
  /** Values found whole under a shape: a value many records share (a group's dictionary) is checked once. */
  private readonly whole = new Map<Shape, Set<object>>();

  constructor(
    readonly problems: Problem[],
    public where: Pick<Problem, 'dataset' | 'recordId' | 'index'>,
  ) {}

  report(message: string, key?: string | number): typeof INVALID {
    const tokens = key === undefined ? this.path : [...this.path, key];
    this.problems.push({ ...this.where, pointer: tokens.map((token) => `/${escapeToken(String(token))}`).join(''), message });
    return INVALID;
  }

  /** Checks a value one level down, at `key`. */
  private child(shape: Shape, value: unknown, key: string | number): Pruned {
    this.path.push(key);
    const result = this.prune(shape, value);
    this.path.pop();
    return result;
  }

  prune(shape: Shape, value: unknown): Pruned {
    // The type first: most shapes have one, and an `in` test costs as much on shapes of every form.
    const typed = shape as Extract<Shape, { type: string }>;
    switch (typed.type) {
      case 'object':
        return this.object(typed, value);
      case 'array':
        return this.array(typed, value);
      case 'string':
        return this.string(typed, value);
      case 'integer':
      case 'number': {
        if (typeof value !== 'number' || !Number.isFinite(value) || (typed.type === 'integer' && !Number.isInteger(value))) return this.report(`must be ${TYPE_WORDS[typed.type]}`);
        if (typed.minimum !== undefined && value < typed.minimum) return this.report(`must be at least ${typed.minimum}`);
        if (typed.maximum !== undefined && value > typed.maximum) return this.report(`must be at most ${typed.maximum}`);
        return value;
      }
      case 'boolean':
        return typeof value === 'boolean' ? value : this.report('must be true or false');
      case 'null':
        return value === null ? value : this.report('must be null');
    }
    if ('enum' in shape) {
      return shape.enum.includes(value) ? value : this.report(shape.enum.length === 1 ? `must be ${JSON.stringify(shape.enum[0])}` : `must be one of: ${shape.enum.map(String).join(', ')}`);
    }
    return this.alternatives((shape as { oneOf: readonly Shape[] }).oneOf, value);
  }

  /** The first alternative the value fits (a date, or a date and time; a bassin id, or null). */
  private alternatives(shapes: readonly Shape[], value: unknown): Pruned {
    const silent = new Pruner([], this.where);
    for (const shape of shapes) {
      const result = silent.prune(shape, value);
      if (result !== INVALID) return result;
    }
    const forms = shapes.map((shape) => ('type' in shape && shape.type === 'string' ? expectedFormOf(shape.form ?? shape.format) : undefined));
    return this.report(forms.every(Boolean) ? forms.map((form, index) => (index ? form!.replace(/^must be /, '') : form)).join(', or ') : 'is not in the expected form');
  }

  private string(shape: StringShape, value: unknown): Pruned {
    if (typeof value !== 'string') return this.report('must be a text');
    if (shape.minLength !== undefined && value.length < shape.minLength) return this.report(shape.minLength === 1 ? 'must not be empty' : `must be at least ${shape.minLength} characters long`);
    if (shape.maxLength !== undefined && value.length > shape.maxLength) return this.report(`must be at most ${shape.maxLength} characters long`);
    let pattern = shape.pattern === undefined ? undefined : patterns.get(shape);
    if (shape.pattern !== undefined && !pattern) patterns.set(shape, (pattern = new RegExp(shape.pattern, 'u')));
    const formatOk =
      shape.format === 'email' ? EMAIL.test(value) : shape.format === 'date' ? isCalendarDate(value) : shape.format === 'date-time' ? !Number.isNaN(Date.parse(value)) : shape.format === 'uri' ? URL.canParse(value) : true;
    if ((pattern && !pattern.test(value)) || !formatOk) return this.report(expectedFormOf(shape.form ?? shape.format) ?? 'is not in the expected form');
    return value;
  }

  private array(shape: ArrayShape, value: unknown): Pruned {
    if (!Array.isArray(value)) return this.report('must be a list');
    if (this.whole.get(shape)?.has(value)) return value;
    const before = this.problems.length;
    const kept: unknown[] = [];
    const seen = shape.unique ? new Set<string>() : undefined;
    for (let index = 0; index < value.length; index++) {
      const result = this.child(shape.items, value[index], index);
      if (result === INVALID) continue;
      if (seen) {
        const key = typeof result === 'object' ? JSON.stringify(result) : `${typeof result}:${String(result)}`;
        if (seen.has(key)) {
          this.report('repeats an earlier item; left out', index);
          continue;
        }
        seen.add(key);
      }
      kept.push(result);
    }
    if (shape.minItems !== undefined && kept.length < shape.minItems) return this.report(shape.minItems === 1 ? 'must not be an empty list' : `must have at least ${shape.minItems} items`);
    if (this.problems.length === before) this.remember(shape, value);
    return kept.length === value.length ? value : kept;
  }

  private object(shape: ObjectShape, value: unknown): Pruned {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return this.report('must be an object');
    if (this.whole.get(shape)?.has(value)) return value;
    const before = this.problems.length;
    const record = value as Record<string, unknown>;
    const dropped: string[] = [];
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const child = Object.hasOwn(shape.properties, key) ? shape.properties[key] : undefined;
      const result = child ? this.child(child, record[key], key) : this.report('is not a known field; left out', key);
      if (result !== INVALID) {
        if (result !== record[key]) record[key] = result;
        continue;
      }
      if (shape.required?.includes(key)) return INVALID;
      // Delete rather than assign: the key may be "__proto__", which an assignment would not remove.
      delete record[key];
      dropped.push(key);
    }
    for (const key of shape.required ?? []) if (!Object.hasOwn(record, key)) return this.report('is required', key);
    if (shape.requireOneOf && !shape.requireOneOf.some((group) => group.every((key) => Object.hasOwn(record, key)))) {
      // The field that would have made it whole was just reported: say it once.
      if (shape.requireOneOf.some((group) => group.some((key) => dropped.includes(key)))) return INVALID;
      return this.report(needsOneOf(shape.requireOneOf));
    }
    if (shape.minProperties !== undefined && Object.keys(record).length < shape.minProperties) return this.report(`must have at least ${shape.minProperties} field${shape.minProperties === 1 ? '' : 's'}`);
    if (shape.branches && shape.branches.filter((branch) => holds(branch, record)).length !== 1) return this.report('has fields that do not go together');
    if (this.problems.length === before) this.remember(shape, value);
    return value;
  }

  private remember(shape: Shape, value: object): void {
    if (this.path.length === 0) return; // a record itself is never shared
    const checked = this.whole.get(shape);
    if (checked) checked.add(value);
    else this.whole.set(shape, new Set([value]));
  }
}

function holds(branch: Branch, record: Record<string, unknown>): boolean {
  return (
    (branch.required ?? []).every((key) => Object.hasOwn(record, key)) &&
    !(branch.forbidden ?? []).some((key) => Object.hasOwn(record, key)) &&
    Object.entries(branch.constants ?? {}).every(([key, constant]) => !Object.hasOwn(record, key) || record[key] === constant)
  );
}

export interface GuardResult<T> {
  records: T[];
  problems: Problem[];
}

/**
 * The browser's check of records that were validated when the feed was built (or that come from
 * a hand-made feed): a record keeps every field that fits the schemas and loses the others, each
 * reported; a record without a valid id or name, or of the wrong shape, is left out. Nothing that
 * does not fit is kept, so no unexpected value reaches a page: a link is an http(s) address, a
 * phone number is a phone number. It builds no code, so it runs under a strict CSP.
 *
 * Records are checked in place: give it records you just parsed, not objects you share.
 *
 * @example
 * const { records, problems } = guardRecords(serviceShape, 'services', JSON.parse(text), 'id');
 */
export function guardRecords<T>(shape: Shape, dataset: string, records: readonly unknown[], idField: string, offset = 0, seenIds = new Map<string, number>()): GuardResult<T> {
  const kept: T[] = [];
  const problems: Problem[] = [];
  const pruner = new Pruner(problems, { dataset });
  records.forEach((record, position) => {
    const index = offset + position;
    const rawId = record !== null && typeof record === 'object' ? (record as Record<string, unknown>)[idField] : undefined;
    const recordId = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId).slice(0, 80) : undefined;
    pruner.where = { dataset, index, ...(recordId === undefined ? {} : { recordId }) };
    const before = problems.length;
    const result = pruner.prune(shape, record);
    const id = result === INVALID ? undefined : String((result as Record<string, unknown>)[idField]);
    const first = id === undefined ? undefined : seenIds.get(id);
    if (first !== undefined) pruner.report(`repeats the id of record ${first + 1}; this copy is skipped`, idField);
    else if (result === INVALID && problems.length === before) pruner.report('is not a valid record');
    const skipped = result === INVALID || first !== undefined;
    for (let at = before; at < problems.length; at++) problems[at]!.outcome = skipped ? 'record-skipped' : 'field-dropped';
    if (skipped) return;
    seenIds.set(id!, index);
    kept.push(result as T);
  });
  return { records: kept, problems };
}

/**
 * Checks one document (a manifest, a first page) the same way: what fits is kept, the rest
 * dropped and reported; undefined when the document as a whole does not fit.
 */
export function guardDocument<T>(shape: Shape, dataset: string, value: unknown): { value?: T; problems: Problem[] } {
  const problems: Problem[] = [];
  const result = new Pruner(problems, { dataset }).prune(shape, value);
  return result === INVALID ? { problems } : { value: result as T, problems };
}
