/**
 * Folds a name or a query to a comparable form: lower case, no accents, œ/æ spelled out,
 * apostrophes, hyphens and other punctuation as single spaces.
 *
 * @example
 * normalizeText("Saint-Josse-ten-Noode") === normalizeText("saint josse ten noode") // true
 * normalizeText("Œuvre d'accueil") // "oeuvre d accueil"
 */
export function normalizeText(text: string): string {
  // Lower case on both sides of the decomposition: some letters decompose to capitals (ᴬ → A),
  // and some capitals lower-case to a letter plus a mark (İ → i̇).
  return text
    .toLowerCase()
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}+/gu, '')
    .replaceAll('œ', 'oe')
    .replaceAll('æ', 'ae')
    .replaceAll('ß', 'ss')
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
