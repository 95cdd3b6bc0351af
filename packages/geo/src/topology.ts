/**
 * @asskomm/geo/topology – the map of Saxony as SVG path strings.
 *
 * Coordinates are pre-projected into screen space (x right, y down) inside the
 * viewBox `0 0 1000 <height>`, so the browser needs no projection library.
 * Import this entry only where a map is drawn (~37 KB gzipped).
 */
import type { Geometry, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import topologyJson from './data/sachsen.topo.json' with { type: 'json' };
import { koordinate } from './pfad.ts';
import type { PolizeidirektionId } from './polizeidirektionen.ts';

type Objects = {
  gemeinden: GeometryCollection;
  kreise: GeometryCollection;
  polizeidirektionen: GeometryCollection;
};

/**
 * The TopoJSON topology. Objects `gemeinden` (id = 8-digit AGS), `kreise`
 * (id = 5-digit AGS) and `polizeidirektionen` (id = PolizeidirektionId) share
 * their arcs; `bbox` is `[0, 0, width, height]` of the viewBox.
 */
export const SACHSEN_TOPOLOGY = topologyJson as unknown as Topology<Objects>;

/** Everything needed to draw the map of Saxony as SVG. */
export interface MapShapes {
  /** SVG viewBox, e.g. "0 0 1000 761". */
  readonly viewBox: string;
  readonly width: number;
  readonly height: number;
  /** Current Gemeinden, sorted by AGS. */
  readonly gemeinden: readonly { readonly ags: string; readonly d: string }[];
  /** The 13 Kreise, sorted by AGS. */
  readonly kreise: readonly { readonly ags: string; readonly d: string }[];
  /** The 5 Polizeidirektionen, sorted by id. */
  readonly polizeidirektionen: readonly { readonly id: PolizeidirektionId; readonly d: string }[];
  /** Border lines (unfilled paths) built with topojson `mesh`, each drawn once. */
  readonly grenzen: {
    /** Borders between Gemeinden (interior lines only). */
    readonly gemeinden: string;
    /** Borders between Kreise (interior lines only). */
    readonly kreise: string;
    /** Borders between Polizeidirektionen (interior lines only). */
    readonly polizeidirektionen: string;
    /** Outline of Saxony. */
    readonly land: string;
  };
}

function line(points: readonly number[][], close: boolean): string {
  let d = '';
  for (let i = 0; i < points.length; i++) {
    if (close && i === points.length - 1 && points.length > 1) break; // closing point is implied by Z
    const p = points[i];
    if (!p) continue;
    d += `${i === 0 ? 'M' : 'L'}${koordinate(p[0] ?? 0)} ${koordinate(p[1] ?? 0)}`;
  }
  return close ? `${d}Z` : d;
}

/** SVG path data for a (Multi)Polygon or (Multi)LineString geometry. */
export function geometryToPath(geometry: Geometry | null): string {
  if (!geometry) return '';
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates.map((ring) => line(ring, true)).join('');
    case 'MultiPolygon':
      return geometry.coordinates.map((polygon) => polygon.map((ring) => line(ring, true)).join('')).join('');
    case 'LineString':
      return line(geometry.coordinates, false);
    case 'MultiLineString':
      return geometry.coordinates.map((l) => line(l, false)).join('');
    default:
      return '';
  }
}

function shapes(collection: GeometryCollection): { id: string; d: string }[] {
  return feature(SACHSEN_TOPOLOGY, collection).features.map((f) => ({
    id: String(f.id),
    d: geometryToPath(f.geometry),
  }));
}

function borders(collection: GeometryCollection, interior: boolean): string {
  const lines: MultiLineString = mesh(SACHSEN_TOPOLOGY, collection, (a, b) => (interior ? a !== b : a === b));
  return geometryToPath(lines);
}

let cached: MapShapes | undefined;

/**
 * The map of Saxony as SVG path strings (computed once, then cached).
 *
 * @example
 * const map = mapShapes();
 * // <svg viewBox={map.viewBox}>{map.gemeinden.map(g => <path d={g.d} />)}</svg>
 */
export function mapShapes(): MapShapes {
  if (cached) return cached;
  const { objects } = SACHSEN_TOPOLOGY;
  const [, , width = 1000, height = 0] = SACHSEN_TOPOLOGY.bbox ?? [];
  cached = {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    gemeinden: shapes(objects.gemeinden).map(({ id, d }) => ({ ags: id, d })),
    kreise: shapes(objects.kreise).map(({ id, d }) => ({ ags: id, d })),
    polizeidirektionen: shapes(objects.polizeidirektionen).map(({ id, d }) => ({ id: id as PolizeidirektionId, d })),
    grenzen: {
      gemeinden: borders(objects.gemeinden, true),
      kreise: borders(objects.kreise, true),
      polizeidirektionen: borders(objects.polizeidirektionen, true),
      land: borders(objects.kreise, false),
    },
  };
  return cached;
}
