import type { Helpdesk } from '../generated/types.js';
import { contentLines, escapeText, escapeValue, uriValue } from '../text/content-lines.js';
import { localize, type Language } from '../text/localize.js';

/** Single-text values keep their semicolons (RFC 6350); ORG and ADR escape them, as they separate parts. */
const SINGLE = { semicolons: false };

/**
 * A vCard (RFC 6350) for a helpdesk, so a person can save it to their phone's contacts. Every
 * value is escaped, and a link or number that is not one is left out, whatever the record holds:
 * no value can start a line of its own.
 *
 * @example
 * const file = new Blob([helpdeskToVCard(helpdesk, 'nl')], { type: 'text/vcard' });
 */
export function helpdeskToVCard(helpdesk: Helpdesk, lang: Language): string {
  const name = localize(helpdesk.name, lang)?.text ?? '';
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', 'KIND:org', `FN:${escapeText(name, SINGLE)}`, `ORG:${escapeText(name)}`];
  for (const phone of helpdesk.phones) {
    const extension = phone.extension && /^[0-9]{1,8}$/.test(phone.extension) ? `;ext=${phone.extension}` : '';
    const uri = typeof phone.number === 'string' ? uriValue(`tel:${phone.number.replace(/\s/g, '')}${extension}`) : undefined;
    if (uri) lines.push(`TEL;TYPE=work,voice;VALUE=uri:${uri}`);
    else if (phone.text) lines.push(`TEL;TYPE=work,voice;VALUE=text:${escapeValue(phone.text, SINGLE)}`);
  }
  const emails = helpdesk.emails.filter((email) => !email.lang || email.lang === lang);
  for (const email of emails.length ? emails : helpdesk.emails) lines.push(`EMAIL;TYPE=work:${escapeValue(email.address, SINGLE)}`);
  const sites = helpdesk.websites.filter((site) => !site.lang || site.lang === lang);
  for (const site of sites.length ? sites : helpdesk.websites) {
    const url = uriValue(site.url);
    if (url) lines.push(`URL:${url}`);
  }
  if (helpdesk.address) {
    const { street, number, box, postalCode, foreignPostalCode, municipality, country } = helpdesk.address;
    const streetLine = [localize(street, lang)?.text, number, box].filter(Boolean).join(' ');
    const components = [streetLine, localize(municipality, lang)?.text, '', postalCode ?? foreignPostalCode, country ?? 'BE'];
    // No address holds a backslash, and some readers split "\\;" wrongly: leave them out.
    lines.push(`ADR;TYPE=work:;;${components.map((component) => escapeValue(typeof component === 'string' ? component.replaceAll('\\', '') : component)).join(';')}`);
  }
  const purpose = localize(helpdesk.purpose, lang)?.text;
  if (purpose) lines.push(`NOTE:${escapeText(purpose, SINGLE)}`);
  lines.push('END:VCARD');
  return contentLines(lines);
}
