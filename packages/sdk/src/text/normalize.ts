/**
 * Folds a name or a query to a comparable form: lower case, no accents, œ/æ spelled out,
 * apostrophes, hyphens and other punctuation as single spaces.
 *
 * @example
 * normalizeText("Saint-Josse-ten-Noode") === normalizeText("saint josse ten noode") // true
 * normalizeText("Œuvre d'accueil") // "oeuvre d accueil"
 */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('œ', 'oe')
    .replaceAll('æ', 'ae')
    .replaceAll('ß', 'ss')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
