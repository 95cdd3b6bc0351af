import { KREISE, POLIZEIDIREKTIONEN, kreisByAgs, kreisLabel } from '@asskomm/geo';
import { einJahrVorher, isIsoDate, PROGRAMME_START, type PolizeidirektionId, type Scope } from '@asskomm/domain';
import { formatDate } from '$lib/ui/format';
import { polizeidirektionName } from '$lib/karte/places';

/** What the overview shows: a day, a day to compare with, and an area. All of it lives in the URL. */
export interface Ansicht {
  stand: string;
  /** The day the tiles compare with; earlier than `stand`. */
  seit: string;
  /** False while `seit` follows `stand` (one year earlier), so it is not written to the URL. */
  seitGewaehlt: boolean;
  pd: PolizeidirektionId | null;
  kreis: string | null;
  /** The view shows today and follows live changes. */
  heute: boolean;
}

/** The ASSKomm-Fachtage, offered as quick dates once they have taken place. */
export const FACHTAGE = [
  { datum: '2021-09-23', name: '1. Fachtag' },
  { datum: '2023-09-14', name: '2. Fachtag' },
  { datum: '2025-09-11', name: '3. Fachtag' },
] as const;

/** The Polizeidirektionen a user may choose: all of them, or only the one of a polizei user. */
export function waehlbarePolizeidirektionen(scope: Scope): PolizeidirektionId[] {
  return scope.kind === 'polizeidirektion' ? [scope.polizeidirektion] : POLIZEIDIREKTIONEN.map((pd) => pd.id);
}

/** The Kreise of a Polizeidirektion, by name. */
export function kreiseVon(pd: PolizeidirektionId): { ags: string; name: string }[] {
  return KREISE.filter((k) => k.polizeidirektion === pd)
    .map((k) => ({ ags: k.ags, name: kreisLabel(k.ags) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'de-DE'));
}

// „14626“ → „Landkreis Görlitz“: the label lives in @asskomm/geo (exports use it too).
export { kreisLabel };

/** The name of the area a view shows. */
export function gebietName(ansicht: Pick<Ansicht, 'pd' | 'kreis'>): string {
  if (ansicht.kreis) return kreisLabel(ansicht.kreis);
  return ansicht.pd ? polizeidirektionName(ansicht.pd) : 'Sachsen';
}

/**
 * Reads the view from the URL. Anything invalid (or outside the caller's scope, which the API
 * would answer with 404) falls back to the default, with a German sentence saying so.
 */
export function leseAnsicht(
  params: URLSearchParams,
  heute: string,
  scope: Scope,
): { ansicht: Ansicht; hinweise: string[] } {
  const hinweise: string[] = [];

  let stand = heute;
  const standParam = params.get('stand');
  if (standParam !== null) {
    if (!isIsoDate(standParam)) hinweise.push(`„${standParam}“ ist kein gültiges Datum (JJJJ-MM-TT).`);
    else if (standParam < PROGRAMME_START)
      hinweise.push(`Der ${formatDate(standParam)} liegt vor dem Programmstart am ${formatDate(PROGRAMME_START)}.`);
    else if (standParam > heute) hinweise.push(`Der ${formatDate(standParam)} liegt in der Zukunft.`);
    else stand = standParam;
    if (stand === heute && standParam !== heute) hinweise.push('Angezeigt wird der heutige Stand.');
  }

  const erlaubt = waehlbarePolizeidirektionen(scope);
  const eigene = scope.kind === 'polizeidirektion' ? scope.polizeidirektion : null;
  let pd: PolizeidirektionId | null = eigene;
  const pdParam = params.get('pd');
  if (pdParam !== null && pdParam !== eigene) {
    if (erlaubt.includes(pdParam as PolizeidirektionId)) pd = pdParam as PolizeidirektionId;
    else if (eigene) hinweise.push(`Sie sehen nur den Bereich der ${polizeidirektionName(eigene)}.`);
    else hinweise.push(`Eine Polizeidirektion „${pdParam}“ gibt es nicht; angezeigt wird ganz Sachsen.`);
  }

  let kreis: string | null = null;
  const kreisParam = params.get('kreis');
  if (kreisParam !== null) {
    const gefunden = kreisByAgs(kreisParam);
    if (!gefunden || !erlaubt.includes(gefunden.polizeidirektion)) {
      hinweise.push(
        `Den Kreis „${kreisParam}“ gibt es in Ihrem Bereich nicht; angezeigt wird ${gebietName({ pd, kreis: null })}.`,
      );
    } else if (pd !== null && pdParam !== null && gefunden.polizeidirektion !== pd) {
      hinweise.push(`Der ${kreisLabel(kreisParam)} gehört nicht zur ${polizeidirektionName(pd)}.`);
    } else {
      kreis = kreisParam;
      pd = gefunden.polizeidirektion;
    }
  }

  let seit = einJahrVorher(stand);
  let seitGewaehlt = false;
  const seitParam = params.get('seit');
  if (seitParam !== null) {
    if (!isIsoDate(seitParam) || seitParam < PROGRAMME_START || seitParam >= stand) {
      hinweise.push(
        `Das Vergleichsdatum „${seitParam}“ muss zwischen dem ${formatDate(PROGRAMME_START)} und dem Stand liegen; ` +
          `verglichen wird mit dem ${formatDate(seit)}.`,
      );
    } else {
      seit = seitParam;
      seitGewaehlt = true;
    }
  }

  return { ansicht: { stand, seit, seitGewaehlt, pd, kreis, heute: stand === heute }, hinweise };
}

/** The query of a view („?stand=…“ or „“); defaults are left out, so `/` stays the live view of today. */
export function ansichtSuche(
  ansicht: Omit<Ansicht, 'heute'>,
  heute: string,
  eigenePd: PolizeidirektionId | null,
): string {
  const params = new URLSearchParams();
  if (ansicht.stand !== heute) params.set('stand', ansicht.stand);
  if (ansicht.pd && ansicht.pd !== eigenePd) params.set('pd', ansicht.pd);
  if (ansicht.kreis) params.set('kreis', ansicht.kreis);
  if (ansicht.seitGewaehlt && ansicht.seit < ansicht.stand) params.set('seit', ansicht.seit);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The day before, the latest possible comparison day. */
export function vortag(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
