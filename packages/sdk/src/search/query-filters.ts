import type { Commune } from '../generated/types.js';
import { normalizeText } from '../text/normalize.js';
import type { ServiceFilters } from './service-search.js';

/** A phrase of a query that is a filter rather than a topic, and the filter it became. */
export interface QueryFilter {
  /** `free`, `openNow`, `commune:<nis>`, `language:<code>` or `public:<code>`: what a person may take back. */
  key: string;
  kind: 'free' | 'openNow' | 'commune' | 'language' | 'public';
  /** The NIS code, language code or public; empty for `free` and `openNow`. */
  value: string;
  /** The words of the query it was read from, in normal form. */
  words: string;
}

export interface UnderstoodQuery {
  /** The words left to search for, in normal form. */
  text: string;
  /** The filters the query asked for. */
  filters: ServiceFilters;
  /** Each phrase read as a filter, in the order of the query. */
  found: QueryFilter[];
}

/** Free of charge, and open now: in French, Dutch and English, as people type them (normal form). */
const FREE = ['gratuit', 'gratuite', 'gratuits', 'gratuites', 'gratuitement', 'pas cher', 'pas chere', 'sans frais', 'gratis', 'kosteloos', 'free', 'free of charge', 'no cost'];
const OPEN_NOW = ['ouvert maintenant', 'ouverte maintenant', 'ouverts maintenant', 'ouvertes maintenant', 'ouvert en ce moment', 'nu open', 'open nu', 'nu geopend', 'open now', 'open right now'];

/** The words that say "for whom" before a public, and the publics by the words people use. */
const FOR = ['pour', 'pour les', 'pour des', 'voor', 'voor de', 'for'];
const PUBLICS: Record<string, readonly string[]> = {
  'young-people': ['ado', 'ados', 'adolescent', 'adolescents', 'adolescente', 'adolescentes', 'jeune', 'jeunes', 'jongeren', 'tieners', 'jeugd', 'teens', 'teenagers', 'young people', 'youth'],
  children: ['enfant', 'enfants', 'kinderen', 'kind', 'children', 'kids', 'child'],
  'older-people': ['senior', 'seniors', 'aines', 'personnes agees', 'personne agee', 'ouderen', 'senioren', 'bejaarden', 'older people', 'elderly', 'the elderly'],
  women: ['femme', 'femmes', 'vrouwen', 'vrouw', 'women'],
  families: ['famille', 'familles', 'parents', 'gezinnen', 'gezin', 'ouders', 'families', 'family'],
  homeless: ['sans abri', 'sdf', 'daklozen', 'thuislozen', 'homeless', 'homeless people'],
  'people-with-disabilities': ['handicapes', 'personnes handicapees', 'personnes en situation de handicap', 'mensen met een handicap', 'personen met een handicap', 'disabled people', 'people with disabilities'],
  newcomers: ['primo arrivants', 'nieuwkomers', 'newcomers'],
};

/** The words that say "in which language" before a language's name. */
const IN_LANGUAGE = ['en', 'in het', 'in', 'qui parle', 'parle', 'spreekt', 'speaks', 'speaking'];
/** "Bruxelles" alone means the Region as often as the City: never read as the commune. */
const AMBIGUOUS_COMMUNES = new Set(['bruxelles', 'brussel', 'brussels']);

interface Phrase {
  words: string[];
  filter: Omit<QueryFilter, 'words'>;
}

const phrases = (texts: readonly string[], filter: Omit<QueryFilter, 'words'>): Phrase[] => texts.map((text) => ({ words: text.split(' '), filter }));

function languageNames(codes: readonly string[]): Phrase[] {
  const found: Phrase[] = [];
  for (const lang of ['fr', 'nl', 'en']) {
    let names: Intl.DisplayNames;
    try {
      names = new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' });
    } catch {
      continue;
    }
    for (const code of codes) {
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        name = undefined;
      }
      if (!name) continue;
      const filter = { key: `language:${code}`, kind: 'language' as const, value: code };
      for (const lead of IN_LANGUAGE) found.push({ words: normalizeText(`${lead} ${name}`).split(' '), filter });
    }
  }
  return found;
}

/**
 * Shorter names people use for communes with long ones (normal form). Only names that can't be
 * read as anything else: "pierre" or "lambert" alone could be a person.
 */
const COMMUNE_SHORT_NAMES: Record<string, readonly string[]> = {
  '21012': ['molenbeek'],
  '21014': ['saint josse', 'sint joost'],
  '21003': ['berchem'],
};

const books = new WeakMap<readonly Commune[], Map<string, Map<string, Phrase[]>>>();

/**
 * Every phrase the query may hold, by its first word, longest first so that "nu open" wins over
 * a lone "open": a keystroke looks up each of its words, not the whole book.
 */
function phrasebook(communes: readonly Commune[], languages: readonly string[]): Map<string, Phrase[]> {
  let byLanguages = books.get(communes);
  if (!byLanguages) books.set(communes, (byLanguages = new Map()));
  const key = languages.join(' ');
  const cached = byLanguages.get(key);
  if (cached) return cached;
  const every = [
    ...phrases(FREE, { key: 'free', kind: 'free', value: '' }),
    ...phrases(OPEN_NOW, { key: 'openNow', kind: 'openNow', value: '' }),
    ...Object.entries(PUBLICS).flatMap(([code, words]) =>
      FOR.flatMap((lead) => phrases(words.map((word) => `${lead} ${word}`), { key: `public:${code}`, kind: 'public', value: code })),
    ),
    ...languageNames(languages),
    ...communes.flatMap((commune) => {
      const filter = { key: `commune:${commune.nis}`, kind: 'commune' as const, value: commune.nis };
      const names = [commune.name.fr, commune.name.nl, ...(commune.postalCodes ?? []), ...(COMMUNE_SHORT_NAMES[commune.nis] ?? [])].map((name) => normalizeText(name));
      return phrases([...new Set(names)].filter((name) => !AMBIGUOUS_COMMUNES.has(name)), filter);
    }),
  ].sort((a, b) => b.words.length - a.words.length);
  const book = new Map<string, Phrase[]>();
  for (const phrase of every) {
    const list = book.get(phrase.words[0]!);
    if (list) list.push(phrase);
    else book.set(phrase.words[0]!, [phrase]);
  }
  byLanguages.set(key, book);
  return book;
}

/**
 * Reads the filters a query asks for in words — free, open now, a commune or its postal code, "en
 * arabe / in het Arabisch / in Arabic", "pour ados / voor senioren / for women" — in French, Dutch
 * and English, and leaves the rest to search for. A phrase whose key is in `ignore` (a filter the
 * person took back) stays a plain word.
 *
 * @example
 * understandQuery('aide juridique gratuite à Ixelles', { communes }).filters
 * // { free: true, communes: ['21009'] }; text: 'aide juridique a'
 */
export function understandQuery(
  text: string,
  { communes, languages = [] }: { communes: readonly Commune[]; languages?: readonly string[] },
  { ignore = [] }: { ignore?: readonly string[] } = {},
): UnderstoodQuery {
  const words = normalizeText(text).split(' ').filter(Boolean);
  const book = phrasebook(communes, languages);
  const kept: string[] = [];
  const found: QueryFilter[] = [];
  for (let at = 0; at < words.length; ) {
    const phrase = book.get(words[at]!)?.find((candidate) => !ignore.includes(candidate.filter.key) && candidate.words.every((word, offset) => words[at + offset] === word));
    if (!phrase) {
      kept.push(words[at++]!);
      continue;
    }
    if (!found.some((filter) => filter.key === phrase.filter.key)) found.push({ ...phrase.filter, words: phrase.words.join(' ') });
    at += phrase.words.length;
  }
  const filters: ServiceFilters = {};
  for (const filter of found) {
    if (filter.kind === 'free') filters.free = true;
    else if (filter.kind === 'openNow') filters.openNow = true;
    else {
      const list = filter.kind === 'commune' ? 'communes' : filter.kind === 'language' ? 'languages' : 'publics';
      filters[list] = [...(filters[list] ?? []), filter.value];
    }
  }
  return { text: kept.join(' '), filters, found };
}

/** Filters chosen by hand and filters read from the words, together: any of the values of a list, every flag. */
export function mergeFilters(chosen: ServiceFilters, read: ServiceFilters): ServiceFilters {
  const merged: ServiceFilters = { ...chosen };
  for (const list of ['communes', 'languages', 'publics'] as const) {
    if (read[list]?.length) merged[list] = [...new Set([...(chosen[list] ?? []), ...read[list]!])];
  }
  if (read.free) merged.free = true;
  if (read.openNow) merged.openNow = true;
  return merged;
}
