import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { Phone } from '@brusano/sdk';

const PHONE_NUMBER = /^\+[1-9][0-9]{0,2}( ?[0-9]){6,14}$/;

/**
 * A phone number from another directory, of any country: in international form when it can be
 * read (relative to the country of the service's address), else kept as the producer wrote it,
 * to be shown and never dialled. Extensions are kept, from the field or from the number ("ext. 12").
 */
export function phoneFrom(written: string, { country = 'BE', extension }: { country?: string; extension?: unknown } = {}): Phone | undefined {
  const text = written.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const parsed = parsePhoneNumberFromString(text, country as CountryCode);
  const givenExtension = typeof extension === 'number' || typeof extension === 'string' ? String(extension).replace(/\D/g, '') : '';
  const ext = (givenExtension || parsed?.ext || '').slice(0, 8);
  if (parsed?.isValid()) {
    const international = parsed.formatInternational().replace(/\s*ext\..*$/, '');
    const number = PHONE_NUMBER.test(international) ? international : parsed.number;
    return { number, ...(ext ? { extension: ext } : {}) };
  }
  return { text: text.slice(0, 100), ...(ext ? { extension: ext } : {}) };
}
