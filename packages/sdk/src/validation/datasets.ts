import {
  validateAction,
  validateBassin,
  validateCommune,
  validateEvent,
  validateHelpdesk,
  validateQuartier,
  validateService,
  validateTaxonomyTerm,
  type CompiledValidator,
} from '../generated/validators.js';
import type { Action, Bassin, Commune, Event, Helpdesk, Quartier, Service, TaxonomyTerm } from '../generated/types.js';
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
}

export type DatasetName = keyof FeedData;

interface DatasetRule {
  validate: CompiledValidator;
  /** The field that identifies a record of this dataset. */
  idField: 'id' | 'nis';
  /** A feed may leave it out; it then loads as an empty list. */
  optional?: true;
}

const RULES: Record<DatasetName, DatasetRule> = {
  bassins: { validate: validateBassin, idField: 'id' },
  communes: { validate: validateCommune, idField: 'nis' },
  quartiers: { validate: validateQuartier, idField: 'id' },
  helpdesks: { validate: validateHelpdesk, idField: 'id' },
  actions: { validate: validateAction, idField: 'id' },
  events: { validate: validateEvent, idField: 'id' },
  services: { validate: validateService, idField: 'id' },
  categories: { validate: validateTaxonomyTerm, idField: 'id', optional: true },
  sectors: { validate: validateTaxonomyTerm, idField: 'id', optional: true },
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

/**
 * Checks every record of a dataset against its schema. Valid records are kept, invalid ones and
 * repeated ids are skipped and reported, so one bad record never hides the others.
 *
 * @example
 * const { records, problems } = validateDataset('services', JSON.parse(text));
 */
export function validateDataset<N extends DatasetName>(
  dataset: N,
  records: readonly unknown[],
): { records: FeedData[N]; problems: Problem[] } {
  const { validate, idField } = RULES[dataset];
  const valid: unknown[] = [];
  const problems: Problem[] = [];
  const firstIndexById = new Map<string, number>();
  records.forEach((record, index) => {
    const recordId = readableId(record, idField);
    const where = { dataset, index, ...(recordId === undefined ? {} : { recordId }) };
    if (!validate(record)) {
      problems.push(...problemsFromAjv(validate.errors ?? [], where));
      return;
    }
    const id = String((record as Record<string, unknown>)[idField]);
    const first = firstIndexById.get(id);
    if (first !== undefined) {
      problems.push({ ...where, pointer: `/${idField}`, message: `repeats the id of record ${first + 1}; this copy is skipped` });
      return;
    }
    firstIndexById.set(id, index);
    valid.push(record);
  });
  return { records: valid as FeedData[N], problems };
}
