import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { communeAt, distanceInMetres, territoryAt } from '@brusano/sdk';
import { REFERENCE, SHARED } from '../../../test/support/paths.js';

// Known places and the commune they are in (fixtures/geo/README.md names the first four).
const PLACES = [
  { name: 'Grand-Place', lon: 4.35222, lat: 50.84674, nis: '21004' },
  { name: 'Gare du Midi', lon: 4.33591, lat: 50.83574, nis: '21013' },
  { name: 'Place Flagey', lon: 4.37228, lat: 50.82735, nis: '21009' },
  { name: 'Atomium', lon: 4.34165, lat: 50.89487, nis: '21004' },
  { name: 'Place communale de Jette', lon: 4.32791, lat: 50.87806, nis: '21010' },
  { name: 'Maison communale d’Uccle', lon: 4.33572, lat: 50.80142, nis: '21016' },
];

describe('territoryAt', () => {
  it.each(PLACES)('puts $name in commune $nis', ({ lon, lat, nis }) => {
    expect(communeAt(lon, lat)).toBe(nis);
    expect(territoryAt(lon, lat).communes.map((commune) => commune.nis)).toEqual([nis]);
  });

  it('gives the bassin where the commune has one, and asks where it spans several', () => {
    const flagey = territoryAt(4.37228, 50.82735);
    expect(flagey).toMatchObject({ status: 'resolved', matchedBy: 'position' });
    expect(flagey.bassins.map((bassin) => bassin.id)).toEqual(['sud']);
    const grandPlace = territoryAt(4.35222, 50.84674);
    expect(grandPlace.status).toBe('ambiguous'); // Brussels-City is one polygon: which part, the point alone cannot say
    expect(grandPlace.areas.length).toBeGreaterThan(1);
  });

  it('says a point outside the Region is outside, and refuses what is not a point', () => {
    expect(territoryAt(4.70049, 50.87959)).toMatchObject({ status: 'outside-region', communes: [], bassins: [] }); // Leuven
    expect(territoryAt(4.70049, 50.87959).message.nl).toBe('Deze plaats ligt niet in het Brussels Gewest.');
    for (const [lon, lat] of [[Number.NaN, 50.8], [4.35, Number.POSITIVE_INFINITY], [400, 50.8], [4.35, -91]]) expect(territoryAt(lon!, lat!).status).toBe('outside-region');
  });

  it('measures distances on the Earth', () => {
    expect(distanceInMetres({ lat: 50.84674, lon: 4.35222 }, { lat: 50.84674, lon: 4.35222 })).toBe(0);
    const grandPlaceToMidi = distanceInMetres({ lat: 50.84674, lon: 4.35222 }, { lat: 50.83574, lon: 4.33591 });
    expect(grandPlaceToMidi).toBeGreaterThan(1_500);
    expect(grandPlaceToMidi).toBeLessThan(1_700);
  });

  it.skipIf(!SHARED)('answers as the official boundaries do, on a grid over the Region, but within metres of a border', () => {
    const geojson = JSON.parse(readFileSync(join(SHARED!, 'fixtures', 'geo', 'brussels-communes.geojson'), 'utf8'));
    const boundaries = JSON.parse(readFileSync(join(REFERENCE, 'commune-boundaries.json'), 'utf8'));
    expect(boundaries.sources[0].doc).toBe('fixtures/geo/brussels-communes.geojson');
    const communes = geojson.features.map((feature: any) => ({
      nis: feature.properties.nis as string,
      rings: (feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates).flat() as [number, number][][],
    }));
    const inside = (rings: [number, number][][], x: number, y: number) => {
      let within = false;
      for (const ring of rings) for (let at = 0, before = ring.length - 1; at < ring.length; before = at++) {
        const [[x1, y1], [x2, y2]] = [ring[at]!, ring[before]!];
        if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) within = !within;
      }
      return within;
    };
    const metresToBorder = (x: number, y: number) => {
      let nearest = Infinity;
      const cos = Math.cos((y * Math.PI) / 180);
      for (const { rings } of communes) for (const ring of rings) for (let at = 1; at < ring.length; at++) {
        const [[ax, ay], [bx, by]] = [ring[at - 1]!, ring[at]!];
        const [px, py, dx, dy] = [(x - ax) * cos, y - ay, (bx - ax) * cos, by - ay];
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy || 1)));
        nearest = Math.min(nearest, Math.hypot(px - t * dx, py - t * dy) * 111_320);
      }
      return nearest;
    };
    let [checked, inRegion] = [0, 0];
    for (let lon = 4.24; lon <= 4.49; lon += 0.004) {
      for (let lat = 50.76; lat <= 50.92; lat += 0.003) {
        const official = communes.find((commune: { rings: [number, number][][] }) => inside(commune.rings, lon, lat))?.nis;
        const ours = communeAt(lon, lat);
        if (ours !== official) expect(metresToBorder(lon, lat), `${lat.toFixed(5)},${lon.toFixed(5)}: ${ours} instead of ${official}`).toBeLessThan(10);
        checked++;
        if (official) inRegion++;
      }
    }
    expect(checked).toBeGreaterThan(3_000);
    expect(inRegion).toBeGreaterThan(1_000);
  });
});
