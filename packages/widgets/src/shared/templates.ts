import { html, nothing, type TemplateResult } from 'lit';
import type { Address, EmailContact, Helpdesk, LocalizedText, Phone, Website } from '@brusano/sdk';
import { addDays, brusselsTime, type OpeningStatus } from '@brusano/sdk/hours';
import { formatPhoneNumber, localize, type Language } from '@brusano/sdk/text';
import type { SharedStrings } from './i18n.js';
import { dateFormat, LOCALES } from './locale.js';
import { mailtoHref, safeWebUrl, telHref } from './links.js';

/** A localized text, marked with its own language when it had to fall back to another one. */
export function text(value: LocalizedText | undefined, lang: Language): TemplateResult | typeof nothing {
  const found = localize(value, lang);
  if (!found) return nothing;
  return found.lang === lang ? html`${found.text}` : html`<span lang=${found.lang}>${found.text}</span>`;
}

/**
 * Phone numbers: a number in international form is a tel: link (its extension dialled after a
 * pause); a number another directory wrote in its own way is shown as written, never linked.
 */
export function phoneLinks(phones: readonly Phone[] | undefined, lang: Language, t: Pick<SharedStrings, 'extension'>): TemplateResult[] {
  return (phones ?? []).flatMap((phone) => {
    // Belgian numbers as Belgians read them (02 318 60 54); the link keeps the international form.
    const shown = phone.number ? formatPhoneNumber(phone.number) : phone.text;
    if (!shown) return [];
    const href = phone.number ? telHref(phone.number, phone.extension) : undefined;
    const extension = phone.extension ? html` <span class="muted">${t.extension(phone.extension)}</span>` : nothing;
    const label = phone.label ? html` <span class="muted">(${text(phone.label, lang)})</span>` : nothing;
    return [html`<li>${href ? html`<a href=${href} part="link">${shown}</a>` : shown}${extension}${label}</li>`];
  });
}

/**
 * An address on one line: street and number, postal code and municipality, and the country
 * when it is not Belgium (named in the page's language).
 */
export function addressLine(address: Address, lang: Language): TemplateResult {
  const country = address.country && address.country !== 'BE' ? countryName(address.country, lang) : undefined;
  return html`${text(address.street, lang)} ${address.number ?? ''}${address.box ? ` / ${address.box}` : ''},
    ${address.postalCode ?? address.foreignPostalCode ?? ''} ${text(address.municipality, lang)}${country ? `, ${country}` : ''}`;
}

function countryName(code: string, lang: Language): string {
  try {
    return new Intl.DisplayNames([LOCALES[lang]], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** E-mail addresses: those for this language, or all when none is for it. */
export function emailLinks(emails: readonly EmailContact[] | undefined, lang: Language): TemplateResult[] {
  const own = (emails ?? []).filter((email) => !email.lang || email.lang === lang);
  return (own.length ? own : (emails ?? [])).map((email) => {
    const href = mailtoHref(email.address);
    return html`<li>${href ? html`<a href=${href} part="link">${email.address}</a>` : email.address}</li>`;
  });
}

/** Websites: those for this language, or all. Only http(s) addresses become links. */
export function websiteLinks(sites: readonly Website[] | undefined, lang: Language): TemplateResult[] {
  const own = (sites ?? []).filter((site) => !site.lang || site.lang === lang);
  return (own.length ? own : (sites ?? [])).map((site) => {
    const href = safeWebUrl(site.url);
    const label = localize(site.label, lang)?.text ?? site.url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
    return html`<li>${href ? html`<a href=${href} part="link" rel="noopener noreferrer" target="_blank">${label}</a>` : site.url}</li>`;
  });
}

/** "Open · closes at 17:00", "Closed · opens tomorrow at 09:00", or the free-text hours. */
export function openingLine(status: OpeningStatus, t: SharedStrings, lang: Language): TemplateResult | typeof nothing {
  if (!status.known) return status.text ? html`<span class="hours-text">${text(status.text, lang)}</span>` : nothing;
  if (status.open) {
    const when = status.closesSoon ? t.closesSoon(status.closesAt!) : t.closesAt(status.closesAt!);
    return html`<span class="status status--open" part="status status-open">${t.open}</span> · ${when}`;
  }
  const next = status.opensAt;
  const day = next ? dayWord(next.date, t, lang) : '';
  return html`<span class="status status--closed" part="status status-closed">${t.closed}</span>${next ? html` · ${t.opensAt(day, next.time)}` : nothing}`;
}

function dayWord(date: string, t: SharedStrings, lang: Language): string {
  const today = brusselsTime(new Date()).date;
  if (date === today) return t.today;
  // The next calendar day, not the date 24 hours from now: the two differ on the day clocks go back.
  if (date === addDays(today, 1)) return t.tomorrow;
  return dateFormat(lang, { weekday: 'long' }, true).format(new Date(`${date}T00:00:00Z`));
}

/** A helpdesk's ways in: phones, e-mails, websites. */
export function helpdeskContacts(helpdesk: Helpdesk, t: SharedStrings, lang: Language): TemplateResult {
  const phones = phoneLinks(helpdesk.phones, lang, t);
  const emails = emailLinks(helpdesk.emails, lang);
  const sites = websiteLinks(helpdesk.websites, lang);
  return html`<dl class="contacts">
    ${phones.length ? html`<dt>${t.phone}</dt><dd><ul>${phones}</ul></dd>` : nothing}
    ${emails.length ? html`<dt>${t.email}</dt><dd><ul>${emails}</ul></dd>` : nothing}
    ${sites.length ? html`<dt>${t.website}</dt><dd><ul>${sites}</ul></dd>` : nothing}
  </dl>`;
}
