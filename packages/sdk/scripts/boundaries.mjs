// Writes reference/commune-boundaries.json from the 19 communes' boundaries in
// ../shared/fixtures/geo/brussels-communes.geojson (see its README for their source): each ring
// rounded to 1e-5 degrees (about a metre), points closer than SIMPLIFY_M to the line of their
// neighbours dropped (Douglas–Peucker), and written as whole-number steps from the point before.
// Run once when the source changes: `node packages/sdk/scripts/boundaries.mjs`.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = 'fixtures/geo/brussels-communes.geojson';
const SCALE = 1e5;
const SIMPLIFY_M = 8;
const METRES_PER_DEGREE = 111_320;
const COS_LAT = Math.cos((50.84 * Math.PI) / 180);

/** Distance in metres from p to the segment a–b, on a plane local to Brussels. */
function offset([px, py], [ax, ay], [bx, by]) {
  const [x, y, dx, dy] = [(px - ax) * COS_LAT, py - ay, (bx - ax) * COS_LAT, by - ay];
  const length = dx * dx + dy * dy;
  const t = length ? Math.max(0, Math.min(1, (x * dx + y * dy) / length)) : 0;
  return Math.hypot(x - t * dx, y - t * dy) * METRES_PER_DEGREE;
}

function simplify(points) {
  if (points.length < 4) return points;
  let [index, largest] = [0, 0];
  for (let at = 1; at < points.length - 1; at++) {
    const distance = offset(points[at], points[0], points.at(-1));
    if (distance > largest) [index, largest] = [at, distance];
  }
  if (largest <= SIMPLIFY_M) return [points[0], points.at(-1)];
  return [...simplify(points.slice(0, index + 1)).slice(0, -1), ...simplify(points.slice(index))];
}

const shared = [join(packageDir, '..', '..', '..', 'shared'), join(packageDir, '..', '..', '..', '..', 'shared')];
let geojson;
for (const folder of shared) geojson ??= await readFile(join(folder, SOURCE), 'utf8').catch(() => undefined);
if (!geojson) throw new Error(`${SOURCE} not found beside the repository`);
let vertices = 0;
const communes = JSON.parse(geojson).features.map((feature) => {
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  const rings = polygons.flat().map((ring) => {
    const kept = simplify(ring.map(([lon, lat]) => [Math.round(lon * SCALE) / SCALE, Math.round(lat * SCALE) / SCALE]));
    vertices += kept.length;
    let [x, y] = [0, 0];
    return kept.flatMap(([lon, lat]) => {
      const [qx, qy] = [Math.round(lon * SCALE), Math.round(lat * SCALE)];
      const step = [qx - x, qy - y];
      [x, y] = [qx, qy];
      return step;
    });
  });
  return { nis: feature.properties.nis, rings };
});
const document = {
  $comment: `The 19 communes' boundaries for territoryAt(): each ring as whole-number steps of 1e-5 degrees (longitude, latitude) from the point before, the first from 0; simplified to ${SIMPLIFY_M} m. Written by packages/sdk/scripts/boundaries.mjs.`,
  scale: SCALE,
  sources: [{ doc: SOURCE, note: 'Belgian federal AdminVector municipal boundaries (2020-03-26), via mathiasleroy/belgium-geographic-data (MIT), in WGS84; see fixtures/geo/README.md' }],
  communes,
};
await writeFile(join(packageDir, 'reference', 'commune-boundaries.json'), `${JSON.stringify(document)}\n`);
console.log(`wrote reference/commune-boundaries.json: ${communes.length} communes, ${vertices} vertices`);
