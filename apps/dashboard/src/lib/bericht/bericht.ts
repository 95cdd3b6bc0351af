import { STATUS_SCALE, type KommuneSummary, type KpiPoint, type Status } from '@asskomm/domain';
import { KREISE, POLIZEIDIREKTIONEN } from '@asskomm/geo';
import { kreisLabel, type Ansicht } from '$lib/overview/view';
import { kreisName } from '$lib/karte/places';
import { polizeidirektionName } from '$lib/karte/places';

const collator = new Intl.Collator('de-DE');

/** The Kommunen (Gemeinden and Landkreise) of the report's area. */
export function imGebiet(
  kommunen: readonly KommuneSummary[],
  ansicht: Pick<Ansicht, 'pd' | 'kreis'>,
): KommuneSummary[] {
  return kommunen.filter((k) =>
    ansicht.kreis ? k.kreis === ansicht.kreis : ansicht.pd ? k.polizeidirektion === ansicht.pd : true,
  );
}

/** One row of the table per Kreis (a Polizeidirektion's report) or per Polizeidirektion (the Land's). */
export interface GebietsZeile {
  key: string;
  name: string;
  kommunen: number;
  nachStatus: Record<Status, number>;
}

function zeile(key: string, name: string, kommunen: readonly KommuneSummary[]): GebietsZeile {
  const nachStatus = Object.fromEntries(STATUS_SCALE.map((s) => [s, 0])) as Record<Status, number>;
  for (const k of kommunen) nachStatus[k.status]++;
  return { key, name, kommunen: kommunen.length, nachStatus };
}

/**
 * Kommunen per status in each part of the area, and the sum: per Polizeidirektion for the Land,
 * per Kreis for a Polizeidirektion; a Kreis has no parts (null).
 */
export function gebietsTabelle(
  kommunen: readonly KommuneSummary[],
  ansicht: Pick<Ansicht, 'pd' | 'kreis'>,
): { teil: 'Polizeidirektion' | 'Kreis'; zeilen: GebietsZeile[]; summe: GebietsZeile } | null {
  if (ansicht.kreis) return null;
  const alle = imGebiet(kommunen, ansicht);
  const zeilen = ansicht.pd
    ? KREISE.filter((k) => k.polizeidirektion === ansicht.pd).map((k) =>
        zeile(
          k.ags,
          kreisLabel(k.ags),
          alle.filter((kommune) => kommune.kreis === k.ags),
        ),
      )
    : POLIZEIDIREKTIONEN.map((pd) =>
        zeile(
          pd.id,
          polizeidirektionName(pd.id),
          alle.filter((kommune) => kommune.polizeidirektion === pd.id),
        ),
      );
  zeilen.sort((a, b) => collator.compare(a.name, b.name));
  return { teil: ansicht.pd ? 'Kreis' : 'Polizeidirektion', zeilen, summe: zeile('summe', 'Summe', alle) };
}

/** A Kommune whose status on the report's day differs from the one on the comparison day. */
export interface Veraenderung {
  kommune: KommuneSummary;
  /** Null: the Kommune did not exist yet (formed by a merger since). */
  vorher: Status | null;
}

const RANG = new Map(STATUS_SCALE.map((s, i) => [s, i]));
const istMitglied = (status: Status | null) => status === 'mitglied' || status === 'mitglied_kpr';

/**
 * What changed in the area between the comparison day and the report's day: Kommunen that became
 * members, and every other change of status (highest status first, then by name).
 */
export function veraenderungen(
  vorher: readonly KommuneSummary[],
  jetzt: readonly KommuneSummary[],
  ansicht: Pick<Ansicht, 'pd' | 'kreis'>,
): { neueMitglieder: Veraenderung[]; weitere: Veraenderung[] } {
  const frueher = new Map(vorher.map((k) => [k.ags, k.status]));
  const alle = imGebiet(jetzt, ansicht)
    .map((kommune) => ({ kommune, vorher: frueher.get(kommune.ags) ?? null }))
    .filter((v) => v.vorher !== v.kommune.status && !(v.vorher === null && v.kommune.status === 'kein_kontakt'))
    .sort(
      (a, b) =>
        (RANG.get(b.kommune.status) ?? 0) - (RANG.get(a.kommune.status) ?? 0) ||
        collator.compare(a.kommune.name, b.kommune.name),
    );
  const neu = (v: Veraenderung) => istMitglied(v.kommune.status) && !istMitglied(v.vorher);
  return { neueMitglieder: alle.filter(neu), weitere: alle.filter((v) => !neu(v)) };
}

/**
 * The Kommunen the report lists: all of a Polizeidirektion or Kreis, by Kreis and name; for the
 * Land only those in the programme (a list of all 418 Gemeinden would fill ten pages).
 */
export function kommunenListe(
  kommunen: readonly KommuneSummary[],
  ansicht: Pick<Ansicht, 'pd' | 'kreis'>,
): KommuneSummary[] {
  const alle = imGebiet(kommunen, ansicht).filter((k) => ansicht.pd || ansicht.kreis || k.status !== 'kein_kontakt');
  return alle.sort(
    (a, b) => collator.compare(kreisName(a.kreis), kreisName(b.kreis)) || collator.compare(a.name, b.name),
  );
}

/** The growth series at quarter ends and the report's day: a table of one page instead of three. */
export function quartalsenden(verlauf: readonly KpiPoint[]): KpiPoint[] {
  const letzter = verlauf.at(-1);
  return verlauf.filter((p) => p === letzter || ['03-31', '06-30', '09-30', '12-31'].includes(p.stand.slice(5)));
}
