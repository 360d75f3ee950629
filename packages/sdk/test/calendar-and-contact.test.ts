import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { eventsToIcs, eventToIcs, eventToJsonLd, helpdeskToVCard, territoryCalendars, type Event } from '@brusano/sdk';
import { helpdesks } from '@brusano/sdk/reference';
import { sampleFeed } from '../../../test/support/feed.js';

const timed: Event = {
  id: 'car-2025-03-12',
  type: 'car',
  title: { fr: "Conseil de l'action régionale; réunion, avec \\ et lunch", nl: 'Regionale actieraad' },
  description: { fr: 'Ordre du jour : la charte.\nPuis lunch réseau.' },
  start: '2025-03-12T12:00:00+01:00',
  end: '2025-03-12T13:00:00+01:00',
  place: { name: { fr: 'Brusano' }, address: { street: { fr: "Rue de l'Association" }, number: '15', postalCode: '1000' } },
  territories: ['region'],
  status: 'postponed',
  registration: 'https://example.org/register',
};

function parse(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  return component.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

describe('eventToIcs', () => {
  it('writes an RFC 5545 file that ical.js reads back with the same instant, text and status', () => {
    const ics = eventToIcs(timed, { lang: 'fr', stamp: new Date('2026-01-01T00:00:00Z') });
    const [event] = parse(ics);
    expect(event!.uid).toBe('car-2025-03-12@brusano.brussels');
    expect(event!.startDate.toJSDate().toISOString()).toBe('2025-03-12T11:00:00.000Z');
    expect(event!.endDate.toJSDate().toISOString()).toBe('2025-03-12T12:00:00.000Z');
    expect(event!.summary).toBe("[Reporté] Conseil de l'action régionale; réunion, avec \\ et lunch");
    expect(event!.description).toContain('Ordre du jour : la charte.\nPuis lunch réseau.');
    expect(event!.location).toBe("Brusano, Rue de l'Association 15, 1000");
    expect(event!.component.getFirstPropertyValue('status')).toBe('TENTATIVE');
  });

  it('uses CRLF and folds lines to 75 octets without cutting a character', () => {
    const long = { ...timed, title: { fr: 'Atelier — é'.repeat(30), nl: 'x' } };
    const ics = eventToIcs(long, { lang: 'fr' });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(parse(ics)[0]!.summary).toBe(`[Reporté] ${'Atelier — é'.repeat(30)}`);
  });

  it('writes a date-only event as an all-day event', () => {
    const [event] = parse(eventToIcs({ ...timed, start: '2023-06-14', end: undefined, status: 'scheduled' } as Event, { lang: 'nl' }));
    expect(event!.startDate.isDate).toBe(true);
    expect(event!.startDate.toString()).toBe('2023-06-14');
    expect(event!.endDate.toString()).toBe('2023-06-15');
    expect(event!.summary).toBe('Regionale actieraad');
  });
});

describe('eventsToIcs', () => {
  it('writes every event of the sample feed, each with a stable UID, and the same file twice for the same stamp', () => {
    const { events } = sampleFeed().datasets;
    const stamp = new Date('2026-11-24T00:00:00Z');
    const ics = eventsToIcs(events, { lang: 'fr', name: 'Agenda Brusano', stamp });
    const parsed = parse(ics);
    expect(parsed).toHaveLength(events.length);
    expect(new Set(parsed.map((event) => event.uid)).size).toBe(events.length);
    expect(eventsToIcs(events, { lang: 'fr', name: 'Agenda Brusano', stamp })).toBe(ics);
  });
});

describe('helpdeskToVCard', () => {
  it("writes Bassin Nord's helpdesk as a vCard a phone can import", () => {
    const nord = helpdesks.find((helpdesk) => helpdesk.territory === 'nord')!;
    const vcard = helpdeskToVCard(nord, 'nl');
    const card = new ICAL.Component(ICAL.parse(vcard));
    expect(card.getFirstPropertyValue('fn')).toBe('Helpdesk van Zorgzone Noord');
    expect(card.getFirstPropertyValue('tel')).toBe('tel:+3223186054');
    expect(card.getFirstPropertyValue('email')).toBe('info@zorgzone-noord.brussels');
    expect(card.getFirstPropertyValue('url')).toBe('https://www.zorgzone-noord.brussels/');
  });
});

describe('territoryCalendars', () => {
  const { events, bassins } = sampleFeed().datasets;
  const stamp = new Date('2026-11-24T08:00:00Z');
  const calendars = territoryCalendars(events, bassins, { stamp });

  it('writes one calendar for all and one per bassin, in FR, NL and EN, each readable by ical.js', () => {
    expect(calendars.map((calendar) => calendar.fileName)).toHaveLength(18);
    expect(calendars.map((calendar) => calendar.fileName)).toContain('nord-est.nl.ics');
    for (const calendar of calendars) {
      const parsed = parse(calendar.ics);
      expect(parsed, calendar.fileName).toHaveLength(calendar.count);
      expect(new ICAL.Component(ICAL.parse(calendar.ics)).getFirstPropertyValue('x-wr-calname')).toBe(calendar.name);
    }
  });

  it("puts a bassin's own events and the Region's in its calendar, and nothing else", () => {
    const sud = calendars.find((calendar) => calendar.fileName === 'sud.fr.ics')!;
    const expected = events.filter((event) => event.territories.includes('sud') || event.territories.includes('region')).map((event) => `${event.id}@brusano.brussels`);
    expect(parse(sud.ics).map((event) => event.uid).sort()).toEqual(expected.sort());
    expect(sud.name).toBe('Agenda Brusano — Bassin Sud');
  });

  it('gives the same bytes for the same events and stamp', () => {
    expect(territoryCalendars(events, bassins, { stamp }).map((calendar) => calendar.ics)).toEqual(calendars.map((calendar) => calendar.ics));
  });
});

describe('eventToJsonLd', () => {
  it('describes an event as schema.org Event, with status, attendance mode, place and link', () => {
    const jsonLd = eventToJsonLd({ ...timed, online: 'https://example.org/online' }, 'fr');
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: "Conseil de l'action régionale; réunion, avec \\ et lunch",
      startDate: '2025-03-12T12:00:00+01:00',
      endDate: '2025-03-12T13:00:00+01:00',
      eventStatus: 'https://schema.org/EventPostponed',
      eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
      url: 'https://example.org/register',
      inLanguage: 'fr',
    });
    expect((jsonLd.location as unknown[])[0]).toMatchObject({ '@type': 'Place', name: 'Brusano', address: { postalCode: '1000', addressCountry: 'BE' } });
    expect(eventToJsonLd({ ...timed, status: 'cancelled', place: undefined } as Event, 'nl').eventStatus).toBe('https://schema.org/EventCancelled');
  });
});
