import { describe, expect, it } from 'vitest';
import { intervalsOn, openingStatus, type OpeningHours } from '@brusano/sdk';
import { compileHours } from '../src/hours/compiled-hours.js';
import { brusselsTime } from '../src/hours/brussels-time.js';
import { sampleFeed } from '../../../test/support/feed.js';

const WEEKDAYS = ['mo', 'tu', 'we', 'th', 'fr'] as const;
const office: OpeningHours = {
  timeZone: 'Europe/Brussels',
  weekly: [{ days: [...WEEKDAYS], intervals: [{ opens: '09:00', closes: '12:30' }, { opens: '13:30', closes: '17:00' }] }],
  exceptions: [
    { from: '2026-12-25', closed: true },
    { from: '2026-12-24', intervals: [{ opens: '09:00', closes: '12:00' }] },
  ],
};
const nightShelter: OpeningHours = {
  timeZone: 'Europe/Brussels',
  weekly: [{ days: ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'], intervals: [{ opens: '20:00', closes: '08:00' }] }],
  validFrom: '2026-11-15',
  validUntil: '2027-03-31',
};

describe('openingStatus in Brussels time', () => {
  it('is open in the morning interval of a weekday, with its closing time', () => {
    // Tuesday 24 November 2026, 10:00 in Brussels (CET, UTC+1)
    const status = openingStatus(office, new Date('2026-11-24T09:00:00Z'));
    expect(status).toMatchObject({ known: true, open: true, closesAt: '12:30', closesSoon: false });
    expect(status.today).toHaveLength(2);
  });

  it('is closed at lunch and says when it opens again', () => {
    const status = openingStatus(office, new Date('2026-11-24T12:00:00Z')); // 13:00 Brussels
    expect(status).toMatchObject({ open: false, opensAt: { date: '2026-11-24', time: '13:30' } });
  });

  it('closes soon in the last half hour', () => {
    expect(openingStatus(office, new Date('2026-11-24T15:45:00Z')).closesSoon).toBe(true); // 16:45
  });

  it('opens on Monday after a weekend', () => {
    const status = openingStatus(office, new Date('2026-11-28T11:00:00Z')); // Saturday
    expect(status).toMatchObject({ open: false, opensAt: { date: '2026-11-30', time: '09:00' } });
  });

  it('applies a closure and a shortened exceptional day', () => {
    expect(openingStatus(office, new Date('2026-12-25T10:00:00Z')).open).toBe(false);
    expect(intervalsOn(office, '2026-12-24')).toEqual([{ opens: '09:00', closes: '12:00' }]);
    expect(openingStatus(office, new Date('2026-12-24T11:30:00Z')).open).toBe(false); // 12:30, closed early
  });

  it('keeps a night interval open past midnight, into the next day', () => {
    expect(openingStatus(nightShelter, new Date('2026-11-24T22:00:00Z')).open).toBe(true); // 23:00
    const early = openingStatus(nightShelter, new Date('2026-11-25T05:00:00Z')); // 06:00 next day
    expect(early).toMatchObject({ open: true, closesAt: '08:00' });
    expect(openingStatus(nightShelter, new Date('2026-11-25T09:00:00Z')).open).toBe(false); // 10:00
  });

  it('is closed outside the validity period', () => {
    expect(openingStatus(nightShelter, new Date('2027-05-01T22:00:00Z')).open).toBe(false);
  });

  it('follows daylight-saving time: 10:00 in Brussels is 08:00 UTC in summer, 09:00 UTC in winter', () => {
    expect(openingStatus(office, new Date('2026-07-07T08:00:00Z')).open).toBe(true); // Tuesday 10:00 CEST
    expect(openingStatus(office, new Date('2026-07-07T06:30:00Z')).open).toBe(false); // 08:30 CEST
    expect(openingStatus(office, new Date('2026-11-24T07:30:00Z')).open).toBe(false); // 08:30 CET
  });

  it('on the last Sunday of March and of October the wall clock still decides', () => {
    const sundays: OpeningHours = { timeZone: 'Europe/Brussels', weekly: [{ days: ['su'], intervals: [{ opens: '01:00', closes: '04:00' }] }] };
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST. 00:30 UTC = 01:30 CET (open), 02:30 UTC = 04:30 CEST (closed).
    expect(openingStatus(sundays, new Date('2026-03-29T00:30:00Z')).open).toBe(true);
    expect(openingStatus(sundays, new Date('2026-03-29T02:30:00Z')).open).toBe(false);
    // 25 October 2026: 03:00 CEST falls back to 02:00 CET. 02:30 UTC = 03:30 CET (open), 03:30 UTC = 04:30 CET (closed).
    expect(openingStatus(sundays, new Date('2026-10-25T02:30:00Z')).open).toBe(true);
    expect(openingStatus(sundays, new Date('2026-10-25T03:30:00Z')).open).toBe(false);
  });

  it('is open all day for 00:00–00:00', () => {
    const always: OpeningHours = { timeZone: 'Europe/Brussels', weekly: [{ days: ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'], intervals: [{ opens: '00:00', closes: '00:00' }] }] };
    expect(openingStatus(always, new Date('2026-11-24T23:59:00Z')).open).toBe(true);
    expect(openingStatus(always, new Date('2026-11-24T00:01:00Z')).open).toBe(true);
  });

  it('is unknown with free text only, and gives the text back', () => {
    const text = { fr: 'Permanences le mardi matin', nl: 'Zitdag op dinsdagvoormiddag' };
    const status = openingStatus({ timeZone: 'Europe/Brussels', text }, new Date());
    expect(status).toMatchObject({ known: false, open: false, text });
    expect(openingStatus(undefined).known).toBe(false);
  });
});

describe('compiled hours (used to filter on "open now" over many services)', () => {
  it('agree with openingStatus for every sample service, every 20 minutes over a week and both DST changes', () => {
    const services = sampleFeed().datasets.services;
    const starts = ['2026-03-27T00:00:00Z', '2026-10-23T00:00:00Z', '2026-12-21T00:00:00Z'];
    for (const service of services) {
      const compiled = compileHours(service.hours);
      for (const start of starts) {
        for (let minute = 0; minute < 4 * 24 * 60; minute += 20) {
          const at = new Date(new Date(start).getTime() + minute * 60_000);
          expect(compiled.isOpen(brusselsTime(at)), `${service.id} at ${at.toISOString()}`).toBe(openingStatus(service.hours, at).open);
        }
      }
    }
  });
});

describe('atBrusselsTime', () => {
  it('gives the instant Brussels’ clock reads, winter and summer, and across both changes', async () => {
    const { atBrusselsTime } = await import('@brusano/sdk/hours');
    expect(atBrusselsTime('2026-12-02', '09:00').toISOString()).toBe('2026-12-02T08:00:00.000Z');
    expect(atBrusselsTime('2026-07-01', '09:00').toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(atBrusselsTime('2026-03-29', '09:00').toISOString()).toBe('2026-03-29T07:00:00.000Z'); // the morning after the spring change
    expect(atBrusselsTime('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z'); // a time that does not exist: an hour later
    expect(atBrusselsTime('2026-10-25', '12:00').toISOString()).toBe('2026-10-25T11:00:00.000Z');
    expect(atBrusselsTime('2026-10-24', '23:30').toISOString()).toBe('2026-10-24T21:30:00.000Z');
  });
});
