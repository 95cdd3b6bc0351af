import { kreisLabel, POLIZEIDIREKTIONEN } from '@asskomm/geo';

// The names live in @asskomm/geo (exports use them too); the dashboard imports them from here.
export { kreisName, polizeidirektionKurz, polizeidirektionName } from '@asskomm/geo';
import type { PolizeidirektionId } from '@asskomm/domain';

/** „leipzig“ → „Stadt Leipzig, Landkreis Leipzig und Landkreis Nordsachsen“: the Kreise of its area. */
export function bereichKreise(id: PolizeidirektionId): string {
  const kreise = (POLIZEIDIREKTIONEN.find((pd) => pd.id === id)?.kreise ?? []).map(kreisLabel);
  return kreise.length > 1 ? `${kreise.slice(0, -1).join(', ')} und ${kreise.at(-1)}` : (kreise[0] ?? '');
}
