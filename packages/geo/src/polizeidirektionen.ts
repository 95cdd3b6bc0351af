/**
 * The five Polizeidirektionen of the Free State of Saxony and the Kreise
 * (5-digit AGS) they cover (Polizeiorganisationsverordnung, see
 * docs/domain.md "Geography and police directorates").
 *
 * This module has no data imports: the generator (scripts/generate.ts) uses it
 * to build the `polizeidirektionen` map layer and kreise.json.
 */

import type { PolizeidirektionId } from '@asskomm/domain';

export type { PolizeidirektionId };

/** A Polizeidirektion with the Kreise of its area. */
export interface Polizeidirektion {
  readonly id: PolizeidirektionId;
  /** Official name, e.g. "Polizeidirektion Görlitz". */
  readonly name: string;
  /** 5-digit Kreis AGS codes of its area, ascending. */
  readonly kreise: readonly string[];
}

/** All five Polizeidirektionen, sorted by id. */
export const POLIZEIDIREKTIONEN: readonly Polizeidirektion[] = [
  { id: 'chemnitz', name: 'Polizeidirektion Chemnitz', kreise: ['14511', '14521', '14522'] },
  { id: 'dresden', name: 'Polizeidirektion Dresden', kreise: ['14612', '14627', '14628'] },
  { id: 'goerlitz', name: 'Polizeidirektion Görlitz', kreise: ['14625', '14626'] },
  { id: 'leipzig', name: 'Polizeidirektion Leipzig', kreise: ['14713', '14729', '14730'] },
  { id: 'zwickau', name: 'Polizeidirektion Zwickau', kreise: ['14523', '14524'] },
];

const PD_BY_KREIS: ReadonlyMap<string, PolizeidirektionId> = new Map(
  POLIZEIDIREKTIONEN.flatMap((pd) => pd.kreise.map((kreis) => [kreis, pd.id] as const)),
);

/**
 * The Polizeidirektion responsible for a Kreis.
 * @param kreisAgs 5-digit Kreis AGS, e.g. "14626"
 * @returns the PD id
 * @throws RangeError if `kreisAgs` is not one of the 13 Saxon Kreise
 */
export function polizeidirektionOfKreis(kreisAgs: string): PolizeidirektionId {
  const id = PD_BY_KREIS.get(kreisAgs);
  if (id === undefined) throw new RangeError(`Unknown Saxon Kreis AGS: ${kreisAgs}`);
  return id;
}

/**
 * Like {@link polizeidirektionOfKreis}, but returns `undefined` for an unknown Kreis.
 * @param kreisAgs 5-digit Kreis AGS
 */
export function findPolizeidirektionOfKreis(kreisAgs: string): PolizeidirektionId | undefined {
  return PD_BY_KREIS.get(kreisAgs);
}
