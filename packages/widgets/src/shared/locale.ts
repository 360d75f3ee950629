import { TIME_ZONE } from '@brusano/sdk/hours';
import type { Language } from '@brusano/sdk/text';

/** The locale dates, numbers, weekdays and country names are written in, for each language: Belgian French and Dutch. */
export const LOCALES: Readonly<Record<Language, string>> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB' };

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A language's date format, made once for each set of options: making one costs more than using
 * it, and an element renders at each keystroke and each step while a directory loads. Brussels
 * time; a date alone ("2023-06-14") names a calendar day, not an instant: with `dateOnly` it is
 * read in UTC so it never shifts.
 */
export function dateFormat(lang: Language, options: Intl.DateTimeFormatOptions, dateOnly = false): Intl.DateTimeFormat {
  const key = `${lang}|${dateOnly}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: dateOnly ? 'UTC' : TIME_ZONE })));
  return format;
}
