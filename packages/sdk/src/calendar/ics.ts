import type { Bassin, Event } from '../generated/types.js';
import { contentLines, escapeText, escapeValue, uriValue } from '../text/content-lines.js';
import { localize, type Language } from '../text/localize.js';

export interface IcsOptions {
  lang: Language;
  /** Calendar name shown by calendar apps. */
  name?: string;
  /** DTSTAMP: when the calendar was written. Pass a fixed date for reproducible files. */
  stamp?: Date;
}

const STATUS: Record<Event['status'], string> = { scheduled: 'CONFIRMED', cancelled: 'CANCELLED', postponed: 'TENTATIVE' };
const POSTPONED: Record<Language, string> = { fr: 'Reporté', nl: 'Uitgesteld', en: 'Postponed' };
const CANCELLED: Record<Language, string> = { fr: 'Annulé', nl: 'Geannuleerd', en: 'Cancelled' };

function utc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function isDateOnly(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

function dateValue(value: string): string {
  return value.replace(/-/g, '');
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

const isInstant = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

function eventLines(event: Event, { lang, stamp = new Date() }: IcsOptions): string[] {
  // An event without a readable start can't go in a calendar (an app may pass unchecked data).
  if (!isInstant(event.start)) return [];
  const title = localize(event.title, lang)?.text ?? '';
  const prefix = event.status === 'postponed' ? `[${POSTPONED[lang]}] ` : event.status === 'cancelled' ? `[${CANCELLED[lang]}] ` : '';
  const lines = ['BEGIN:VEVENT', `UID:${escapeValue(event.id)}@brusano.brussels`, `DTSTAMP:${utc(stamp)}`];
  if (isDateOnly(event.start)) {
    lines.push(`DTSTART;VALUE=DATE:${dateValue(event.start)}`);
    const end = event.end && isDateOnly(event.end) ? nextDay(event.end) : nextDay(event.start);
    lines.push(`DTEND;VALUE=DATE:${dateValue(end)}`);
  } else {
    // Instants are written in UTC: exact whatever time zone the calendar app is in.
    const start = new Date(event.start);
    lines.push(`DTSTART:${utc(start)}`);
    const end = isInstant(event.end) && !isDateOnly(event.end) && Date.parse(event.end) >= start.getTime() ? new Date(event.end) : new Date(start.getTime() + 60 * 60 * 1000);
    lines.push(`DTEND:${utc(end)}`);
  }
  lines.push(`SUMMARY:${escapeText(prefix + title)}`);
  if (Object.hasOwn(STATUS, event.status)) lines.push(`STATUS:${STATUS[event.status]}`);
  const description = [localize(event.description, lang)?.text, event.registration, event.online].filter(Boolean).join('\n');
  if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
  const place = [localize(event.place?.name, lang)?.text, event.place?.address && addressLine(event, lang)].filter(Boolean).join(', ');
  if (place) lines.push(`LOCATION:${escapeText(place)}`);
  else if (event.online) lines.push(`LOCATION:${escapeText(event.online)}`);
  const url = uriValue(event.registration) ?? uriValue(event.online);
  if (url) lines.push(`URL:${url}`);
  lines.push('END:VEVENT');
  return lines;
}

function addressLine(event: Event, lang: Language): string {
  const address = event.place!.address!;
  const street = [localize(address.street, lang)?.text, address.number].filter(Boolean).join(' ');
  return [street, [address.postalCode ?? address.foreignPostalCode, localize(address.municipality, lang)?.text].filter(Boolean).join(' ')].join(', ');
}

/**
 * An iCalendar (RFC 5545) file for a list of events: escaped, folded, one stable UID per event.
 * Every value is escaped and a link that is not an http(s) address is left out, whatever the
 * events hold (an app may pass its own, unchecked): no value can start a line of its own.
 *
 * @example
 * const blob = new Blob([eventsToIcs(events, { lang: 'fr' })], { type: 'text/calendar' });
 */
export function eventsToIcs(events: readonly Event[], options: IcsOptions): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Brusano//Agenda//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);
  for (const event of events) lines.push(...eventLines(event, options));
  lines.push('END:VCALENDAR');
  return contentLines(lines);
}

/** An iCalendar file for one event, for an "add to calendar" link. */
export function eventToIcs(event: Event, options: IcsOptions): string {
  return eventsToIcs([event], options);
}

/** A subscribable calendar file: all events, or one bassin's (with the Region's), in one language. */
export interface TerritoryCalendar {
  /** "all" or a bassin id. */
  territory: string;
  lang: Language;
  fileName: string;
  name: string;
  ics: string;
  count: number;
}

const CALENDAR_NAMES: Record<Language, { all: string; bassin: (name: string) => string }> = {
  fr: { all: 'Agenda Brusano — toute la Région', bassin: (name) => `Agenda Brusano — Bassin ${name}` },
  nl: { all: 'Agenda Brusano — heel het Gewest', bassin: (name) => `Agenda Brusano — Zorgzone ${name}` },
  en: { all: 'Brusano agenda — whole Region', bassin: (name) => `Brusano agenda — Bassin ${name}` },
};

/**
 * The calendars a feed publishes for subscription: one for every event, and one per bassin
 * with its own events and the Region's, each in French, Dutch and English.
 *
 * @example
 * for (const calendar of territoryCalendars(feed.events, feed.bassins, { stamp })) write(calendar.fileName, calendar.ics);
 */
export function territoryCalendars(events: readonly Event[], bassins: readonly Bassin[], { stamp }: { stamp?: Date } = {}): TerritoryCalendar[] {
  const sorted = [...events].sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  const calendars: TerritoryCalendar[] = [];
  for (const lang of ['fr', 'nl', 'en'] as const) {
    const territories = [
      { territory: 'all', name: CALENDAR_NAMES[lang].all, events: sorted },
      ...bassins.map((bassin) => ({
        territory: bassin.id,
        name: CALENDAR_NAMES[lang].bassin(lang === 'nl' ? bassin.name.nl : bassin.name.fr),
        events: sorted.filter((event) => event.territories.includes(bassin.id) || event.territories.includes('region')),
      })),
    ];
    for (const { territory, name, events: chosen } of territories) {
      calendars.push({
        territory,
        lang,
        name,
        fileName: `${territory}.${lang}.ics`,
        ics: eventsToIcs(chosen, { lang, name, ...(stamp ? { stamp } : {}) }),
        count: chosen.length,
      });
    }
  }
  return calendars;
}
