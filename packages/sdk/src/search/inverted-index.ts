/** BM25's saturation and length normalisation, as search engines commonly set them. */
const K1 = 1.2;
const B = 0.7;
/** A word found as the start of a longer one, or with a typo, counts less than the word itself. */
const PREFIX_WEIGHT = 0.375;
const TYPO_WEIGHT = 0.45;

/**
 * Documents found and their scores, dense by document number: a common word of a large directory
 * finds thousands of services, and adding up scores in an array costs a fraction of a Map's
 * hashing. Every score is above 0 (BM25 never gives 0), so 0 means "not found".
 */
export class Scores {
  /** The documents found, in the order found. */
  readonly ids: number[] = [];
  private values: Float64Array;

  constructor(capacity = 0) {
    this.values = new Float64Array(capacity);
  }

  get size(): number {
    return this.ids.length;
  }

  /** A document's score; 0 when it was not found. */
  get(id: number): number {
    return id < this.values.length ? this.values[id]! : 0;
  }

  add(id: number, score: number): void {
    if (id >= this.values.length) this.grow(id);
    if (this.values[id] === 0) this.ids.push(id);
    this.values[id]! += score;
  }

  /** Keeps the better of the document's score and this one: a word and another form of it are one match, not two. */
  keepBest(id: number, score: number): void {
    if (id >= this.values.length) this.grow(id);
    const current = this.values[id]!;
    if (current === 0) this.ids.push(id);
    if (score > current) this.values[id] = score;
  }

  /** Forgets every document found, keeping the room. */
  clear(): void {
    for (const id of this.ids) this.values[id] = 0;
    this.ids.length = 0;
  }

  private grow(id: number): void {
    const values = new Float64Array(Math.max(id + 1, this.values.length * 2));
    values.set(this.values);
    this.values = values;
  }
}

export interface LookUpOptions {
  /** Also match words that start with this one. */
  prefix?: boolean;
  /** Also match words this many letters away (insertions, deletions, substitutions). */
  maxEdits?: number;
}

// Two rows of the distance table, kept between calls: a typo look-up compares a word with thousands.
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/** Levenshtein distance, or `limit + 1` as soon as it is sure to exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (b.length + 1 > previousRow.length) {
    previousRow = new Int32Array(b.length + 1);
    currentRow = new Int32Array(b.length + 1);
  }
  for (let j = 0; j <= b.length; j++) previousRow[j] = j;
  for (let i = 1; i <= a.length; i++) {
    currentRow[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previousRow[j]! + 1, currentRow[j - 1]! + 1, previousRow[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      currentRow[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    [previousRow, currentRow] = [currentRow, previousRow];
  }
  return previousRow[b.length]!;
}

/** Bits of a posting that hold the frequency: BM25 gains nothing from a word met more than 255 times. */
const FREQUENCY_BITS = 8;
const MAX_FREQUENCY = 2 ** FREQUENCY_BITS - 1;
/** A posting is a positive 32-bit integer. */
const MAX_DOCUMENTS = 2 ** (31 - FREQUENCY_BITS);

/**
 * A document and its weighted frequency (a whole number) as one 32-bit integer, which the engine
 * keeps as a small integer up to four million documents: 4 bytes a posting, where two numbers
 * took 8 (and a product computed as a float, 8 as well). Read with `>>> FREQUENCY_BITS` and
 * `& MAX_FREQUENCY`.
 */
const posting = (document: number, frequency: number) => (document << FREQUENCY_BITS) | Math.min(MAX_FREQUENCY, frequency | 0);

/**
 * An inverted index of small documents made of weighted fields (a service's name counts more than
 * its description): BM25 scores, words found as written, as the start of longer words, or with
 * typos. Documents are numbered by the caller and can be added at any time, so an index can grow
 * while a feed arrives; it holds only numbers per word and document.
 *
 * @example
 * const index = new InvertedIndex();
 * index.add(0, [[['maison', 'medicale'], 4], [['soins', 'generalistes'], 1]]);
 * index.lookUp('medic', { prefix: true }) // Map { 0 => 0.4… }
 */
export class InvertedIndex {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Per word: each document that has it with its weighted frequency there, in one small integer (see posting()). */
  private readonly postings: number[][] = [];
  private readonly lengths: number[] = [];
  private totalLength = 0;
  private documents = 0;
  /** Word ids in alphabetical order, for prefixes; rebuilt after words were added. */
  private alphabetical: number[] | undefined;
  /** Word ids by word length, for typo look-ups. */
  private readonly byLength: number[][] = [];
  /** The frequencies of the document being added, by word id, kept between documents to spare the garbage collector. */
  private readonly frequencies = new Scores();

  /** How many documents the index holds. */
  get size(): number {
    return this.documents;
  }

  /** Indexes a document: its fields' words (already normalised), each field with its weight (a whole number). */
  add(document: number, fields: readonly (readonly [words: readonly string[], weight: number])[]): void {
    if (!Number.isInteger(document) || document < 0 || document >= MAX_DOCUMENTS) throw new RangeError(`A document is numbered from 0 to ${MAX_DOCUMENTS - 1}, not ${document}.`);
    const { frequencies } = this;
    frequencies.clear();
    let length = 0;
    for (const [words, weight] of fields) {
      for (const word of words) {
        let id = this.termIds.get(word);
        if (id === undefined) {
          id = this.terms.push(word) - 1;
          this.termIds.set(word, id);
          (this.byLength[word.length] ??= []).push(id);
          this.postings.push([]);
          this.alphabetical = undefined;
        }
        frequencies.add(id, weight);
        length += weight;
      }
    }
    for (const id of frequencies.ids) this.postings[id]!.push(posting(document, frequencies.get(id)));
    this.lengths[document] = length;
    this.totalLength += length;
    this.documents++;
  }

  /** The documents that have a word, each with its score, added to `scores` when given. */
  lookUp(word: string, { prefix = false, maxEdits = 0 }: LookUpOptions = {}, scores = new Scores(this.lengths.length)): Scores {
    const exact = this.termIds.get(word);
    if (exact !== undefined) this.score(exact, 1, scores);
    if (prefix) {
      for (const id of this.startingWith(word)) {
        const term = this.terms[id]!;
        if (term.length > word.length) this.score(id, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - word.length)), scores);
      }
    }
    if (maxEdits > 0) {
      // Only words of a near length can be a few edits away.
      for (let length = Math.max(1, word.length - maxEdits); length <= word.length + maxEdits; length++) {
        for (const id of this.byLength[length] ?? []) {
          const term = this.terms[id]!;
          if (id === exact || (prefix && term.startsWith(word))) continue;
          const distance = editDistance(word, term, maxEdits);
          if (distance <= maxEdits) this.score(id, (TYPO_WEIGHT * term.length) / (term.length + distance), scores);
        }
      }
    }
    return scores;
  }

  /**
   * The indexed word nearest to one that matches nothing (fewest edits, then the most documents),
   * for "did you mean"; undefined when none is within `maxEdits`.
   */
  closest(word: string, maxEdits: number): { word: string; edits: number; documents: number } | undefined {
    let found: { word: string; edits: number; documents: number } | undefined;
    for (let length = Math.max(1, word.length - maxEdits); length <= word.length + maxEdits; length++) {
      for (const id of this.byLength[length] ?? []) {
        const term = this.terms[id]!;
        const edits = editDistance(word, term, maxEdits);
        if (edits > maxEdits || edits === 0) continue;
        const documents = this.postings[id]!.length;
        if (!found || edits < found.edits || (edits === found.edits && documents > found.documents)) found = { word: term, edits, documents };
      }
    }
    return found;
  }

  /** Adds a word's BM25 scores, times a weight, to each of its documents. */
  private score(id: number, weight: number, scores: Scores): void {
    const list = this.postings[id]!;
    const count = list.length;
    const idf = Math.log(1 + (this.documents - count + 0.5) / (count + 0.5));
    const average = this.totalLength / Math.max(1, this.documents);
    for (let at = 0; at < list.length; at++) {
      const entry = list[at]!;
      const document = entry >>> FREQUENCY_BITS;
      const frequency = entry & MAX_FREQUENCY;
      const normalised = (frequency * (K1 + 1)) / (frequency + K1 * (1 - B + (B * this.lengths[document]!) / average));
      scores.add(document, weight * idf * normalised);
    }
  }

  /** Ids of the words that start with a prefix, by binary search in alphabetical order. */
  private startingWith(prefix: string): number[] {
    const order = (this.alphabetical ??= this.terms.map((_, id) => id).sort((a, b) => (this.terms[a]! < this.terms[b]! ? -1 : 1)));
    let low = 0;
    let high = order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.terms[order[middle]!]! < prefix) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let at = low; at < order.length && this.terms[order[at]!]!.startsWith(prefix); at++) found.push(order[at]!);
    return found;
  }
}
