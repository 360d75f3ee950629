/** Words too common to search by (FR and NL articles and prepositions). */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'l', 'd', 'le', 'la', 'les', 'de', 'du', 'des', 'un', 'une', 'et', 'a', 'au', 'aux', 'en', 'pour', 'par', 'sur',
  'het', 'een', 'van', 'voor', 'en', 'op', 'met', 'in', 'der', 'den', 'the', 'of', 'and', 'for',
]);
