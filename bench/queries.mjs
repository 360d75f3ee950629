// Query sequences as people type them, keystroke by keystroke, some with a typo or a
// correction: French, Dutch, acronyms, commune names.
const TYPED = [
  'logement',
  'huisvesting',
  'ocmw jette',
  'maison medicale',
  'maison medicle',
  'wijkgezondheidscentrum',
  'cpas anderlecht',
  'aide alimentaire',
  'schuldbemiddeling',
  'sante mentale schaerbeek',
  'kinderopvang',
  'sans abri',
  'planning familial',
  'alphabetisation',
  'thuisloze',
  'aide juridique ixelles',
];

/** Every keystroke of every query: the text in the search box after each key. */
export const KEYSTROKES = TYPED.flatMap((query) => Array.from({ length: query.length }, (_, index) => query.slice(0, index + 1)));
export const QUERIES = TYPED;
