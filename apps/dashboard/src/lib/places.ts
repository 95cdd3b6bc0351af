import { kreisByAgs, POLIZEIDIREKTIONEN } from '@asskomm/geo';
import type { PolizeidirektionId } from '@asskomm/domain';

const PD_NAMES = new Map(POLIZEIDIREKTIONEN.map((pd) => [pd.id, pd.name]));

/** „14626“ → „Görlitz“ */
export function kreisName(ags: string): string {
  return kreisByAgs(ags)?.name ?? ags;
}

/** „goerlitz“ → „Polizeidirektion Görlitz“ */
export function polizeidirektionName(id: PolizeidirektionId): string {
  return PD_NAMES.get(id) ?? id;
}
