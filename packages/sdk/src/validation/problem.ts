import { PATTERN_NAMES } from '../generated/pattern-names.js';
import type { AjvError } from '../generated/validators.js';

/** One thing wrong in a feed: where it is and what to fix, in words a data maintainer can act on. */
export interface Problem {
  /** The dataset (`services`, `events`…) or `manifest`. */
  dataset: string;
  /** The record's id, when it has a readable one. */
  recordId?: string;
  /** The record's position in the dataset (0-based). */
  index?: number;
  /** JSON pointer to the field inside the record; empty for the record as a whole. */
  pointer: string;
  message: string;
  /**
   * What became of the record: left out (`record-skipped`: its id, name or shape is wrong), or
   * kept without the field (`field-dropped`: an optional field that does not fit). The strict
   * checks of the tools (`validate`, `build`) report without saying.
   */
  outcome?: 'record-skipped' | 'field-dropped';
}

const DATE_TIME = 'must be a date and time with its UTC offset, like 2025-03-12T12:00:00+01:00';
const HTTP_URL = 'must be a full http:// or https:// address';
/** What a field must look like, by the shared definition (or format) its schema uses. */
const EXPECTED_FORMS: Record<string, string> = {
  httpUrl: HTTP_URL,
  uri: HTTP_URL,
  phoneNumber: 'must be a phone number in international form, like +32 2 000 00 00',
  email: 'must be an e-mail address',
  postalCode: 'must be a 4-digit postal code',
  nis: 'must be a 5-digit NIS code',
  id: 'must be an id of lower-case letters, digits and hyphens',
  bassinId: 'must be an id of lower-case letters, digits and hyphens',
  date: 'must be a date written YYYY-MM-DD',
  dateTime: DATE_TIME,
  'date-time': DATE_TIME,
  time: 'must be a time written HH:MM',
};

const LANGUAGE_NAMES: Record<string, string> = { fr: 'French (fr)', nl: 'Dutch (nl)', en: 'English (en)' };

/** What a field that needs one of several fields ("fr or nl or en", "number or text") is told. */
export function needsOneOf(groups: readonly (readonly string[])[]): string {
  const names = groups.map((group) => group.map((key) => LANGUAGE_NAMES[key] ?? key).join(' and '));
  const last = names.pop();
  const words = names.length ? `${names.join(', ')} or ${last}` : last;
  return groups.every((group) => group.length === 1 && LANGUAGE_NAMES[group[0]!]) ? `needs a text in ${words}` : `needs ${words}`;
}

/** What a value of a shared definition or format (phoneNumber, httpUrl, date…) must look like. */
export function expectedFormOf(name: string | undefined): string | undefined {
  return name === undefined ? undefined : EXPECTED_FORMS[name];
}

function expectedForm(error: AjvError): string | undefined {
  const { pattern, format } = error.params;
  if (error.keyword === 'pattern' && typeof pattern === 'string') {
    const name = PATTERN_NAMES[pattern];
    return name ? EXPECTED_FORMS[name] : undefined;
  }
  return error.keyword === 'format' && typeof format === 'string' ? EXPECTED_FORMS[format] : undefined;
}

function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Turns ajv's errors for one record into problems, one per field, in plain words. */
export function problemsFromAjv(
  errors: readonly AjvError[],
  where: Pick<Problem, 'dataset' | 'recordId' | 'index'>,
): Problem[] {
  const problems = new Map<string, Problem>();
  const add = (pointer: string, message: string) => {
    const key = `${pointer}\u0000${message}`;
    if (!problems.has(key)) problems.set(key, { ...where, pointer, message });
  };
  // A failed "fr or nl or en" (anyOf of required) reports each branch; say it once, naming them.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const isAnyOfBranch = (error: AjvError) => error.keyword === 'required' && anyOfPaths.has(error.instancePath) && /\/anyOf\/\d+\/required$/.test(error.schemaPath);
  const branchesAt = (pointer: string) => errors.filter((e) => e.instancePath === pointer && isAnyOfBranch(e)).map((e) => [String(e.params.missingProperty)]);
  for (const error of errors) {
    const pointer = error.instancePath;
    switch (error.keyword) {
      case 'anyOf':
        add(pointer, needsOneOf(branchesAt(pointer)));
        break;
      case 'required':
        if (isAnyOfBranch(error)) break;
        add(`${pointer}/${escapePointerToken(String(error.params.missingProperty))}`, 'is required');
        break;
      case 'additionalProperties':
        add(`${pointer}/${escapePointerToken(String(error.params.additionalProperty))}`, 'is not a known field');
        break;
      case 'enum':
        add(pointer, `must be one of: ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`);
        break;
      case 'const':
        add(pointer, `must be ${JSON.stringify(error.params.allowedValue)}`);
        break;
      case 'pattern':
      case 'format':
        add(pointer, expectedForm(error) ?? 'is not in the expected form');
        break;
      case 'oneOf':
      case 'if':
        break; // the branch errors say more
      default:
        add(pointer, describe(error));
    }
  }
  if (problems.size === 0) add('', 'is not a valid record');
  return mergeAlternatives([...problems.values()], new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath)));
}

/** Plain words for the remaining keywords, from their parameters. */
function describe({ keyword, params }: AjvError): string {
  switch (keyword) {
    case 'type':
      return `must be ${({ string: 'a text', integer: 'a whole number', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object', null: 'null' } as Record<string, string>)[String(params.type)] ?? String(params.type)}`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must be at least ${params.limit} characters long`;
    case 'maxLength':
      return `must be at most ${params.limit} characters long`;
    case 'minItems':
      return params.limit === 1 ? 'must not be an empty list' : `must have at least ${params.limit} items`;
    case 'maxItems':
      return `must have at most ${params.limit} items`;
    case 'uniqueItems':
      return `must not repeat an item (items ${Number(params.j) + 1} and ${Number(params.i) + 1} are the same)`;
    case 'minimum':
    case 'maximum':
      return `must be ${keyword === 'minimum' ? 'at least' : 'at most'} ${params.limit}`;
    case 'minProperties':
      return `must have at least ${params.limit} field${params.limit === 1 ? '' : 's'}`;
    case 'not':
      return 'has fields that do not go together';
    default:
      return `fails the rule "${keyword}"`;
  }
}

/** Where a field may take one of several forms (a date, or a date and time), say them in one line. */
function mergeAlternatives(problems: Problem[], oneOfPaths: ReadonlySet<string>): Problem[] {
  const merged: Problem[] = [];
  for (const problem of problems) {
    const earlier = oneOfPaths.has(problem.pointer) ? merged.find((other) => other.pointer === problem.pointer) : undefined;
    if (earlier) earlier.message += `, or ${problem.message.replace(/^must be /, '')}`;
    else merged.push({ ...problem });
  }
  return merged;
}
