import type { Bassin, BilingualText, Commune, Quartier, SubArea } from '../generated/types.js';
import { normalizeText } from '../text/normalize.js';

/** The reference data a territory look-up reads: a loaded feed, or the SDK's own copy (`@brusano/sdk/reference`). */
export interface TerritoryReference {
  bassins: readonly Bassin[];
  communes: readonly Commune[];
  quartiers: readonly Quartier[];
}

/**
 * - `resolved`: one bassin.
 * - `ambiguous`: several bassins, or part of the area has none: ask which commune or quartier.
 * - `unassigned`: the place is in the Region, but no source gives it a bassin.
 * - `outside-region`: not a postal code, NIS code, commune or quartier of the Brussels Region.
 */
export type TerritoryStatus = 'resolved' | 'ambiguous' | 'unassigned' | 'outside-region';

/** A part of the Region that matched: a whole commune, or a sub-area of Brussels-City, with its bassin if any. */
export interface TerritoryArea {
  commune: Commune;
  subArea?: SubArea;
  bassin?: Bassin;
}

export interface TerritoryAnswer {
  input: string;
  status: TerritoryStatus;
  /** True when the input alone cannot tell the bassin: offer `areas` to choose from. */
  ambiguous: boolean;
  matchedBy?: 'postal-code' | 'nis' | 'commune' | 'sub-area' | 'quartier' | 'position';
  communes: Commune[];
  areas: TerritoryArea[];
  quartier?: Quartier;
  /** The bassins the place may belong to, without repeats. */
  bassins: Bassin[];
  /** The answer in a sentence, in FR, NL and EN. */
  message: BilingualText & { en: string };
}

interface NameIndex {
  communes: Map<string, Commune>;
  subAreas: Map<string, { commune: Commune; subArea: SubArea }>;
  quartiers: Map<string, Quartier>;
}

/** Everyday names that differ from the official ones. */
const COMMUNE_ALIASES: Record<string, string[]> = {
  '21004': ['Bruxelles-Ville', 'Brussel-Stad', 'Brussels', 'City of Brussels', 'Ville de Bruxelles', 'Stad Brussel'],
  '21003': ['Berchem'],
  '21012': ['Molenbeek'],
  '21014': ['Saint-Josse', 'Sint-Joost'],
  '21017': ['Watermael', 'Boitsfort', 'Bosvoorde'],
};

/**
 * The keys a name is found by: its normal form, without a bracketed remark ("Vijfhoek (stadscentrum)"),
 * and with saint/sainte/sint shortened as people write them.
 */
function nameKeys(name: string): string[] {
  const keys = new Set<string>();
  for (const form of [name, name.replace(/\s*\(.*\)\s*/g, ' ')]) {
    const key = normalizeText(form);
    keys.add(key);
    keys.add(key.replace(/\bsainte\b/g, 'ste').replace(/\b(saint|sint)\b/g, 'st'));
  }
  return [...keys];
}

const indexes = new WeakMap<TerritoryReference, NameIndex>();

function nameIndex(reference: TerritoryReference): NameIndex {
  let index = indexes.get(reference);
  if (index) return index;
  index = { communes: new Map(), subAreas: new Map(), quartiers: new Map() };
  for (const commune of reference.communes) {
    for (const name of [commune.name.fr, commune.name.nl, commune.name.en, ...(COMMUNE_ALIASES[commune.nis] ?? [])]) {
      if (name) for (const key of nameKeys(name)) index.communes.set(key, commune);
    }
    for (const subArea of commune.subAreas ?? []) {
      for (const name of [subArea.name.fr, subArea.name.nl, subArea.name.en, subArea.id]) {
        if (name) for (const key of nameKeys(name)) index.subAreas.set(key, { commune, subArea });
      }
    }
  }
  for (const quartier of reference.quartiers) {
    for (const name of [quartier.name.fr, quartier.name.nl, quartier.name.en]) {
      if (name) for (const key of nameKeys(name)) index.quartiers.set(key, quartier);
    }
  }
  indexes.set(reference, index);
  return index;
}

/** A commune as areas: itself when it has one bassin, else its sub-areas (optionally only those with a postal code). */
function areasOf(commune: Commune, bassinById: Map<string, Bassin>, postalCode?: string): TerritoryArea[] {
  if (commune.bassin !== null || !commune.subAreas?.length) {
    const bassin = commune.bassin === null ? undefined : bassinById.get(commune.bassin);
    return [{ commune, ...(bassin ? { bassin } : {}) }];
  }
  return commune.subAreas
    .filter((subArea) => postalCode === undefined || subArea.postalCodes.includes(postalCode))
    .map((subArea) => {
      const bassin = subArea.bassin === null ? undefined : bassinById.get(subArea.bassin);
      return { commune, subArea, ...(bassin ? { bassin } : {}) };
    });
}

function placeName(answer: Pick<TerritoryAnswer, 'input' | 'communes' | 'quartier' | 'areas'>, lang: 'fr' | 'nl' | 'en'): string {
  const named = answer.quartier ?? (answer.areas.length === 1 ? (answer.areas[0]!.subArea ?? answer.areas[0]!.commune) : undefined);
  return named ? (named.name[lang] ?? named.name.fr) : answer.input;
}

function messageFor(answer: Omit<TerritoryAnswer, 'message'>): TerritoryAnswer['message'] {
  const place = (lang: 'fr' | 'nl' | 'en') => placeName(answer, lang);
  const bassin = answer.bassins[0];
  switch (answer.status) {
    case 'resolved':
      return {
        fr: `${place('fr')} fait partie du bassin ${bassin!.name.fr}.`,
        nl: `${place('nl')} hoort bij zorgzone ${bassin!.name.nl}.`,
        en: `${place('en')} is in Bassin ${bassin!.name.fr}.`,
      };
    case 'ambiguous':
      return {
        fr: `${answer.input} couvre plusieurs zones. Précisez la commune ou le quartier.`,
        nl: `${answer.input} omvat meerdere gebieden. Kies de gemeente of de wijk.`,
        en: `${answer.input} covers several areas. Choose the commune or neighbourhood.`,
      };
    case 'unassigned':
      return {
        fr: `${place('fr')} est dans la Région bruxelloise, mais nos sources ne le rattachent à aucun bassin.`,
        nl: `${place('nl')} ligt in het Brussels Gewest, maar onze bronnen koppelen het aan geen enkele zorgzone.`,
        en: `${place('en')} is in the Brussels Region, but our sources link it to no bassin.`,
      };
    case 'outside-region':
      return {
        fr: `« ${answer.input} » n'est pas un code postal, une commune ou un quartier de la Région bruxelloise.`,
        nl: `'${answer.input}' is geen postcode, gemeente of wijk van het Brussels Gewest.`,
        en: `"${answer.input}" is not a postal code, commune or neighbourhood of the Brussels Region.`,
      };
  }
}

function answer(
  input: string,
  found: Omit<TerritoryAnswer, 'input' | 'status' | 'ambiguous' | 'bassins' | 'message'>,
  ownBassin?: Bassin,
): TerritoryAnswer {
  // A quartier with its own bassin settles the question whatever its communes' bassins are.
  const bassins = ownBassin
    ? [ownBassin]
    : [...new Map(found.areas.flatMap((area) => (area.bassin ? [[area.bassin.id, area.bassin] as const] : []))).values()];
  const unassignedPart = !ownBassin && found.areas.some((area) => !area.bassin);
  const status: TerritoryStatus =
    found.communes.length === 0 && !found.quartier
      ? 'outside-region'
      : bassins.length === 0
        ? 'unassigned'
        : bassins.length > 1 || unassignedPart
          ? 'ambiguous'
          : 'resolved';
  const result = { input, status, ambiguous: status === 'ambiguous', bassins, ...found };
  return { ...result, message: messageFor(result) };
}

/**
 * Finds where a place is in the Brussels territorial organisation: its commune(s) and bassin(s).
 * Takes a postal code, a NIS code, or the name of a commune, a part of Brussels-City or a quartier,
 * in French or Dutch, whatever the case and accents.
 *
 * @example
 * resolveTerritory('1090', feed).bassins[0].id  // 'nord'
 * resolveTerritory('1050', feed).ambiguous      // true: Ixelles (Sud) or Brussels-City around avenue Louise
 * resolveTerritory('sint-gillis', feed).communes[0].nis // '21013'
 * resolveTerritory('1300', feed).status         // 'outside-region'
 */
export function resolveTerritory(input: string, reference: TerritoryReference): TerritoryAnswer {
  const text = String(input ?? '').trim().slice(0, 200);
  const bassinById = new Map(reference.bassins.map((bassin) => [bassin.id, bassin]));
  const none = { communes: [], areas: [] };

  const postalCode = /^(\d{4})(?!\d)/.exec(text)?.[1];
  if (postalCode) {
    const communes = reference.communes.filter((commune) => commune.postalCodes.includes(postalCode));
    const areas = communes.flatMap((commune) => areasOf(commune, bassinById, postalCode));
    return answer(text, { matchedBy: 'postal-code', communes, areas });
  }
  if (/^\d{5}$/.test(text)) {
    const commune = reference.communes.find((candidate) => candidate.nis === text);
    return answer(text, commune ? { matchedBy: 'nis', communes: [commune], areas: areasOf(commune, bassinById) } : none);
  }

  const index = nameIndex(reference);
  const key = normalizeText(text);
  const commune = index.communes.get(key);
  if (commune) return answer(text, { matchedBy: 'commune', communes: [commune], areas: areasOf(commune, bassinById) });
  const part = index.subAreas.get(key);
  if (part) {
    const bassin = part.subArea.bassin === null ? undefined : bassinById.get(part.subArea.bassin);
    return answer(text, {
      matchedBy: 'sub-area',
      communes: [part.commune],
      areas: [{ commune: part.commune, subArea: part.subArea, ...(bassin ? { bassin } : {}) }],
    });
  }
  const quartier = index.quartiers.get(key);
  if (quartier) {
    const communes = reference.communes.filter((candidate) => quartier.communes.includes(candidate.nis));
    const bassin = quartier.bassin === null ? undefined : bassinById.get(quartier.bassin);
    const areas = bassin
      ? communes.map((candidate) => ({ commune: candidate, bassin }))
      : communes.flatMap((candidate) => areasOf(candidate, bassinById));
    return answer(text, { matchedBy: 'quartier', communes, areas, quartier }, bassin);
  }
  return answer(text, none);
}
