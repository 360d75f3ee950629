import MiniSearch, { type SearchResult } from 'minisearch';
import type { Service, TaxonomyTerm } from '../generated/types.js';
import { normalizeText } from '../text/normalize.js';
import { STOP_WORDS, SYNONYMS } from './synonyms.js';

/** Words of at least 3 letters also match as the start of longer words; typos are allowed from 5 letters. */
const PREFIX_FROM = 3;
const FUZZY_FROM = 5;
/** Fewer letters than this narrow nothing useful: the query counts as empty. */
const MIN_QUERY_LENGTH = 3;
/** Name over categories over description. */
const WEIGHTS = { name: 4, category: 2, description: 1, place: 1 };
/** Typos are looked for only when a word matches fewer services than this as written. */
const FUZZY_WHEN_FEWER_THAN = 3;
/** Words whose scores are kept between keystrokes ("aide", then "aide a", "aide al"…). */
const WORD_CACHE_SIZE = 64;

export function tokens(text: string): string[] {
  return normalizeText(text).split(' ').filter((token) => token && !STOP_WORDS.has(token));
}

const texts = (text: { fr?: string; nl?: string; en?: string } | undefined) => (text ? [text.fr, text.nl, text.en].filter(Boolean).join(' ') : '');

const SYNONYM_GROUPS = SYNONYMS.map((group) => group.map(tokens));
const LONGEST_SYNONYM = Math.max(...SYNONYM_GROUPS.flat().map((words) => words.length));

/**
 * The words of a query, grouped: each group must match, through any of its alternatives, and an
 * alternative matches when all its words do. A word or phrase with known equivalents in the other
 * language (or an acronym) becomes a group of those equivalents.
 */
export function queryGroups(text: string): string[][][] | undefined {
  const words = tokens(text);
  if (words.join('').length < MIN_QUERY_LENGTH) return undefined;
  const groups: string[][][] = [];
  for (let index = 0; index < words.length; ) {
    let matched: readonly (readonly string[])[] | undefined;
    let size = Math.min(LONGEST_SYNONYM, words.length - index);
    for (; size > 0 && !matched; size--) {
      const phrase = words.slice(index, index + size).join(' ');
      matched = SYNONYM_GROUPS.find((group) => group.some((alternative) => alternative.join(' ') === phrase));
      if (matched) break;
    }
    if (matched) {
      groups.push(matched.map((alternative) => [...alternative]));
      index += size;
    } else {
      groups.push([[words[index]!]]);
      index += 1;
    }
  }
  return groups;
}

type Scores = Map<number, number>;

function intersect(sets: Scores[]): Scores {
  if (sets.length === 0) return new Map();
  if (sets.length === 1) return sets[0]!;
  const [smallest, ...others] = [...sets].sort((a, b) => a.size - b.size);
  const result: Scores = new Map();
  for (const [id, score] of smallest!) {
    let total = score;
    let everywhere = true;
    for (const other of others) {
      const found = other.get(id);
      if (found === undefined) {
        everywhere = false;
        break;
      }
      total += found;
    }
    if (everywhere) result.set(id, total);
  }
  return result;
}

function union(sets: Scores[]): Scores {
  if (sets.length === 1) return sets[0]!;
  const result: Scores = new Map();
  for (const set of sets) for (const [id, score] of set) result.set(id, Math.max(result.get(id) ?? 0, score));
  return result;
}

/**
 * Full text over services, in two small indexes: the services' own words (name, description,
 * place) and the categories' titles and keywords in French and Dutch. A category that matches
 * brings its services, so "huisvesting" finds a service written only in French whose category is
 * "Logement / Huisvesting", without copying every keyword into every service.
 */
export function createTextIndex(services: readonly Service[], categories: readonly TaxonomyTerm[], sectors: readonly TaxonomyTerm[]) {
  const options = {
    tokenize: tokens,
    processTerm: (term: string) => term || null,
    searchOptions: {
      prefix: (term: string) => term.length >= PREFIX_FROM,
      maxFuzzy: 2,
    },
  };
  const serviceIndex = new MiniSearch<{ id: number }>({
    ...options,
    fields: ['name', 'description', 'place'],
    storeFields: [],
    extractField: (document, field) => {
      if (field === 'id') return String(document.id);
      const service = services[document.id]!;
      if (field === 'name') return [texts(service.name), ...(service.alternateNames ?? []).map(texts), texts(service.organization.name)].join(' ');
      if (field === 'description') return texts(service.description);
      return (service.locations ?? []).map((location) => texts(location.address.municipality)).join(' ');
    },
    searchOptions: { ...options.searchOptions, boost: { name: WEIGHTS.name, description: WEIGHTS.description, place: WEIGHTS.place } },
  });
  serviceIndex.addAll(services.map((_, id) => ({ id })));

  // Categories and sectors, and the services filed under each.
  const termText = [
    ...categories.map((term) => ({ key: `c${term.id}`, text: [texts(term.title), ...Object.values(term.keywords ?? {}).flat()].join(' ') })),
    ...sectors.map((term) => ({ key: `s${term.id}`, text: texts(term.title) })),
  ];
  const servicesUnder = new Map<string, number[]>();
  services.forEach((service, id) => {
    for (const key of [...service.categoryIds.map((term) => `c${term}`), ...(service.sectorIds ?? []).map((term) => `s${term}`)]) {
      const list = servicesUnder.get(key);
      if (list) list.push(id);
      else servicesUnder.set(key, [id]);
    }
  });
  const termIndex = new MiniSearch<{ id: number }>({
    ...options,
    fields: ['text'],
    storeFields: [],
    extractField: (document, field) => (field === 'id' ? String(document.id) : termText[document.id]!.text),
  });
  termIndex.addAll(termText.map((_, id) => ({ id })).filter(({ id }) => servicesUnder.has(termText[id]!.key)));

  /** Services matching a word, with scores: the services' own text, plus the services of matching categories. */
  function lookUp(word: string, fuzzy: number | false): Scores {
    const scores: Scores = new Map();
    // MiniSearch hands ids back as it read them from extractField: as text.
    for (const hit of serviceIndex.search(word, { fuzzy }) as SearchResult[]) scores.set(Number(hit.id), (scores.get(Number(hit.id)) ?? 0) + hit.score);
    for (const hit of termIndex.search(word, { fuzzy }) as SearchResult[]) {
      for (const id of servicesUnder.get(termText[Number(hit.id)]!.key) ?? []) {
        scores.set(id, (scores.get(id) ?? 0) + WEIGHTS.category * hit.score);
      }
    }
    return scores;
  }

  const wordCache = new Map<string, Scores>();
  function scoresOf(word: string): Scores {
    const cached = wordCache.get(word);
    if (cached) return cached;
    let scores = lookUp(word, false);
    // A word that (almost) nothing contains as written is probably mistyped: allow a typo or two.
    if (scores.size < FUZZY_WHEN_FEWER_THAN && word.length >= FUZZY_FROM) scores = lookUp(word, 0.2);
    if (wordCache.size >= WORD_CACHE_SIZE) wordCache.delete(wordCache.keys().next().value!);
    wordCache.set(word, scores);
    return scores;
  }

  return {
    /** Matching service positions with their scores, for the word groups of queryGroups(). */
    search(groups: string[][][]): Scores {
      return intersect(groups.map((alternatives) => union(alternatives.map((words) => intersect(words.map(scoresOf))))));
    },
  };
}
