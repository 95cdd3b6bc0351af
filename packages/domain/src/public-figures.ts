import { EARLIEST_DATE, monthEnds } from './dates.ts';
import { foerderbetraegeAsOf, type FoerderantragFacts } from './foerderung.ts';

/**
 * What the public learns of funding, and why it cannot be differenced into one application.
 *
 * The public sees funding for the whole Land only, per Haushaltsjahr, and each figure (count,
 * requested, approved, paid, reclaimed) as of a quarter end that has passed: its "Stand". A figure
 * moves on to a later quarter end only when, since the quarter end it showed before, the
 * contributions of no application or of at least `MINDESTANZAHL_OEFFENTLICH` applications to it
 * changed. So the difference of any two values the public can get of one figure is a sum of the
 * changes of at least three applications, and no two figures share an application's change: no
 * combination of public values, whatever days and years are asked for, is one application's
 * amount or one change of it. Breakdowns by area, purpose or Handlungsfeld are not public; crossed
 * with each other and with time they would reveal single applications again.
 */
export const MINDESTANZAHL_OEFFENTLICH = 3;

/** What a public view shows instead of the funding of a Polizeidirektion or Kreis. */
export const VERBORGEN_TEXT = 'nur für ganz Sachsen öffentlich';

/** The figures of a Haushaltsjahr that the public gets, each with its own Stand. */
export const OEFFENTLICHE_KENNZAHLEN = [
  'anzahl',
  'beantragtCent',
  'bewilligtCent',
  'ausgezahltCent',
  'zurueckgefordertCent',
] as const;
export type OeffentlicheKennzahl = (typeof OEFFENTLICHE_KENNZAHLEN)[number];
/** For each public figure the quarter end it is as of. */
export type OeffentlicheStaende = Record<OeffentlicheKennzahl, string>;

/** An aggregate with amount fields `K`: either all shown, or all null and `verborgen`. */
export type Verdeckbar<T, K extends keyof T> =
  (T & { verborgen: false }) | (Omit<T, K> & { [P in K]: null } & { verborgen: true });

/** The last day before the earliest date any application may carry: every figure is 0 then. */
const ANFANG = '2017-12-31';

/** One application's contribution to each public figure as of a day. */
export function beitraegeAm(antrag: FoerderantragFacts, tag: string): Record<OeffentlicheKennzahl, number> {
  return { anzahl: antrag.eingereichtAm <= tag ? 1 : 0, ...foerderbetraegeAsOf(antrag, tag) };
}

/**
 * The quarter end each public figure of one Haushaltsjahr is as of, for a view of `stand` on
 * `heute`: the latest one not after `stand`, before `heute`, and reached by the rule above
 * (`antraege`: the whole Land's applications).
 */
export function oeffentlicheStaende(
  antraege: readonly FoerderantragFacts[],
  haushaltsjahr: number,
  stand: string,
  heute: string,
): OeffentlicheStaende {
  const ofYear = antraege.filter((a) => a.haushaltsjahr === haushaltsjahr);
  const bis = stand < heute ? stand : dayBefore(heute);
  const staende = Object.fromEntries(OEFFENTLICHE_KENNZAHLEN.map((k) => [k, ANFANG])) as OeffentlicheStaende;
  // Per figure, each application's contribution as of the figure's Stand.
  const gezeigt = ofYear.map((a) => beitraegeAm(a, ANFANG));
  const quartalsenden = monthEnds(EARLIEST_DATE, bis).filter((tag) => Number(tag.slice(5, 7)) % 3 === 0);
  for (const quartalsende of quartalsenden) {
    const jetzt = ofYear.map((a) => beitraegeAm(a, quartalsende));
    for (const kennzahl of OEFFENTLICHE_KENNZAHLEN) {
      const geaendert = jetzt.filter((beitrag, i) => beitrag[kennzahl] !== gezeigt[i]![kennzahl]).length;
      if (geaendert !== 0 && geaendert < MINDESTANZAHL_OEFFENTLICH) continue;
      staende[kennzahl] = quartalsende;
      jetzt.forEach((beitrag, i) => (gezeigt[i]![kennzahl] = beitrag[kennzahl]));
    }
  }
  return staende;
}

/** Each figure of one Haushaltsjahr summed over `antraege` as of its own day in `staende`. */
export function summenAm(
  antraege: readonly FoerderantragFacts[],
  haushaltsjahr: number,
  staende: Record<OeffentlicheKennzahl, string>,
): Record<OeffentlicheKennzahl, number> {
  const ofYear = antraege.filter((a) => a.haushaltsjahr === haushaltsjahr);
  const summe = (kennzahl: OeffentlicheKennzahl) =>
    ofYear.reduce((sum, a) => sum + beitraegeAm(a, staende[kennzahl])[kennzahl], 0);
  return Object.fromEntries(OEFFENTLICHE_KENNZAHLEN.map((k) => [k, summe(k)])) as Record<OeffentlicheKennzahl, number>;
}

/** The public figures of one Haushaltsjahr: each summed over the Land as of its Stand. */
export function oeffentlicheZahlen(
  antraege: readonly FoerderantragFacts[],
  haushaltsjahr: number,
  stand: string,
  heute: string,
): Record<OeffentlicheKennzahl, number> & { oeffentlichAm: OeffentlicheStaende } {
  const staende = oeffentlicheStaende(antraege, haushaltsjahr, stand, heute);
  return { ...summenAm(antraege, haushaltsjahr, staende), oeffentlichAm: staende };
}

/** A cell as the public gets it: the amounts `betraege` become null when it is hidden. */
export function zeigeOderVerberge<T extends object, K extends keyof T>(
  zelle: T,
  verbergen: boolean,
  betraege: readonly K[],
): Verdeckbar<T, K> {
  if (!verbergen) return { ...zelle, verborgen: false };
  const ohne: Record<string | number | symbol, unknown> = { ...zelle, verborgen: true };
  for (const key of betraege) ohne[key] = null;
  return ohne as Verdeckbar<T, K>;
}

function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
