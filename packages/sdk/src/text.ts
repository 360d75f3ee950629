/** Texts in French, Dutch and English: the one to show, and the normal form words are compared in. */
export { localize, LANGUAGES, type Language } from './text/localize.js';
export { normalizeText } from './text/normalize.js';
export { formatPhoneNumber } from './text/phone-number.js';
