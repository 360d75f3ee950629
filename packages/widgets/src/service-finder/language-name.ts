import type { Language } from '@brusano/sdk/text';

/** Names of languages in the widget's language; sign languages by their Belgian names. */
const SIGN_LANGUAGES: Record<string, Record<Language, string>> = {
  sfb: { fr: 'langue des signes de Belgique francophone (LSFB)', nl: 'Frans-Belgische Gebarentaal (LSFB)', en: 'French Belgian Sign Language (LSFB)' },
  vgt: { fr: 'langue des signes flamande (VGT)', nl: 'Vlaamse Gebarentaal (VGT)', en: 'Flemish Sign Language (VGT)' },
};
const displayNames = new Map<Language, Intl.DisplayNames>();

export function languageName(code: string, lang: Language): string {
  const sign = SIGN_LANGUAGES[code];
  if (sign) return sign[lang];
  let names = displayNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' });
    displayNames.set(lang, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
