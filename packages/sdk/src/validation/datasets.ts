import {
  validateAction,
  validateBassin,
  validateCommune,
  validateEvent,
  validateHelpdesk,
  validateLeadin,
  validateQuartier,
  validateService,
  validateTaxonomyTerm,
  type CompiledValidator,
} from '../generated/validators.js';
import type { Action, Bassin, Commune, Event, Helpdesk, Leadin, Quartier, Service, TaxonomyTerm } from '../generated/types.js';
import {
  actionShape,
  bassinShape,
  communeShape,
  eventShape,
  helpdeskShape,
  leadinShape,
  quartierShape,
  serviceShape,
  taxonomyTermShape,
} from '../generated/shapes.js';
import { guardRecords, type Shape } from '../reader/guard.js';
import { problemsFromAjv, type Problem } from './problem.js';

/** The records of every dataset of a feed, by dataset name. */
export interface FeedData {
  bassins: Bassin[];
  communes: Commune[];
  quartiers: Quartier[];
  helpdesks: Helpdesk[];
  actions: Action[];
  events: Event[];
  services: Service[];
  /** Bruxelles Social categories the services use (optional in a feed). */
  categories: TaxonomyTerm[];
  /** Bruxelles Social sectors the services use (optional in a feed). */
  sectors: TaxonomyTerm[];
  /** Everyday words that lead to categories, for the search (optional in a feed). */
  leadins: Leadin[];
}

export type DatasetName = keyof FeedData;

interface DatasetRule {
  validate: CompiledValidator;
  /** The same schema for the guard, which drops what does not fit instead of refusing the record. */
  shape: Shape;
  /** The field that identifies a record of this dataset. */
  idField: 'id' | 'nis';
  /** A feed may leave it out; it then loads as an empty list. */
  optional?: true;
}

const RULES: Record<DatasetName, DatasetRule> = {
  bassins: { validate: validateBassin, shape: bassinShape, idField: 'id' },
  communes: { validate: validateCommune, shape: communeShape, idField: 'nis' },
  quartiers: { validate: validateQuartier, shape: quartierShape, idField: 'id' },
  helpdesks: { validate: validateHelpdesk, shape: helpdeskShape, idField: 'id' },
  actions: { validate: validateAction, shape: actionShape, idField: 'id' },
  events: { validate: validateEvent, shape: eventShape, idField: 'id' },
  services: { validate: validateService, shape: serviceShape, idField: 'id' },
  categories: { validate: validateTaxonomyTerm, shape: taxonomyTermShape, idField: 'id', optional: true },
  sectors: { validate: validateTaxonomyTerm, shape: taxonomyTermShape, idField: 'id', optional: true },
  leadins: { validate: validateLeadin, shape: leadinShape, idField: 'id', optional: true },
};

/** The datasets a feed carries, in the order they are loaded and reported. */
export const DATASET_NAMES = Object.keys(RULES) as DatasetName[];

/** True for a dataset a feed may leave out. */
export function isOptionalDataset(name: DatasetName): boolean {
  return RULES[name].optional === true;
}

function readableId(record: unknown, idField: string): string | undefined {
  if (record === null || typeof record !== 'object') return undefined;
  const id = (record as Record<string, unknown>)[idField];
  return typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 80) : undefined;
}

export interface ValidateOptions {
  /**
   * Keep a record whose only faults are in optional fields, without those fields (the
   * browser's rule): every fault is still reported, with `outcome` saying what became of the
   * record. Without it, any fault leaves the record out (the tools' strict rule).
   */
  dropInvalidFields?: boolean;
}

/**
 * Checks every record of a dataset against its schema. Valid records are kept; invalid ones and
 * repeated ids are skipped and reported, so one bad record never hides the others. With
 * `dropInvalidFields`, a record that fails only on optional fields is kept without them.
 *
 * @example
 * const { records, problems } = validateDataset('services', JSON.parse(text), { dropInvalidFields: true });
 */
export function validateDataset<N extends DatasetName>(
  dataset: N,
  records: readonly unknown[],
  { dropInvalidFields = false }: ValidateOptions = {},
): { records: FeedData[N]; problems: Problem[] } {
  const { validate, shape, idField } = RULES[dataset];
  const valid: unknown[] = [];
  const problems: Problem[] = [];
  const firstIndexById = new Map<string, number>();
  records.forEach((original, index) => {
    const recordId = readableId(original, idField);
    const where = { dataset, index, ...(recordId === undefined ? {} : { recordId }) };
    let record = original;
    if (!validate(original)) {
      const faults = problemsFromAjv(validate.errors ?? [], where);
      const kept = dropInvalidFields ? withoutInvalidFields(shape, dataset, original, idField, validate) : undefined;
      problems.push(...faults.map((problem) => (dropInvalidFields ? { ...problem, outcome: kept ? ('field-dropped' as const) : ('record-skipped' as const) } : problem)));
      if (!kept) return;
      record = kept;
    }
    const id = String((record as Record<string, unknown>)[idField]);
    const first = firstIndexById.get(id);
    if (first !== undefined) {
      problems.push({ ...where, pointer: `/${idField}`, message: `repeats the id of record ${first + 1}; this copy is skipped`, ...(dropInvalidFields ? { outcome: 'record-skipped' as const } : {}) });
      return;
    }
    firstIndexById.set(id, index);
    valid.push(record);
  });
  return { records: valid as FeedData[N], problems };
}

/** Fields a record can't be shown without: if one of them does not fit, the record is left out. */
const ESSENTIAL = new Set(['', '/id', '/nis', '/name', '/title']);

/**
 * A copy of the record without the fields that do not fit, if what is left is a valid record:
 * the guard prunes what the schemas' shapes say, then whatever ajv still finds (a format the
 * guard does not know) is removed field by field.
 */
function withoutInvalidFields(shape: Shape, dataset: string, record: unknown, idField: string, validate: CompiledValidator): unknown {
  const [pruned] = guardRecords(shape, dataset, [structuredClone(record)], idField).records;
  if (pruned === undefined) return undefined;
  // One field at a time: removing a list item shifts the positions the other errors name.
  for (let round = 0; round < 100; round++) {
    if (validate(pruned)) return pruned;
    const error = validate.errors?.[0];
    if (!error) return undefined;
    const pointer = error.keyword === 'additionalProperties' ? `${error.instancePath}/${String(error.params.additionalProperty)}` : error.instancePath;
    if (ESSENTIAL.has(pointer) || ESSENTIAL.has(`/${pointer.split('/')[1]}`) || pointer === `/${idField}`) return undefined;
    removeAt(pruned, pointer);
  }
  return undefined;
}

/** Removes the value a JSON pointer names: a property, or an item of a list. */
function removeAt(root: unknown, pointer: string): void {
  const tokens = pointer.split('/').slice(1).map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
  const last = tokens.pop();
  let parent = root as Record<string, unknown> | unknown[] | undefined;
  for (const token of tokens) parent = parent && typeof parent === 'object' ? ((parent as Record<string, unknown>)[token] as typeof parent) : undefined;
  if (!parent || typeof parent !== 'object' || last === undefined) return;
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
}
