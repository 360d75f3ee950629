import { expectedFormOf, type Problem } from '../validation/problem.js';

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
/** Objects already found whole under a shape: values shared by many records are checked once. */
const whole = new WeakMap<Shape, WeakSet<object>>();

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(text);
}

const TYPE_WORDS: Record<string, string> = { string: 'a text', integer: 'a whole number', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object', null: 'null' };

function escapeToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

class Pruner {
  constructor(
    readonly problems: Problem[],
    readonly where: Pick<Problem, 'dataset' | 'recordId' | 'index'>,
  ) {}

  report(pointer: string, message: string): typeof INVALID {
    this.problems.push({ ...this.where, pointer, message });
    return INVALID;
  }

  prune(shape: Shape, value: unknown, pointer: string): Pruned {
    if ('enum' in shape) {
      return shape.enum.includes(value) ? value : this.report(pointer, shape.enum.length === 1 ? `must be ${JSON.stringify(shape.enum[0])}` : `must be one of: ${shape.enum.map(String).join(', ')}`);
    }
    if ('oneOf' in shape) return this.alternatives(shape.oneOf, value, pointer);
    switch (shape.type) {
      case 'object':
        return this.object(shape, value, pointer);
      case 'array':
        return this.array(shape, value, pointer);
      case 'string':
        return this.string(shape, value, pointer);
      case 'integer':
      case 'number': {
        if (typeof value !== 'number' || !Number.isFinite(value) || (shape.type === 'integer' && !Number.isInteger(value))) return this.report(pointer, `must be ${TYPE_WORDS[shape.type]}`);
        if (shape.minimum !== undefined && value < shape.minimum) return this.report(pointer, `must be at least ${shape.minimum}`);
        if (shape.maximum !== undefined && value > shape.maximum) return this.report(pointer, `must be at most ${shape.maximum}`);
        return value;
      }
      case 'boolean':
        return typeof value === 'boolean' ? value : this.report(pointer, 'must be true or false');
      case 'null':
        return value === null ? value : this.report(pointer, 'must be null');
    }
  }

  /** The first alternative the value fits (a date, or a date and time; a bassin id, or null). */
  private alternatives(shapes: readonly Shape[], value: unknown, pointer: string): Pruned {
    const silent = new Pruner([], this.where);
    for (const shape of shapes) {
      const result = silent.prune(shape, value, pointer);
      if (result !== INVALID) return result;
    }
    const forms = shapes.map((shape) => ('type' in shape && shape.type === 'string' ? expectedFormOf(shape.form ?? shape.format) : undefined));
    return this.report(pointer, forms.every(Boolean) ? forms.map((form, index) => (index ? form!.replace(/^must be /, '') : form)).join(', or ') : 'is not in the expected form');
  }

  private string(shape: StringShape, value: unknown, pointer: string): Pruned {
    if (typeof value !== 'string') return this.report(pointer, 'must be a text');
    if (shape.minLength !== undefined && value.length < shape.minLength) return this.report(pointer, shape.minLength === 1 ? 'must not be empty' : `must be at least ${shape.minLength} characters long`);
    if (shape.maxLength !== undefined && value.length > shape.maxLength) return this.report(pointer, `must be at most ${shape.maxLength} characters long`);
    let pattern = shape.pattern === undefined ? undefined : patterns.get(shape);
    if (shape.pattern !== undefined && !pattern) patterns.set(shape, (pattern = new RegExp(shape.pattern, 'u')));
    const formatOk =
      shape.format === 'email' ? EMAIL.test(value) : shape.format === 'date' ? isCalendarDate(value) : shape.format === 'date-time' ? !Number.isNaN(Date.parse(value)) : shape.format === 'uri' ? URL.canParse(value) : true;
    if ((pattern && !pattern.test(value)) || !formatOk) return this.report(pointer, expectedFormOf(shape.form ?? shape.format) ?? 'is not in the expected form');
    return value;
  }

  private array(shape: ArrayShape, value: unknown, pointer: string): Pruned {
    if (!Array.isArray(value)) return this.report(pointer, 'must be a list');
    const kept: unknown[] = [];
    const seen = shape.unique ? new Set<string>() : undefined;
    value.forEach((item, index) => {
      const result = this.prune(shape.items, item, `${pointer}/${index}`);
      if (result === INVALID) return;
      if (seen) {
        const key = typeof result === 'object' ? JSON.stringify(result) : `${typeof result}:${String(result)}`;
        if (seen.has(key)) {
          this.report(`${pointer}/${index}`, 'repeats an earlier item; left out');
          return;
        }
        seen.add(key);
      }
      kept.push(result);
    });
    if (shape.minItems !== undefined && kept.length < shape.minItems) return this.report(pointer, shape.minItems === 1 ? 'must not be an empty list' : `must have at least ${shape.minItems} items`);
    return kept.length === value.length ? value : kept;
  }

  private object(shape: ObjectShape, value: unknown, pointer: string): Pruned {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return this.report(pointer, 'must be an object');
    const checked = whole.get(shape);
    if (checked?.has(value)) return value;
    const before = this.problems.length;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = Object.hasOwn(shape.properties, key) ? shape.properties[key] : undefined;
      const path = `${pointer}/${escapeToken(key)}`;
      const result = child ? this.prune(child, record[key], path) : this.report(path, 'is not a known field; left out');
      if (result !== INVALID) {
        if (result !== record[key]) record[key] = result;
        continue;
      }
      if (shape.required?.includes(key)) return INVALID;
      // Delete rather than assign: the key may be "__proto__", which an assignment would not remove.
      delete record[key];
    }
    for (const key of shape.required ?? []) if (!Object.hasOwn(record, key)) return this.report(`${pointer}/${escapeToken(key)}`, 'is required');
    if (shape.requireOneOf && !shape.requireOneOf.some((group) => group.every((key) => Object.hasOwn(record, key)))) {
      const groups = shape.requireOneOf.map((group) => group.join(' and '));
      return this.report(pointer, groups.join() === 'fr,nl' ? 'needs a French (fr) or Dutch (nl) text' : `needs ${groups.join(' or ')}`);
    }
    if (shape.minProperties !== undefined && Object.keys(record).length < shape.minProperties) return this.report(pointer, `must have at least ${shape.minProperties} field${shape.minProperties === 1 ? '' : 's'}`);
    if (shape.branches && shape.branches.filter((branch) => holds(branch, record)).length !== 1) return this.report(pointer, 'has fields that do not go together');
    if (this.problems.length === before) {
      if (checked) checked.add(value);
      else whole.set(shape, new WeakSet([value]));
    }
    return value;
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
  records.forEach((record, position) => {
    const index = offset + position;
    const rawId = record !== null && typeof record === 'object' ? (record as Record<string, unknown>)[idField] : undefined;
    const recordId = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId).slice(0, 80) : undefined;
    const where = { dataset, index, ...(recordId === undefined ? {} : { recordId }) };
    const before = problems.length;
    const pruner = new Pruner(problems, where);
    const result = pruner.prune(shape, record, '');
    const id = result === INVALID ? undefined : String((result as Record<string, unknown>)[idField]);
    const first = id === undefined ? undefined : seenIds.get(id);
    if (first !== undefined) pruner.report(`/${idField}`, `repeats the id of record ${first + 1}; this copy is skipped`);
    else if (result === INVALID && problems.length === before) pruner.report('', 'is not a valid record');
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
  const result = new Pruner(problems, { dataset }).prune(shape, value, '');
  return result === INVALID ? { problems } : { value: result as T, problems };
}
