import { stemmer as dutchStem } from '@orama/stemmers/dutch';
import { stemmer as frenchStem } from '@orama/stemmers/french';
import type { Leadin, Service, TaxonomyTerm } from '../generated/types.js';
import { normalizeText } from '../text/normalize.js';
import { InvertedIndex, Scores } from './inverted-index.js';
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
/** A question has fewer words than this; past them, a pasted text: its first words are searched. */
const MAX_QUERY_WORDS = 32;
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

/**
 * Per language, each written word's searchable words and their stems: a directory writes the same
 * few thousand words hundreds of thousands of times, and one look-up per written word spares the
 * normal form's, the stop words' and the stem's look-ups of each.
 */
const formsOfWritten = { fr: new Map<string, WordForms>(), nl: new Map<string, WordForms>(), en: new Map<string, WordForms>() };
type WordForms = readonly [words: readonly string[], stems: readonly string[]];

function formsOf(written: string, lang: 'fr' | 'nl' | 'en'): WordForms {
  const cache = formsOfWritten[lang];
  let forms = cache.get(written);
  if (!forms) {
    const words = tokens(written);
    forms = [words, words.map((word) => stem(word, lang))];
    if (cache.size >= NORMALISED_CACHE_SIZE) cache.clear();
    cache.set(written, forms);
  }
  return forms;
}

/** The searchable words of localized texts and, side by side, their stems, each language by its own rules. */
function wordsAndStems(values: readonly Localized[]): { words: string[]; stems: string[] } {
  const words: string[] = [];
  const stems: string[] = [];
  for (const value of values) {
    for (const lang of ['fr', 'nl', 'en'] as const) {
      const text = value?.[lang];
      if (!text) continue;
      for (const written of text.split(/\s+/)) {
        if (!written) continue;
        const [found, foundStems] = formsOf(written, lang);
        for (let index = 0; index < found.length; index++) {
          words.push(found[index]!);
          stems.push(foundStems[index]!);
        }
      }
    }
  }
  return { words, stems };
}

/** Each phrase of per-language lists (keywords, lead-in terms) as a text of its language. */
const eachPhrase = (lists: { fr?: string[]; nl?: string[]; en?: string[] }): Localized[] => (['fr', 'nl', 'en'] as const).flatMap((lang) => (lists[lang] ?? []).map((phrase) => ({ [lang]: phrase })));

/**
 * The stems a query word may have (people type French or Dutch in the same box), apart from the
 * word itself: its start already finds the words it begins.
 */
const queryStems = (word: string) => [...new Set([stem(word, 'fr'), stem(word, 'nl')])].filter((found) => found !== word);

/** Each document's best score across several look-ups (a word and its stem are one match, not two). */
function best(into: Scores, scores: Scores, weight: number): void {
  for (const id of scores.ids) into.keepBest(id, weight * scores.get(id));
}

/**
 * The words of a query to search for: each counts, and services with them all come first. Words
 * people use for the same thing are a feed's lead-ins, read with the categories.
 */
export function queryWords(text: string): string[] | undefined {
  const words = tokens(text).slice(0, MAX_QUERY_WORDS);
  return words.join('').length < MIN_QUERY_LENGTH ? undefined : words;
}

/** The services one word finds, side by side: their positions and scores. */
interface WordMatches {
  readonly ids: Int32Array;
  readonly scores: Float64Array;
}

/**
 * The services a query's words find, by service position: arrays as long as the directory, kept
 * by the index and valid until its next search (a common word finds thousands of services, and
 * such arrays made at every keystroke would keep the garbage collector busy).
 */
export interface TextMatches {
  /** How many services were found: those with every word, or also those with some when few have them all. */
  size: number;
  /** How many of them have every word. */
  withEveryWord: number;
  /** Each service's score; 0 for one not found. */
  scores: Float64Array;
  /** How many of the words each service found misses. */
  missed: Uint8Array;
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

/** What a search adds up, by service position, and which positions it touched: cleared at the next search. */
class MatchRoom {
  scores = new Float64Array(0);
  counts = new Uint8Array(0);
  readonly touched: number[] = [];

  /** Clears the last search's sums, with room for `capacity` services. */
  reset(capacity: number): void {
    for (const id of this.touched) this.scores[id] = this.counts[id] = 0;
    this.touched.length = 0;
    if (this.scores.length < capacity) [this.scores, this.counts] = [new Float64Array(capacity), new Uint8Array(capacity)];
  }
}

/**
 * The services that have every word, their scores added up; and when they are few, those that
 * have some of the words after them, with how many each misses: a query whose words are not all
 * in one service still finds those that have most of them.
 */
function coordinate(perWord: readonly WordMatches[], room: MatchRoom): TextMatches {
  const { scores, counts, touched } = room;
  for (const word of perWord) {
    for (let at = 0; at < word.ids.length; at++) {
      const id = word.ids[at]!;
      if (counts[id] === 0) touched.push(id);
      counts[id]!++;
      scores[id]! += word.scores[at]!;
    }
  }
  const wordCount = perWord.length;
  let withEveryWord = 0;
  for (const id of touched) if (counts[id] === wordCount) withEveryWord++;
  const partial = withEveryWord < PARTIAL_WHEN_FEWER_THAN;
  let size = 0;
  // What is kept turns its count of words found into a count of words missed; the rest is cleared.
  for (const id of touched) {
    if (partial || counts[id] === wordCount) {
      counts[id] = wordCount - counts[id]!;
      size++;
    } else scores[id] = counts[id] = 0;
  }
  const unmatched = perWord.flatMap((word, position) => (word.ids.length === 0 ? [position] : []));
  return { size, withEveryWord, scores, missed: counts, unmatched };
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
    const { words, stems } = wordsAndStems(eachPhrase(leadin.terms));
    leadinIndex.add(position, [[words, 1]]);
    leadinStems.add(position, [[stems, 1]]);
  });
  const indexTerms = (upTo: number) => {
    for (let position = termIndex.size; position < Math.min(upTo, terms.length); position++) {
      const term = terms[position]!;
      const keywords = position < categories.length ? (term.keywords ?? {}) : {};
      const { words, stems } = wordsAndStems([term.title, ...eachPhrase(keywords)]);
      termIndex.add(position, [[words, 1]]);
      termStems.add(position, [[stems, 1]]);
    }
  };
  const servicesUnder = new Map<string, number[]>();
  const wordCache = new Map<string, WordMatches>();
  // Room for the scores of a search, by service position, kept between searches (a common word
  // finds thousands of services: arrays that long, made at each keystroke, keep the collector busy).
  const [wordRoom, stemRoom] = [new Scores(), new Scores()];
  const matchRoom = new MatchRoom();
  let capacity = 0;

  /** Services matching a word, with scores: the services' own text, plus the services of matching categories. */
  function lookUp(word: string, maxEdits: number): Scores {
    const options = { prefix: word.length >= PREFIX_FROM, maxEdits };
    wordRoom.clear();
    const scores = serviceIndex.lookUp(word, options, wordRoom);
    const termScores = termIndex.lookUp(word, options);
    const leadinScores = leadinIndex.lookUp(word, options);
    for (const wordStem of queryStems(word)) {
      stemRoom.clear();
      best(scores, serviceStems.lookUp(wordStem, {}, stemRoom), STEM_WEIGHT);
      best(termScores, termStems.lookUp(wordStem), STEM_WEIGHT);
      best(leadinScores, leadinStems.lookUp(wordStem), STEM_WEIGHT);
    }
    for (const term of termScores.ids) {
      const score = WEIGHTS.category * termScores.get(term);
      for (const id of servicesUnder.get(termKeys[term]!) ?? []) scores.add(id, score);
    }
    for (const position of leadinScores.ids) {
      const score = WEIGHTS.leadin * leadinScores.get(position);
      for (const category of leadins[position]!.categoryIds) {
        for (const id of servicesUnder.get(`c${category}`) ?? []) scores.add(id, score);
      }
    }
    return scores;
  }

  function scoresOf(word: string): WordMatches {
    const cached = wordCache.get(word);
    if (cached) return cached;
    let scores = lookUp(word, 0);
    // A word that (almost) nothing contains as written is probably mistyped: allow a typo or two.
    if (scores.size < FUZZY_WHEN_FEWER_THAN && word.length >= FUZZY_FROM) scores = lookUp(word, Math.min(2, Math.round(word.length * 0.2)));
    // Kept compact: a cached common word holds its matches, not an array as long as the directory.
    const matches = { ids: Int32Array.from(scores.ids), scores: new Float64Array(scores.size) };
    for (let at = 0; at < scores.size; at++) matches.scores[at] = scores.get(scores.ids[at]!);
    if (wordCache.size >= WORD_CACHE_SIZE) wordCache.delete(wordCache.keys().next().value!);
    wordCache.set(word, matches);
    return matches;
  }

  return {
    add(position, service) {
      indexTerms(termIndex.size + 2);
      const name = wordsAndStems([service.name, ...(service.alternateNames ?? []), service.organization?.name]);
      const description = wordsAndStems([service.description]);
      const places = (service.locations ?? []).flatMap((location) => tokens(texts(location.address.municipality)));
      serviceIndex.add(position, [
        [name.words, WEIGHTS.name],
        [description.words, WEIGHTS.description],
        [places, WEIGHTS.place],
      ]);
      serviceStems.add(position, [
        [name.stems, WEIGHTS.name],
        [description.stems, WEIGHTS.description],
      ]);
      for (const key of [...service.categoryIds.map((term) => `c${term}`), ...(service.sectorIds ?? []).map((term) => `s${term}`)]) {
        const list = servicesUnder.get(key);
        if (list) list.push(position);
        else servicesUnder.set(key, [position]);
      }
      capacity = Math.max(capacity, position + 1);
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
      const perWord = words.map(scoresOf);
      matchRoom.reset(capacity);
      return coordinate(perWord, matchRoom);
    },
  };
}
