/**
 * Arithmetic on the SVG paths of `@asskomm/geo/topology`, kept out of that entry (and its
 * geometry) so that a page can use it without loading the map.
 */

/** A coordinate as the paths write it: to a tenth of a unit (a map of 1000 units needs no more). */
export function koordinate(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * The viewBox around SVG paths of `@asskomm/geo/topology` (their M/L points), with `rand` of the larger side
 * added on every side: what a map zoomed to an area shows. Pure arithmetic, so the server can
 * draw a zoomed map without a browser to measure it.
 */
export function umgebenderAusschnitt(paths: readonly string[], rand = 0.03): string | undefined {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const d of paths) {
    for (const [, x, y] of d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)) {
      const [px, py] = [Number(x), Number(y)];
      [minX, maxX] = [Math.min(minX, px), Math.max(maxX, px)];
      [minY, maxY] = [Math.min(minY, py), Math.max(maxY, py)];
    }
  }
  if (minX > maxX) return undefined;
  const r = Math.max(maxX - minX, maxY - minY) * rand;
  return [minX - r, minY - r, maxX - minX + 2 * r, maxY - minY + 2 * r].map((v) => koordinate(v)).join(' ');
}
