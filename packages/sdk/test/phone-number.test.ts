import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { formatPhoneNumber } from '@brusano/sdk';

// Every Belgian zone and number range, formatted as libphonenumber (Google's numbering-plan data) does.
const PREFIXES = ['2', '3', '4', '9', '10', '11', '12', '13', '14', '15', '16', '19', '50', '51', '52', '53', '54', '55', '56', '57', '58', '59', '60', '61', '63', '64', '65', '67', '69', '71', '80', '81', '82', '83', '84', '85', '86', '87', '89', '70', '78'];
const MOBILES = ['456', '460', '465', '467', '468', '470', '471', '472', '473', '474', '475', '476', '477', '478', '479', '483', '484', '485', '486', '487', '488', '489', '490', '491', '492', '493', '494', '495', '496', '497', '498', '499'];
const SPECIAL = ['800', '900', '902', '903', '904', '905', '906', '907', '909'];

const fill = (prefix: string, length: number) => (prefix + '2345678901').slice(0, length);

describe('formatPhoneNumber', () => {
  it('writes Belgian numbers as Belgians read them, as the numbering plan groups them', () => {
    const numbers = [
      ...PREFIXES.map((prefix) => `+32${fill(prefix, 8)}`),
      ...MOBILES.map((prefix) => `+32${fill(prefix, 9)}`),
      ...SPECIAL.map((prefix) => `+32${fill(prefix, 8)}`),
    ];
    let checked = 0;
    for (const number of numbers) {
      const parsed = parsePhoneNumberFromString(number)!;
      // 070 and 078 lines are not in the library's data as valid numbers; it still groups them.
      if (!parsed.isValid() && !/^\+327[08]/.test(number)) continue;
      expect(formatPhoneNumber(number), number).toBe(parsed.formatNational());
      checked++;
    }
    expect(checked).toBeGreaterThan(numbers.length * 0.9);
    expect(formatPhoneNumber('+32 2 318 60 54')).toBe('02 318 60 54');
    expect(formatPhoneNumber('+32 2 880 29 80')).toBe('02 880 29 80');
  });

  it('leaves foreign numbers, and what is not a number, as they are', () => {
    expect(formatPhoneNumber('+44 20 7946 0958')).toBe('+44 20 7946 0958');
    expect(formatPhoneNumber('+33 1 99 00 12 34')).toBe('+33 1 99 00 12 34');
    expect(formatPhoneNumber('call us')).toBe('call us');
    expect(formatPhoneNumber('+32 12')).toBe('+32 12');
  });
});
