import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createServiceSearch,
  helpdeskFor,
  normalizeText,
  openingStatus,
  resolveTerritory,
  validateDataset,
  type OpeningHours,
} from '@brusano/sdk';
import { sampleFeed } from './support/feed.js';

// Property-based tests: 10 000 generated inputs each, none may throw, and what must hold holds.
const RUNS = { numRuns: 10_000 };
const anything = fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: false, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true });

describe('property: validators never throw and never accept what the schema refuses', () => {
  it('validateDataset on arbitrary values for every dataset', () => {
    const datasets = ['bassins', 'communes', 'quartiers', 'helpdesks', 'actions', 'events', 'services', 'categories', 'sectors'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...datasets), fc.array(anything, { maxLength: 5 }), (dataset, records) => {
        const { records: valid, problems } = validateDataset(dataset, records);
        expect(valid.length + new Set(problems.map((problem) => problem.index)).size).toBeGreaterThanOrEqual(records.length);
        for (const problem of problems) expect(typeof problem.message).toBe('string');
      }),
      RUNS,
    );
  });

  it('a valid service stays valid, and any change of its id to a non-id string is refused', () => {
    const service = sampleFeed().datasets.services[0];
    fc.assert(
      fc.property(fc.string(), (id) => {
        const { records } = validateDataset('services', [{ ...service, id }]);
        expect(records.length === 1).toBe(/^[a-z0-9][a-z0-9-]{0,79}$/.test(id));
      }),
      RUNS,
    );
  });
});

describe('property: territory look-up', () => {
  it('answers any text with one of its four statuses, consistent with its bassins, without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.integer({ min: 0, max: 99_999 }).map(String)), (input) => {
        const answer = resolveTerritory(input);
        expect(['resolved', 'ambiguous', 'unassigned', 'outside-region']).toContain(answer.status);
        if (answer.status === 'resolved') expect(answer.bassins).toHaveLength(1);
        if (answer.status === 'outside-region') expect(answer.communes).toEqual([]);
        expect(answer.message.fr.length).toBeGreaterThan(0);
        expect(helpdeskFor(answer).regional.territory).toBe('region');
      }),
      RUNS,
    );
  });
});

describe('property: opening hours', () => {
  const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const day = fc.constantFrom('mo', 'tu', 'we', 'th', 'fr', 'sa', 'su');
  const date = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((value) => value.toISOString().slice(0, 10));
  const hours: fc.Arbitrary<OpeningHours> = fc.record(
    {
      timeZone: fc.constant('Europe/Brussels' as const),
      weekly: fc.array(fc.record({ days: fc.uniqueArray(day, { minLength: 1, maxLength: 7 }), intervals: fc.array(fc.record({ opens: time, closes: time }), { minLength: 1, maxLength: 3 }) }), { maxLength: 4 }),
      exceptions: fc.array(fc.oneof(fc.record({ from: date, closed: fc.constant(true as const) }), fc.record({ from: date, intervals: fc.array(fc.record({ opens: time, closes: time }), { minLength: 1, maxLength: 2 }) })), { maxLength: 3 }),
      validFrom: date,
      validUntil: date,
    },
    { requiredKeys: ['timeZone', 'weekly'] },
  ) as unknown as fc.Arbitrary<OpeningHours>; // fast-check's inferred type is narrower than the generated one

  it('never throws, and an open place always says when it closes', () => {
    fc.assert(
      fc.property(hours, fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }), (value, at) => {
        const status = openingStatus(value, at);
        if (status.open) expect(status.closesAt).toMatch(/^\d{2}:\d{2}$/);
        if (status.opensAt) expect(status.opensAt.time).toMatch(/^\d{2}:\d{2}$/);
      }),
      RUNS,
    );
  });
});

describe('property: search normalisation', () => {
  it('is idempotent, lower case, accent-free and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
        expect(once).toBe(once.toLowerCase());
        expect(once).not.toMatch(/\p{M}/u);
        expect(once).not.toMatch(/^ | $|  /);
      }),
      RUNS,
    );
  });

  it('search answers any query without throwing, each service once', () => {
    const { datasets } = sampleFeed();
    const finder = createServiceSearch({ services: datasets.services, categories: datasets.categories, sectors: datasets.sectors });
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (query) => {
        const { services } = finder.search(query);
        expect(new Set(services.map((service) => service.id)).size).toBe(services.length);
      }),
      RUNS,
    );
  });
});
