import { boundaries } from '../generated/boundaries.js';
import { resolveTerritory, type TerritoryAnswer, type TerritoryReference } from '../territory/resolve-territory.js';

/** Each commune's rings as [longitude, latitude] pairs, decoded once, on first use. */
let decoded: { nis: string; rings: Float64Array[] }[] | undefined;
function communeRings() {
  decoded ??= boundaries.communes.map(({ nis, rings }) => ({
    nis,
    rings: rings.map((steps) => {
      const points = new Float64Array(steps.length);
      let [x, y] = [0, 0];
      for (let at = 0; at < steps.length; at += 2) {
        points[at] = (x += steps[at]!) / boundaries.scale;
        points[at + 1] = (y += steps[at + 1]!) / boundaries.scale;
      }
      return points;
    }),
  }));
  return decoded;
}

/** Even–odd rule over every ring of a commune: a hole's edges cancel its outer ring's. */
function inside(rings: readonly Float64Array[], longitude: number, latitude: number): boolean {
  let within = false;
  for (const ring of rings) {
    for (let at = 0, before = ring.length - 2; at < ring.length; before = at, at += 2) {
      const [x1, y1, x2, y2] = [ring[at]!, ring[at + 1]!, ring[before]!, ring[before + 1]!];
      if (y1 > latitude !== y2 > latitude && longitude < ((x2 - x1) * (latitude - y1)) / (y2 - y1) + x1) within = !within;
    }
  }
  return within;
}

/**
 * The NIS code of the commune a point lies in, from the communes' official boundaries
 * (simplified to about 8 m: a point that close to a border may land in the neighbour); undefined
 * outside the Region.
 */
export function communeAt(longitude: number, latitude: number): string | undefined {
  if (!Number.isFinite(longitude) || !Number.isFinite(latitude)) return undefined;
  return communeRings().find((commune) => inside(commune.rings, longitude, latitude))?.nis;
}

const OUTSIDE: TerritoryAnswer['message'] = {
  fr: 'Cette position n’est pas dans la Région bruxelloise.',
  nl: 'Deze plaats ligt niet in het Brussels Gewest.',
  en: 'This position is not in the Brussels Region.',
};

/**
 * Where a point is in Brussels' organisation of help: its commune and bassin(s), as
 * `resolveTerritory` answers for the commune's name — ambiguous where the commune spans several
 * bassins (Brussels-City: ask which part). The point is used here and nowhere else.
 *
 * @example
 * territoryAt(4.3522, 50.8467, reference).communes[0].nis // '21004' (Grand-Place: Brussels-City, ambiguous)
 * territoryAt(4.3717, 50.8275, reference).bassins[0].id  // 'sud' (Flagey, Ixelles)
 */
export function territoryAt(longitude: number, latitude: number, reference: TerritoryReference): TerritoryAnswer {
  const nis = communeAt(longitude, latitude);
  const commune = nis ? reference.communes.find((candidate) => candidate.nis === nis) : undefined;
  if (!commune) return { input: '', status: 'outside-region', ambiguous: false, matchedBy: 'position', communes: [], areas: [], bassins: [], message: OUTSIDE };
  return { ...resolveTerritory(commune.name.fr, reference), matchedBy: 'position' };
}

const EARTH_RADIUS_M = 6_371_000;

/** The distance in metres between two points on the Earth (haversine), each { lat, lon } in degrees. */
export function distanceInMetres(from: { lat: number; lon: number }, to: { lat: number; lon: number }): number {
  const radians = Math.PI / 180;
  const dLat = (to.lat - from.lat) * radians;
  const dLon = (to.lon - from.lon) * radians;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(from.lat * radians) * Math.cos(to.lat * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}
