/**
 * Where a point is: the commune (from the 19 communes' official boundaries, carried here and only
 * here, about 5 kB gzip) and the bassin; and how far two points are. For "near me": load it when
 * a person asks, not before.
 */
export { communeAt, distanceInMetres, territoryAt } from './geo/territory-at.js';
