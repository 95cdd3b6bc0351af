import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Position } from 'geojson';
import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { GEMEINDEN, KREISE, POLIZEIDIREKTIONEN, umgebenderAusschnitt } from './index.ts';
import { SACHSEN_TOPOLOGY, mapShapes } from './topology.ts';

const { objects } = SACHSEN_TOPOLOGY;

function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] ?? [0, 0];
    const b = ring[i + 1] ?? [0, 0];
    sum += (a[0] ?? 0) * (b[1] ?? 0) - (b[0] ?? 0) * (a[1] ?? 0);
  }
  return sum / 2;
}

/** Area of every feature of an object (outer rings minus holes), by id. */
function areas(name: keyof typeof objects): Map<string, number> {
  const result = new Map<string, number>();
  for (const f of feature(SACHSEN_TOPOLOGY, objects[name]).features) {
    const g = f.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    let area = 0;
    for (const polygon of polygons) {
      polygon.forEach((ring, i) => (area += i === 0 ? Math.abs(ringArea(ring)) : -Math.abs(ringArea(ring))));
    }
    result.set(String(f.id), area);
  }
  return result;
}

describe('sachsen.topo.json', () => {
  it('has exactly one geometry per current Gemeinde and vice versa', () => {
    const ids = objects.gemeinden.geometries.map((g) => String(g.id));
    expect(ids).toHaveLength(GEMEINDEN.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(GEMEINDEN.map((g) => g.ags));
    for (const g of objects.gemeinden.geometries) expect(['Polygon', 'MultiPolygon']).toContain(g.type);
  });

  it('has a geometry for every Kreis and every Polizeidirektion', () => {
    expect(objects.kreise.geometries.map((g) => String(g.id)).sort()).toEqual(KREISE.map((k) => k.ags));
    expect(objects.polizeidirektionen.geometries.map((g) => String(g.id)).sort()).toEqual(
      POLIZEIDIREKTIONEN.map((pd) => pd.id),
    );
    for (const g of [...objects.kreise.geometries, ...objects.polizeidirektionen.geometries]) {
      expect(['Polygon', 'MultiPolygon']).toContain(g.type);
    }
  });

  it('builds Kreise and Polizeidirektionen from exactly their Gemeinden (areas add up)', () => {
    const gemeindeArea = areas('gemeinden');
    const kreisArea = areas('kreise');
    const pdArea = areas('polizeidirektionen');
    for (const g of GEMEINDEN) expect(gemeindeArea.get(g.ags), g.ags).toBeGreaterThan(20);
    for (const k of KREISE) {
      const sum = GEMEINDEN.filter((g) => g.kreis === k.ags).reduce((s, g) => s + (gemeindeArea.get(g.ags) ?? 0), 0);
      expect(kreisArea.get(k.ags)).toBeCloseTo(sum, 3);
    }
    for (const pd of POLIZEIDIREKTIONEN) {
      const sum = pd.kreise.reduce((s, k) => s + (kreisArea.get(k) ?? 0), 0);
      expect(pdArea.get(pd.id)).toBeCloseTo(sum, 3);
    }
  });

  it('is pre-projected into a viewBox of width 1000', () => {
    expect(SACHSEN_TOPOLOGY.bbox?.slice(0, 3)).toEqual([0, 0, 1000]);
    expect(SACHSEN_TOPOLOGY.transform).toBeDefined();
  });

  it('is at most 40 KiB gzipped', () => {
    const raw = readFileSync(new URL('./data/sachsen.topo.json', import.meta.url));
    expect(gzipSync(raw, { level: 9 }).length).toBeLessThanOrEqual(40 * 1024);
  });
});

describe('mapShapes()', () => {
  const map = mapShapes();

  it('returns the viewBox and non-empty path strings for all areas', () => {
    expect(map.viewBox).toMatch(/^0 0 1000 \d+$/);
    expect(map.viewBox).toBe(`0 0 ${map.width} ${map.height}`);
    expect(map.gemeinden.map((g) => g.ags)).toEqual(GEMEINDEN.map((g) => g.ags));
    expect(map.kreise.map((k) => k.ags)).toEqual(KREISE.map((k) => k.ags));
    expect(map.polizeidirektionen.map((pd) => pd.id)).toEqual(POLIZEIDIREKTIONEN.map((pd) => pd.id));
    const pathPattern = /^(M-?\d+(\.\d)? -?\d+(\.\d)?(L-?\d+(\.\d)? -?\d+(\.\d)?){2,}Z)+$/;
    for (const shape of [...map.gemeinden, ...map.kreise, ...map.polizeidirektionen]) {
      expect(shape.d).toMatch(pathPattern);
    }
    for (const border of Object.values(map.grenzen)) expect(border).toMatch(/^M/);
  });

  it('keeps every coordinate inside the viewBox', () => {
    let maxX = -Infinity;
    let maxY = -Infinity;
    let min = Infinity;
    for (const { d } of map.gemeinden) {
      const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
      numbers.forEach((n, i) => {
        min = Math.min(min, n);
        if (i % 2 === 0) maxX = Math.max(maxX, n);
        else maxY = Math.max(maxY, n);
      });
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(maxX).toBeLessThanOrEqual(map.width);
    expect(maxY).toBeLessThanOrEqual(map.height);
  });

  it('is cached', () => {
    expect(mapShapes()).toBe(map);
  });
});

describe('umgebenderAusschnitt()', () => {
  it('is the box around the points of the paths, with the margin on every side', () => {
    expect(umgebenderAusschnitt(['M10 20L30 20L30 60Z', 'M5 40L20 50Z'], 0)).toBe('5 20 25 40');
    // 3 % of the larger side (40) is 1.2.
    expect(umgebenderAusschnitt(['M10 20L30 20L30 60Z', 'M5 40L20 50Z'])).toBe('3.8 18.8 27.4 42.4');
    expect(umgebenderAusschnitt([])).toBeUndefined();
  });

  it('frames one Polizeidirektion inside the map of the Land', () => {
    const map = mapShapes();
    const kreise = KREISE.filter((k) => k.polizeidirektion === 'goerlitz').map((k) => k.ags);
    const goerlitz = GEMEINDEN.filter((g) => kreise.includes(g.kreis)).map((g) => g.ags);
    const paths = map.gemeinden.filter((g) => goerlitz.includes(g.ags)).map((g) => g.d);
    const [x, y, w, h] = (umgebenderAusschnitt(paths, 0) ?? '').split(' ').map(Number);
    const [, , landW, landH] = map.viewBox.split(' ').map(Number);
    // Görlitz lies in the east: the right half of the map, well inside its height.
    expect(x).toBeGreaterThan(landW! / 2);
    expect(x! + w!).toBeLessThanOrEqual(landW!);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(y! + h!).toBeLessThanOrEqual(landH!);
  });
});
