/** A Gemeinde's centre in SVG units. */
export interface Punkt {
  x: number;
  y: number;
}

/** A unit step on the map, as an arrow key means it. */
export interface Richtung {
  dx: number;
  dy: number;
}

const RICHTUNGEN: Record<string, Richtung> = {
  ArrowLeft: { dx: -1, dy: 0 },
  ArrowRight: { dx: 1, dy: 0 },
  ArrowUp: { dx: 0, dy: -1 },
  ArrowDown: { dx: 0, dy: 1 },
};

/** The direction of an arrow key (`KeyboardEvent.key`); undefined for any other key. */
export function richtungAus(key: string): Richtung | undefined {
  return RICHTUNGEN[key];
}

/**
 * The nearest Gemeinde in a direction, preferring those straight ahead over diagonal ones: what lies
 * aside counts twice, so the focus does not jump to a close neighbour that is mostly sideways.
 * Undefined when nothing lies ahead, or `from` has no centre.
 */
export function nachbar(punkte: ReadonlyMap<string, Punkt>, from: string, richtung: Richtung): string | undefined {
  const start = punkte.get(from);
  if (!start) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const [ags, punkt] of punkte) {
    const ahead = (punkt.x - start.x) * richtung.dx + (punkt.y - start.y) * richtung.dy;
    if (ahead <= 0) continue;
    const aside = Math.abs((punkt.x - start.x) * richtung.dy - (punkt.y - start.y) * richtung.dx);
    const score = ahead + 2 * aside;
    if (score < bestScore) {
      bestScore = score;
      best = ags;
    }
  }
  return best;
}

/** Half the info box's width, in pixels. */
const INFO_HALF_WIDTH = 144;
/** Anchors closer to the frame's top than this open the box below them. */
const INFO_ABSTAND_OBEN = 130;

/**
 * Where the info box stands for an anchor (pixels in the map frame): its centre is kept inside a
 * frame that may be narrower than the box, and near the top edge it opens below the anchor.
 */
export function infoLage(anker: Punkt, frameWidth: number): { left: number; below: boolean } {
  const rechts = Math.max(frameWidth - INFO_HALF_WIDTH, INFO_HALF_WIDTH);
  return { left: Math.min(Math.max(anker.x, INFO_HALF_WIDTH), rechts), below: anker.y < INFO_ABSTAND_OBEN };
}
