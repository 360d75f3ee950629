import { stemmer as dutchStem } from '@orama/stemmers/dutch';
import { stemmer as frenchStem } from '@orama/stemmers/french';
import type { Leadin, Service, TaxonomyTerm } from '../generated/types.js';
import { normalizeText } from '../text/normalize.js';
import { InvertedIndex, type Scores } from './inverted-index.js';
import { STOP_WORDS } from './stop-words.js';

/** Words of at least 3 letters also match as the start of longer words; typos are allowed from 5 letters. */
const PREFIX_FROM = 3;
const FUZZY_FROM = 5;
/** Fewer letters than this narrow nothing useful: the query counts as empty (two letters count only as a whole word: "gp", "ris"…). */
const MIN_QUERY_LENGTH = 2;
/**
 * Name over categories over description; a lead-in — a word the data team says means these
 * categories — over a category's own title and keywords.
 */
const WEIGHTS = { name: 4, leadin: 3, category: 2, description: 1, place: 1 };
/** Another form of the same word ("logements" for "logement", "juridische" for "juridisch") counts a little less than the word itself. */
const STEM_WEIGHT = 0.8;
/** Stems already computed, by language and word: a directory repeats the same words. */
const STEM_CACHE_SIZE = 50_000;
/** Typos are looked for only when a word matches fewer services than this as written. */
const FUZZY_WHEN_FEWER_THAN = 3;
/** Words whose scores are kept between keystrokes ("aide", then "aide a", "aide al"…). */
const WORD_CACHE_SIZE = 64;
/** Raw words already normalised: a directory repeats the same words thousands of times. */
const NORMALISED_CACHE_SIZE = 50_000;

const normalised = new Map<string, readonly string[]>();

/** The words of a text in their normal form (see normalizeText), each written word normalised once. */
export function normalWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.split(/\s+/)) {
    if (!raw) continue;
    let found = normalised.get(raw);
    if (!found) {
      found = normalizeText(raw).split(' ').filter(Boolean);
      if (normalised.size >= NORMALISED_CACHE_SIZE) normalised.clear();
      normalised.set(raw, found);
    }
    for (const word of found) words.push(word);
  }
  return words;
}

/** The searchable words of a text: normal form, stop words left out. */
export function tokens(text: string): string[] {
  return normalWords(text).filter((word) => !STOP_WORDS.has(word));
}

const texts = (text: { fr?: string; nl?: string; en?: string } | undefined) => (text ? [text.fr, text.nl, text.en].filter(Boolean).join(' ') : '');

type Localized = { fr?: string; nl?: string; en?: string } | undefined;
const STEMMERS = { fr: frenchStem, nl: dutchStem } as const;
const stems = { fr: new Map<string, string>(), nl: new Map<string, string>() };

/** A word's stem by the Snowball rules of a language (the word itself for English). */
function stem(word: string, lang: 'fr' | 'nl' | 'en'): string {
  if (lang === 'en') return word;
  const cache = stems[lang];
  let found = cache.get(word);
  if (found === undefined) {
    found = STEMMERS[lang](word);
    if (cache.size >= STEM_CACHE_SIZE) cache.clear();
    cache.set(word, found);
  }
  return found;
}

/** The stems of localized texts, each language by its own rules. */
function stemsOf(...values: Localized[]): string[] {
  const found: string[] = [];
  for (const value of values) {
    for (const lang of ['fr', 'nl', 'en'] as const) {
      const text = value?.[lang];
      if (text) for (const word of tokens(text)) found.push(stem(word, lang));
    }
  }
  return found;
}

/**
 * The stems a query word may have (people type French or Dutch in the same box), apart from the
 * word itself: its start already finds the words it begins.
 */
const queryStems = (word: string) => [...new Set([stem(word, 'fr'), stem(word, 'nl')])].filter((found) => found !== word);

/** Each document's best score across several look-ups (a word and its stem are one match, not two). */
function best(into: Scores, scores: Scores, weight = 1): void {
  for (const [id, score] of scores) into.set(id, Math.max(into.get(id) ?? 0, weight * score));
}

/**
 * The words of a query to search for: each counts, and services with them all come first. Words
 * people use for the same thing are a feed's lead-ins, read with the categories.
 */
export function queryWords(text: string): string[] | undefined {
  const words = tokens(text);
  return words.join('').length < MIN_QUERY_LENGTH ? undefined : words;
}

/** The services a query's words find, those that have every word first. */
export interface TextMatches {
  /** Each service found (with every word, or with some when few have them all), with its score. */
  scores: Scores;
  /** For a service that has only some of the words: how many it misses. */
  missed: Map<number, number>;
  /** The positions of the words no service has. */
  unmatched: number[];
}

export interface TextIndex {
  /** Indexes a service under its position in the search. */
  add(position: number, service: Service): void;
  /** Matching service positions with their scores, for the words of queryWords(). */
  search(words: readonly string[]): TextMatches;
  /** The directory's own word nearest to one that finds nothing ("did you mean"). */
  suggest(word: string): string | undefined;
}

/** Below this many services with every word, those with some of them follow (never an empty page when part of the query matches). */
const PARTIAL_WHEN_FEWER_THAN = 20;

/**
 * The services that have every word, their scores added up; and when they are few, those that
 * have some of the words after them, with how many each misses: a query whose words are not all
 * in one service still finds those that have most of them.
 */
function coordinate(perWord: Scores[]): TextMatches {
  const unmatched = perWord.flatMap((word, position) => (word.size === 0 ? [position] : []));
  if (perWord.length === 1) return { scores: perWord[0]!, missed: new Map(), unmatched };
  const [smallest, ...others] = [...perWord].sort((a, b) => a.size - b.size);
  const every: Scores = new Map();
  for (const [id, score] of smallest!) {
    let total = score;
    for (const other of others) {
      const found = other.get(id);
      if (found === undefined) {
        total = -1;
        break;
      }
      total += found;
    }
    if (total >= 0) every.set(id, total);
  }
  if (every.size >= PARTIAL_WHEN_FEWER_THAN) return { scores: every, missed: new Map(), unmatched };
  const scores: Scores = new Map();
  const found = new Map<number, number>();
  for (const word of perWord) {
    for (const [id, score] of word) {
      scores.set(id, (scores.get(id) ?? 0) + score);
      found.set(id, (found.get(id) ?? 0) + 1);
    }
  }
  const missed = new Map<number, number>();
  for (const [id, count] of found) if (count < perWord.length) missed.set(id, perWord.length - count);
  return { scores, missed, unmatched };
}

/**
 * Full text over services, in two indexes: the services' own words (name, description, place)
 * and the categories' titles and keywords in French and Dutch. A category that matches brings
 * its services, so "huisvesting" finds a service written only in French whose category is
 * "Logement / Huisvesting", without copying every keyword into every service.
 */
export function createTextIndex(categories: readonly TaxonomyTerm[], sectors: readonly TaxonomyTerm[], leadins: readonly Leadin[] = []): TextIndex {
  const serviceIndex = new InvertedIndex();
  /** The same fields as stems: another form of a word finds what the word finds. */
  const serviceStems = new InvertedIndex();
  const terms = [...categories, ...sectors];
  const termKeys = [...categories.map((term) => `c${term.id}`), ...sectors.map((term) => `s${term.id}`)];
  // The categories' words are indexed a few at a time, with the services, not all when the search is made.
  const termIndex = new InvertedIndex();
  const termStems = new InvertedIndex();
  // Lead-ins, each a small document of its words, which brings the services of its categories.
  const leadinIndex = new InvertedIndex();
  const leadinStems = new InvertedIndex();
  leadins.forEach((leadin, position) => {
    const phrases = (['fr', 'nl', 'en'] as const).flatMap((lang) => (leadin.terms[lang] ?? []).map((phrase) => ({ [lang]: phrase })));
    leadinIndex.add(position, [[phrases.flatMap((phrase) => tokens(Object.values(phrase)[0]!)), 1]]);
    leadinStems.add(position, [[phrases.flatMap((phrase) => stemsOf(phrase)), 1]]);
  });
  const indexTerms = (upTo: number) => {
    for (let position = termIndex.size; position < Math.min(upTo, terms.length); position++) {
      const term = terms[position]!;
      const keywords = position < categories.length ? (term.keywords ?? {}) : {};
      termIndex.add(position, [[tokens([texts(term.title), ...Object.values(keywords).flat()].join(' ')), 1]]);
      termStems.add(position, [[[...stemsOf(term.title), ...(['fr', 'nl', 'en'] as const).flatMap((lang) => (keywords[lang] ?? []).flatMap((keyword) => stemsOf({ [lang]: keyword })))], 1]]);
    }
  };
  const servicesUnder = new Map<string, number[]>();
  const wordCache = new Map<string, Scores>();

  /** Services matching a word, with scores: the services' own text, plus the services of matching categories. */
  function lookUp(word: string, maxEdits: number): Scores {
    const options = { prefix: word.length >= PREFIX_FROM, maxEdits };
    const scores = serviceIndex.lookUp(word, options);
    const termScores = termIndex.lookUp(word, options);
    for (const wordStem of queryStems(word)) {
      best(scores, serviceStems.lookUp(wordStem), STEM_WEIGHT);
      best(termScores, termStems.lookUp(wordStem), STEM_WEIGHT);
    }
    for (const [term, score] of termScores) {
      for (const id of servicesUnder.get(termKeys[term]!) ?? []) scores.set(id, (scores.get(id) ?? 0) + WEIGHTS.category * score);
    }
    const leadinScores = leadinIndex.lookUp(word, options);
    for (const wordStem of queryStems(word)) best(leadinScores, leadinStems.lookUp(wordStem), STEM_WEIGHT);
    for (const [position, score] of leadinScores) {
      for (const category of leadins[position]!.categoryIds) {
        for (const id of servicesUnder.get(`c${category}`) ?? []) scores.set(id, (scores.get(id) ?? 0) + WEIGHTS.leadin * score);
      }
    }
    return scores;
  }

  function scoresOf(word: string): Scores {
    const cached = wordCache.get(word);
    if (cached) return cached;
    let scores = lookUp(word, 0);
    // A word that (almost) nothing contains as written is probably mistyped: allow a typo or two.
    if (scores.size < FUZZY_WHEN_FEWER_THAN && word.length >= FUZZY_FROM) scores = lookUp(word, Math.min(2, Math.round(word.length * 0.2)));
    if (wordCache.size >= WORD_CACHE_SIZE) wordCache.delete(wordCache.keys().next().value!);
    wordCache.set(word, scores);
    return scores;
  }

  return {
    add(position, service) {
      indexTerms(termIndex.size + 2);
      serviceIndex.add(position, [
        [tokens([texts(service.name), ...(service.alternateNames ?? []).map(texts), texts(service.organization?.name)].join(' ')), WEIGHTS.name],
        [tokens(texts(service.description)), WEIGHTS.description],
        [tokens((service.locations ?? []).map((location) => texts(location.address.municipality)).join(' ')), WEIGHTS.place],
      ]);
      serviceStems.add(position, [
        [stemsOf(service.name, ...(service.alternateNames ?? []), service.organization?.name), WEIGHTS.name],
        [stemsOf(service.description), WEIGHTS.description],
      ]);
      for (const key of [...service.categoryIds.map((term) => `c${term}`), ...(service.sectorIds ?? []).map((term) => `s${term}`)]) {
        const list = servicesUnder.get(key);
        if (list) list.push(position);
        else servicesUnder.set(key, [position]);
      }
      wordCache.clear();
    },
    suggest(word) {
      indexTerms(terms.length);
      // More letters, more room for slips: one for a short word, up to three for a long one.
      const maxEdits = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
      const candidates = [serviceIndex.closest(word, maxEdits), termIndex.closest(word, maxEdits), leadinIndex.closest(word, maxEdits)].filter((candidate) => candidate !== undefined);
      candidates.sort((a, b) => a.edits - b.edits || b.documents - a.documents);
      return candidates[0]?.word;
    },
    search(words) {
      indexTerms(terms.length);
      return coordinate(words.map(scoresOf));
    },
  };
}
