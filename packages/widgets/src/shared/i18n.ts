import type { Language } from '@brusano/sdk/text';
import type { SharedStrings } from './strings/fr.js';

export type { SharedStrings };

/**
 * An element's texts, one module per language (`<element>/strings/<lang>.ts`, the shared texts
 * included), so a page loads the words of the language it shows and no other: the loader asks
 * for that language's module together with the element's code. Plain words; acronyms explained.
 */
export type Translations<T extends SharedStrings = SharedStrings> = Record<Language, () => Promise<{ default: T }>>;

/**
 * What `brusano-error` events say, in English for the page's developers whatever the widget's
 * language; the English texts (strings/en.ts) show the same sentences to people.
 */
export const EVENT_MESSAGES = {
  feedMissing: 'This widget has no data address (feed attribute).',
  feedError: 'The information could not be loaded. Check your connection and try again.',
  feedTimeout: 'The server does not answer. Try again in a moment.',
  feedFormat: 'The data received cannot be read. We cannot show it.',
  partialData: (count: number) => (count === 1 ? '1 record had an error and is not shown.' : `${count} records had an error and are not shown.`),
  partialFields: (count: number) =>
    count === 1 ? '1 record is shown without a detail that had an error.' : `${count} records are shown without some details that had an error.`,
};
