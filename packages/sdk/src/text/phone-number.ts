/**
 * A phone number as people read it: a Belgian number (+32) in the national form with the usual
 * grouping — 02 318 60 54, 0470 12 34 56, 010 12 34 56, 0800 12 345, 070 12 34 56 — and any other
 * as it was given (international form). Links keep the international form (`tel:+3223186054`).
 *
 * @example
 * formatPhoneNumber('+32 2 318 60 54') // '02 318 60 54'
 * formatPhoneNumber('+44 20 7946 0958') // '+44 20 7946 0958'
 */
export function formatPhoneNumber(number: string): string {
  const digits = number.replace(/[\s./()-]/g, '');
  const national = /^\+32([1-9][0-9]{7,8})$/.exec(digits)?.[1];
  if (!national) return number;
  const group = (...sizes: number[]) => {
    let at = 0;
    return `0${sizes.map((size) => national.slice(at, (at += size))).join(' ')}`;
  };
  if (national.length === 9) return /^4[5-9]/.test(national) ? group(3, 2, 2, 2) : number; // mobiles: 0470 12 34 56
  if (/^(800|90[0-9])/.test(national)) return group(3, 2, 3); // free and premium: 0800 12 345
  if (/^[2349]/.test(national)) return group(1, 3, 2, 2); // Brussels, Antwerp, Liège, Ghent: 02 318 60 54
  return group(2, 2, 2, 2); // the other zones, 070 and 078: 010 12 34 56
}
