import type { TaxonomyTerm } from '@brusano/sdk';

/** An HSDS taxonomy term, as nested in an attribute (or listed in `taxonomy_terms`). */
export interface HsdsTerm {
  name?: unknown;
  code?: unknown;
  taxonomy?: unknown;
}

/** A term is compared without case, accents, punctuation or repeated spaces. */
export const normalizeTerm = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A word shared by more categories than this says too little to choose one. */
const MAX_CATEGORIES_PER_KEYWORD = 3;

export type TermMatch = { categoryIds: number[]; by: 'code' | 'title' | 'keyword' } | { categoryIds: []; reason: string };

/**
 * Maps HSDS taxonomy terms to Bruxelles Social categories: a term of the Bruxelles Social
 * taxonomy by its code; any other by its name, equal to a category's French, Dutch or English
 * title, else to one of its keywords (when the keyword names at most three categories).
 */
export function categoryMatcher(categories: readonly TaxonomyTerm[]): (term: HsdsTerm) => TermMatch {
  const ids = new Set(categories.map((category) => category.id));
  const byTitle = new Map<string, number[]>();
  const byKeyword = new Map<string, number[]>();
  const add = (index: Map<string, number[]>, text: string | undefined, id: number) => {
    if (!text) return;
    const key = normalizeTerm(text);
    const list = index.get(key) ?? [];
    if (!list.includes(id)) list.push(id);
    index.set(key, list);
  };
  for (const category of categories) {
    for (const title of Object.values(category.title ?? {})) add(byTitle, title, category.id);
    for (const words of Object.values(category.keywords ?? {})) for (const word of words ?? []) add(byKeyword, word, category.id);
  }
  return (term) => {
    const code = typeof term.code === 'string' || typeof term.code === 'number' ? Number(term.code) : NaN;
    if (typeof term.taxonomy === 'string' && /bruxelles social|sociaal brussel/i.test(term.taxonomy) && ids.has(code)) return { categoryIds: [code], by: 'code' };
    const name = typeof term.name === 'string' ? normalizeTerm(term.name) : '';
    if (!name) return { categoryIds: [], reason: 'has no name' };
    const titled = byTitle.get(name);
    if (titled) return { categoryIds: titled, by: 'title' };
    const keyworded = byKeyword.get(name);
    if (keyworded && keyworded.length <= MAX_CATEGORIES_PER_KEYWORD) return { categoryIds: keyworded, by: 'keyword' };
    return { categoryIds: [], reason: keyworded ? `is a keyword of ${keyworded.length} categories: too vague to choose` : 'matches no Bruxelles Social category title or keyword' };
  };
}
