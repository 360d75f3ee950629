import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { eventsToIcs, helpdeskToVCard, type Event, type Helpdesk } from '@brusano/sdk';

// Whatever a field holds — line breaks, separators, a whole "ATTENDEE:" line, control
// characters — the ICS and vCard written from it hold exactly the properties the writer meant:
// an app may hand the SDK its own unchecked records (feedData), so escaping can't rely on the schemas.
const RUNS = { numRuns: 2_000 };
const hostilePiece = fc.constantFrom('\r\n', '\n', '\r', ';', ',', '\\', ':', '\u0000', '\u0007', '\t', '\u2028', 'ATTENDEE;CN=x:mailto:x@example.org', 'END:VEVENT', 'BEGIN:VALARM', 'END:VCARD', 'TEL:+32', '"', 'é', '😀');
const anyText = fc.array(fc.oneof(hostilePiece, fc.string({ unit: 'grapheme', maxLength: 30 })), { maxLength: 6 }).map((pieces) => pieces.join(''));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** What escaping keeps of a text: line breaks as \n, no other control character. */
const asRead = (text: string) => text.replace(/\r\n|\r|\n/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');

describe('property: ICS and vCard lines hold exactly what was written', () => {
  it('an event with any text in any field gives one VEVENT of known properties, its texts read back as they were', () => {
    const event = fc.record({
      id: anyText,
      title: fc.record({ fr: anyText }),
      description: maybe(fc.record({ fr: anyText })),
      registration: maybe(fc.oneof(anyText, fc.constant('https://example.org/register'))),
      online: maybe(anyText),
      status: fc.oneof(fc.constantFrom('scheduled', 'cancelled', 'postponed'), anyText),
      start: fc.oneof(fc.constantFrom('2026-03-12T12:00:00+01:00', '2026-03-12'), anyText),
      end: maybe(anyText),
      place: maybe(fc.record({ name: maybe(fc.record({ fr: anyText })), address: maybe(fc.record({ street: fc.record({ fr: anyText }), number: maybe(anyText), postalCode: maybe(anyText), municipality: maybe(fc.record({ fr: anyText })) })) })),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 3 }), anyText, (events, calendarName) => {
        const ics = eventsToIcs(events as unknown as Event[], { lang: 'fr', name: calendarName, stamp: new Date('2026-01-01T00:00:00Z') });
        const written = events.filter((candidate) => !Number.isNaN(Date.parse(candidate.start)));
        const calendar = new ICAL.Component(ICAL.parse(ics));
        expect(calendar.getAllProperties().map((property) => property.name).sort()).toEqual(['calscale', 'method', 'prodid', 'version', ...(calendarName ? ['x-wr-calname'] : [])]);
        const vevents = calendar.getAllSubcomponents('vevent');
        expect(vevents).toHaveLength(written.length);
        vevents.forEach((vevent, index) => {
          const source = written[index]!;
          expect(vevent.getAllSubcomponents()).toEqual([]); // no VALARM smuggled in
          const names = vevent.getAllProperties().map((property) => property.name);
          for (const name of names) expect(['uid', 'dtstamp', 'dtstart', 'dtend', 'summary', 'status', 'description', 'location', 'url']).toContain(name);
          expect(names.filter((name) => name === 'summary')).toHaveLength(1);
          expect(vevent.getFirstPropertyValue('uid')).toBe(`${asRead(source.id)}@brusano.brussels`);
          expect(String(vevent.getFirstPropertyValue('summary'))).toContain(asRead(source.title.fr));
          const url = vevent.getFirstPropertyValue('url');
          if (url !== null) expect(String(url)).toMatch(/^https?:\/\/[^\s]+$/);
        });
      }),
      RUNS,
    );
  });

  it('a helpdesk with any text in any field gives a vCard of known properties, each value read back as written', () => {
    const helpdesk = fc.record({
      name: fc.record({ fr: anyText }),
      purpose: maybe(fc.record({ fr: anyText })),
      phones: fc.array(fc.record({ number: maybe(fc.oneof(anyText, fc.constant('+32 2 000 01 01'))), text: maybe(anyText), extension: maybe(anyText) }), { maxLength: 3 }),
      emails: fc.array(fc.record({ address: anyText }), { maxLength: 2 }),
      websites: fc.array(fc.record({ url: fc.oneof(anyText, fc.constant('https://example.org/')) }), { maxLength: 2 }),
      address: maybe(fc.record({ street: fc.record({ fr: anyText }), number: maybe(anyText), box: maybe(anyText), postalCode: maybe(anyText), municipality: maybe(fc.record({ fr: anyText })), country: maybe(anyText) })),
    });
    fc.assert(
      fc.property(helpdesk, (card) => {
        const vcard = helpdeskToVCard(card as unknown as Helpdesk, 'fr');
        const parsed = new ICAL.Component(ICAL.parse(vcard));
        const names = parsed.getAllProperties().map((property) => property.name);
        for (const name of names) expect(['version', 'kind', 'fn', 'org', 'tel', 'email', 'url', 'adr', 'note']).toContain(name);
        expect(names.filter((name) => name === 'fn')).toHaveLength(1);
        expect(parsed.getFirstPropertyValue('fn')).toBe(asRead(card.name.fr));
        expect(names.filter((name) => name === 'tel').length).toBeLessThanOrEqual(card.phones.length);
        expect(names.filter((name) => name === 'email')).toHaveLength(card.emails.length);
        expect(names.filter((name) => name === 'url').length).toBeLessThanOrEqual(card.websites.length);
        expect(parsed.getAllProperties('email').map((property) => property.getFirstValue())).toEqual(card.emails.map((email) => asRead(email.address)));
        const dialled = parsed.getAllProperties('tel').map((tel) => String(tel.getFirstValue())).filter((value) => value.startsWith('tel:'));
        for (const uri of dialled) expect(uri).toMatch(/^tel:\+?[0-9]+(;ext=[0-9]{1,8})?$/);
        if (card.address) {
          const adr = parsed.getFirstProperty('adr')!.getFirstValue() as string[];
          const street = [card.address.street.fr, card.address.number, card.address.box].filter(Boolean).join(' ');
          const component = (text: string) => asRead(text.replaceAll('\\', ''));
          expect([adr[2], adr[5]]).toEqual([component(street), component(card.address.postalCode ?? '')]);
        } else expect(names).not.toContain('adr');
      }),
      RUNS,
    );
  });
});
