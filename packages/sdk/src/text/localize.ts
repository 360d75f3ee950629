import type { LocalizedText } from '../generated/types.js';

export type Language = 'fr' | 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['fr', 'nl', 'en'];

/** Which language to fall back to when a text is missing in the one asked for. */
const FALLBACKS: Record<Language, Language[]> = { fr: ['fr', 'nl', 'en'], nl: ['nl', 'fr', 'en'], en: ['en', 'fr', 'nl'] };

/**
 * A text in the language asked for, or the nearest one there is, with the language it is in
 * (so a page can mark a French text shown on a Dutch page with lang="fr").
 *
 * @example
 * localize({ fr: 'Aide sociale' }, 'nl') // { text: 'Aide sociale', lang: 'fr' }
 */
export function localize(text: LocalizedText | undefined, lang: Language): { text: string; lang: Language } | undefined {
  if (!text) return undefined;
  for (const candidate of FALLBACKS[lang]) {
    const value = text[candidate];
    if (value) return { text: value, lang: candidate };
  }
  return undefined;
}
