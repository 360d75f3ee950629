// The "content line" text format that iCalendar (RFC 5545) and vCard (RFC 6350) share.

/**
 * Escapes a TEXT value: backslash, comma, line breaks, and semicolon — except in a vCard's
 * single-text values (FN, NOTE, EMAIL), where RFC 6350 does not escape it; drops other control characters.
 */
export function escapeText(value: string, { semicolons = true }: { semicolons?: boolean } = {}): string {
  const escaped = value.replace(/\\/g, '\\\\');
  return (semicolons ? escaped.replace(/;/g, '\\;') : escaped)
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/**
 * A URI value (URL:, TEL:) as it may be written: an http(s) or tel: address with no space or
 * control character, or undefined. URI values can't be escaped, so anything else is refused.
 */
export function uriValue(value: unknown): string | undefined {
  if (typeof value !== 'string' || /[\s\u0000-\u001f\u007f]/.test(value)) return undefined;
  if (/^tel:\+?[0-9]{3,16}(;ext=[0-9]{1,8})?$/.test(value)) return value;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Any value as escaped TEXT; nothing for what is not a text or a number (an app's unchecked record). */
export function escapeValue(value: unknown, options?: { semicolons?: boolean }): string {
  return typeof value === 'string' || typeof value === 'number' ? escapeText(String(value), options) : '';
}

const encoder = new TextEncoder();

/** Folds a content line to at most 75 octets per line, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    const limit = pieces.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

/** Joins content lines with CRLF, folded, ending with CRLF. */
export function contentLines(lines: readonly string[]): string {
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
