import { describe, expect, it } from 'vitest';
import { decodeRowGroup, encodeRowGroup, SharedValues } from '../src/reader.js';

/** A row group as the browser gets it: written as JSON, then parsed. */
const written = (records: readonly unknown[]) => JSON.parse(JSON.stringify(encodeRowGroup(records))) as unknown;

/** Services as a feed has them: each its own id, name and e-mail, many the same street, languages and publics. */
function services(count: number, from = 0) {
  return Array.from({ length: count }, (_, offset) => {
    const at = from + offset;
    return {
      id: `service-${at}`,
      name: { fr: `Service numéro ${at} — un nom assez long pour ne pas être partagé` },
      languages: at % 3 === 0 ? ['fr', 'nl'] : ['fr', 'nl', 'en'],
      publics: ['families'],
      emails: [{ address: `service-${at}@example.org` }],
      locations: [{ address: { street: { fr: 'Rue de l’Exemple (adresse fictive)', nl: 'Voorbeeldstraat (fictief adres)' }, number: String(at), postalCode: '1000' } }],
      lastVerified: `2026-0${1 + (at % 9)}-15`,
    };
  });
}

describe('the compact form of records', () => {
  it('reads back the very records it was given, group after group', () => {
    const shared = new SharedValues();
    const first = services(300);
    const second = services(300, 300);
    expect([...decodeRowGroup(written(first), shared), ...decodeRowGroup(written(second), shared)]).toEqual([...first, ...second]);
  });

  it('keeps a short text, list or small object repeated across a file once, and each record its own long texts', () => {
    const shared = new SharedValues();
    const records = [...decodeRowGroup(written(services(600)), shared), ...decodeRowGroup(written(services(600, 600)), shared)] as ReturnType<typeof services>;
    const [a, b] = [records[3]!, records[903]!];
    expect(b.languages).toBe(a.languages);
    expect(b.publics).toBe(a.publics);
    expect(b.locations[0]!.address.street).toBe(a.locations[0]!.address.street);
    expect(b.locations[0]!.address).not.toBe(a.locations[0]!.address);
    expect(b.name).not.toEqual(a.name);
    // Shared values are shared only where equal.
    expect(records[1]!.languages).not.toBe(a.languages);
    expect(records[1]!.languages).toEqual(['fr', 'nl', 'en']);
  });

  it('writes no field that would reach a prototype', () => {
    const hostile = JSON.parse('{"rows":1,"columns":[[["__proto__","polluted"],[true]],[["locations"],[[{"__proto__":{"polluted":true},"street":"x"}]]]]}');
    const [record] = decodeRowGroup(hostile);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    const location = (record!.locations as Record<string, unknown>[])[0]!;
    expect(Object.getPrototypeOf(location)).toBe(Object.prototype);
    expect(location.street).toBe('x');
    expect(location.polluted).toBeUndefined();
  });
});
