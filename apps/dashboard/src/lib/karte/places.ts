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

/** „goerlitz“ → „Görlitz“: where a column or a label already says Polizeidirektion. */
export function polizeidirektionKurz(id: PolizeidirektionId): string {
  return polizeidirektionName(id).replace('Polizeidirektion ', '');
}

/** „leipzig“ → „Stadt Leipzig, Landkreis Leipzig und Landkreis Nordsachsen“: the Kreise of its area. */
export function bereichKreise(id: PolizeidirektionId): string {
  const kreise = (POLIZEIDIREKTIONEN.find((pd) => pd.id === id)?.kreise ?? []).map((ags) => {
    const kreis = kreisByAgs(ags);
    if (!kreis) return ags;
    return kreis.art === 'Kreisfreie Stadt' ? `Stadt ${kreis.name}` : `Landkreis ${kreis.name}`;
  });
  return kreise.length > 1 ? `${kreise.slice(0, -1).join(', ')} und ${kreise.at(-1)}` : (kreise[0] ?? '');
}
