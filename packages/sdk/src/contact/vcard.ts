import type { Helpdesk } from '../generated/types.js';
import { contentLines, escapeText } from '../text/content-lines.js';
import { localize, type Language } from '../text/localize.js';

/**
 * A vCard (RFC 6350) for a helpdesk, so a person can save it to their phone's contacts.
 *
 * @example
 * const file = new Blob([helpdeskToVCard(helpdesk, 'nl')], { type: 'text/vcard' });
 */
export function helpdeskToVCard(helpdesk: Helpdesk, lang: Language): string {
  const name = localize(helpdesk.name, lang)!.text;
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', 'KIND:org', `FN:${escapeText(name)}`, `ORG:${escapeText(name)}`];
  for (const phone of helpdesk.phones) lines.push(`TEL;TYPE=work,voice;VALUE=uri:tel:${phone.number.replace(/\s/g, '')}`);
  const emails = helpdesk.emails.filter((email) => !email.lang || email.lang === lang);
  for (const email of emails.length ? emails : helpdesk.emails) lines.push(`EMAIL;TYPE=work:${escapeText(email.address)}`);
  const sites = helpdesk.websites.filter((site) => !site.lang || site.lang === lang);
  for (const site of sites.length ? sites : helpdesk.websites) lines.push(`URL:${site.url}`);
  if (helpdesk.address) {
    const { street, number, box, postalCode, municipality } = helpdesk.address;
    const streetLine = [localize(street, lang)?.text, number, box].filter(Boolean).join(' ');
    lines.push(`ADR;TYPE=work:;;${escapeText(streetLine)};${escapeText(localize(municipality, lang)?.text ?? '')};;${postalCode};BE`);
  }
  const purpose = localize(helpdesk.purpose, lang)?.text;
  if (purpose) lines.push(`NOTE:${escapeText(purpose)}`);
  lines.push('END:VCARD');
  return contentLines(lines);
}
