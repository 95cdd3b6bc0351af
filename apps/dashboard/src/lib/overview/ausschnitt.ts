import {
  isGemeindeAgs,
  STATUS_SCALE,
  type KommuneSummary,
  type PolizeidirektionId,
  einJahrVorher,
  type Status,
} from '@asskomm/domain';
import { kreisLabel, type Ansicht } from './view';

/** The comparison day of a frame: the chosen one while it lies before, else one year earlier. */
export function seitFuer(stand: string, ansicht: Pick<Ansicht, 'seit' | 'seitGewaehlt'>): string {
  return ansicht.seitGewaehlt && ansicht.seit < stand ? ansicht.seit : einJahrVorher(stand);
}

/**
 * The name of a chosen area narrower than the caller's own („Landkreis Görlitz“, „der
 * Polizeidirektion Leipzig“), which the map draws like the outside; null when nothing is chosen.
 */
export function auswahlName(
  ansicht: Pick<Ansicht, 'pd' | 'kreis'>,
  eigenePd: PolizeidirektionId | null,
  gebiet: string,
): string | null {
  if (ansicht.kreis) return kreisLabel(ansicht.kreis);
  return ansicht.pd && ansicht.pd !== eigenePd ? `der ${gebiet}` : null;
}

/** What the overview shows of an area: its Gemeinden, its Landkreise that are partners, the counts. */
export interface Ausschnitt {
  /** Gemeinden by name. */
  gemeinden: KommuneSummary[];
  /** Landkreise can be partners too; the KPIs count them, the Gemeinde map cannot show them. */
  kreisPartner: KommuneSummary[];
  /** Gemeinden per status, for the legend. */
  counts: Record<Status, number>;
}

const collator = new Intl.Collator('de-DE');

export function ausschnitt(kommunen: readonly KommuneSummary[], ansicht: Pick<Ansicht, 'pd' | 'kreis'>): Ausschnitt {
  const imGebiet = kommunen.filter((k) =>
    ansicht.kreis ? k.kreis === ansicht.kreis : ansicht.pd ? k.polizeidirektion === ansicht.pd : true,
  );
  const gemeinden = imGebiet.filter((k) => isGemeindeAgs(k.ags)).sort((a, b) => collator.compare(a.name, b.name));
  return {
    gemeinden,
    kreisPartner: imGebiet.filter((k) => !isGemeindeAgs(k.ags) && k.status !== 'kein_kontakt'),
    counts: Object.fromEntries(STATUS_SCALE.map((s) => [s, gemeinden.filter((g) => g.status === s).length])) as Record<
      Status,
      number
    >,
  };
}
