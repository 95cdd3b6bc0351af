/** Kinds of Kommune that can be partners: Gemeinden (8-digit AGS) and Kreise (5-digit AGS). */
export const KOMMUNE_ARTEN = ['Gemeinde', 'Stadt', 'Landkreis', 'Kreisfreie Stadt'] as const;
export type KommuneArt = (typeof KOMMUNE_ARTEN)[number];

export const POLIZEIDIREKTION_IDS = ['chemnitz', 'dresden', 'goerlitz', 'leipzig', 'zwickau'] as const;
export type PolizeidirektionId = (typeof POLIZEIDIREKTION_IDS)[number];

/** What the merger rule needs of a Kommune: until when it existed and who took it over. */
export interface KommuneLineage {
  ags: string;
  /** First day the Kommune no longer exists (merger date), or null while it exists. */
  gueltigBis: string | null;
  nachfolger: string | null;
}

/**
 * The Kommune a milestone of `ags` counts for on `asOf`: itself before its merger, its successor
 * (and so on along the chain) from the merger date on.
 */
export function ownerAsOf(ags: string, asOf: string, lineage: ReadonlyMap<string, KommuneLineage>): string {
  let current = ags;
  for (let step = 0; step < 10; step++) {
    const entry = lineage.get(current);
    if (!entry || entry.gueltigBis === null || entry.gueltigBis > asOf || entry.nachfolger === null) return current;
    current = entry.nachfolger;
  }
  throw new Error(`Nachfolgerkette von ${ags} ist zu lang oder zyklisch`);
}

/** True for the 8-digit AGS of a Gemeinde (as opposed to a Kreis). */
export function isGemeindeAgs(ags: string): boolean {
  return ags.length === 8;
}

/**
 * The key of a Saxon Kommune: 8 digits for a Gemeinde, 5 for a Kreis (which can be a partner too).
 * The one pattern for bodies, path parameters (server and the dashboard's `[ags=ags]` matcher) and sockets.
 */
export const AGS_PATTERN = /^14\d{3}(\d{3})?$/;
