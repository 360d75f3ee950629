import { createRequire } from 'node:module';
import type { Leadin } from '@brusano/sdk';

/**
 * The SDK's reviewed lead-ins (everyday words for Bruxelles Social categories) that lead to the
 * categories a feed carries, each with those categories only: a feed made of part of the
 * taxonomy gets the words for its part, and `validate` finds no word pointing nowhere.
 *
 * @example
 * await writeFile('leadins.json', JSON.stringify(leadinsWithin(new Set([67, 453]))));
 */
export function leadinsWithin(categoryIds: ReadonlySet<number>, leadins: readonly Leadin[] = createRequire(import.meta.url)('@brusano/sdk/reference/leadins.json')): Leadin[] {
  return leadins.flatMap((leadin) => {
    const kept = leadin.categoryIds.filter((id) => categoryIds.has(id));
    if (kept.length === 0) return [];
    const sources = leadin.sources?.filter((source) => typeof source.id !== 'number' || kept.includes(source.id));
    const { sources: _all, ...rest } = leadin;
    return [{ ...rest, categoryIds: kept as Leadin['categoryIds'], ...(sources?.length ? { sources: sources as NonNullable<Leadin['sources']> } : {}) }];
  });
}
