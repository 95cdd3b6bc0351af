import type {
  FoerderantragRecord,
  FoerderSumme,
  FoerderungKpi,
  FoerderungKpiZahlen,
  FoerderungUebersicht,
} from './api.ts';
import {
  DEFAULT_BUDGET_CENT,
  foerderbetraegeAsOf,
  foerderSumme,
  FOERDERZWECKE,
  HANDLUNGSFELDER,
} from './foerderung.ts';
import type { PolizeidirektionId } from './kommune.ts';
import { verborgeneGebieteAm, verborgeneZellen, zeigeOderVerberge, zuWenigeAntraege } from './public-figures.ts';
import { FOERDER_BETRAEGE, FOERDER_JAHR_BETRAEGE, FOERDER_KPI_BETRAEGE } from './api.ts';

export interface FoerderungUebersichtInput {
  stand: string;
  haushaltsjahr: number;
  /** The applications of the area asked for (Land, Polizeidirektion or Kreis), within the caller's scope. */
  antraege: readonly FoerderantragRecord[];
  /**
   * For the public asking for a Polizeidirektion or Kreis: the whole Land's applications, since the
   * hidden cells are decided on the Land's tables, the same for every filter. Else null.
   */
  land: readonly FoerderantragRecord[] | null;
  budgets: ReadonlyMap<number, number>;
  /** The public figures rule applies (no aggregate of fewer than 3 applications, complementary suppression). */
  oeffentlich: boolean;
  /** The area asked for: `land`, a Polizeidirektion id or a Kreis AGS. */
  gebiet: string;
  /** The breakdown rows the caller's scope has. */
  polizeidirektionen: readonly PolizeidirektionId[];
  kreise: readonly { ags: string; name: string }[];
}

/**
 * `GET /api/foerderung`: funds per Haushaltsjahr, and for one year by Handlungsfeld, purpose,
 * Polizeidirektion and Kreis, as of a day — for the public with the small-count rule of
 * public-figures.ts applied to every cell.
 */
export function foerderungUebersicht(input: FoerderungUebersichtInput): FoerderungUebersicht {
  const { stand, haushaltsjahr, antraege, land, budgets, oeffentlich, gebiet } = input;
  const years = [...new Set([...antraege.map((a) => a.haushaltsjahr), ...budgets.keys()])]
    .filter((y) => y <= haushaltsjahr + 1)
    .sort();
  const verborgenIn = (year: number): Set<string> =>
    oeffentlich ? verborgeneGebieteAm(land ?? antraege, year, stand) : new Set();
  const verborgen = verborgenIn(haushaltsjahr);
  const gebietVerborgen = verborgen.has(gebiet);
  // A breakdown cell of a filtered view is either a whole area or the filtered area itself.
  const zelle = <T extends FoerderSumme>(summe: T, schluessel: string) =>
    zeigeOderVerberge(summe, verborgen.has(schluessel) || (summe.anzahl > 0 && gebietVerborgen), FOERDER_BETRAEGE);
  const ofYear = antraege.filter((a) => a.haushaltsjahr === haushaltsjahr);
  const summe = (match: (a: FoerderantragRecord) => boolean) => foerderSumme(ofYear.filter(match), stand);
  const nachZweck = FOERDERZWECKE.map((zweck) => ({ zweck, ...summe((a) => a.zweck === zweck) }));
  // The purposes partition the area: hidden together with it, and never one alone.
  const zweckVerborgen = oeffentlich
    ? verborgeneZellen(
        {
          schluessel: 'gebiet',
          anzahl: nachZweck.reduce((sum, z) => sum + z.anzahl, 0),
          kinder: nachZweck.map((z) => ({ schluessel: z.zweck, anzahl: z.anzahl, kinder: [] })),
        },
        gebietVerborgen,
      )
    : new Set<string>();
  return {
    stand,
    haushaltsjahr,
    jahre: years.map((year) => {
      const counted = antraege.filter((a) => a.haushaltsjahr === year && a.eingereichtAm <= stand);
      const sums = counted.map((a) => foerderbetraegeAsOf(a, stand));
      const total = (key: keyof (typeof sums)[number]) => sums.reduce((sum, b) => sum + b[key], 0);
      const budgetCent = budgets.get(year) ?? DEFAULT_BUDGET_CENT;
      const bewilligtCent = total('bewilligtCent');
      return zeigeOderVerberge(
        {
          haushaltsjahr: year,
          budgetCent,
          anzahl: counted.length,
          beantragtCent: total('beantragtCent'),
          bewilligtCent,
          ausgezahltCent: total('ausgezahltCent'),
          zurueckgefordertCent: total('zurueckgefordertCent'),
          ausschoepfung: budgetCent > 0 ? bewilligtCent / budgetCent : 0,
        },
        (year === haushaltsjahr ? verborgen : verborgenIn(year)).has(gebiet),
        FOERDER_JAHR_BETRAEGE,
      );
    }),
    // Handlungsfelder overlap (one application names several), so they are no partition.
    nachHandlungsfeld: HANDLUNGSFELDER.map((handlungsfeld) => {
      const cell = summe((a) => a.handlungsfelder.includes(handlungsfeld));
      const klein = zuWenigeAntraege(cell.anzahl) || (cell.anzahl > 0 && gebietVerborgen);
      return { handlungsfeld, ...zeigeOderVerberge(cell, oeffentlich && klein, FOERDER_BETRAEGE) };
    }),
    nachZweck: nachZweck.map(({ zweck, ...cell }) => ({
      zweck,
      ...zeigeOderVerberge(cell, zweckVerborgen.has(zweck), FOERDER_BETRAEGE),
    })),
    nachPolizeidirektion: input.polizeidirektionen.map((polizeidirektion) => ({
      polizeidirektion,
      ...zelle(
        summe((a) => a.polizeidirektion === polizeidirektion),
        polizeidirektion,
      ),
    })),
    nachKreis: input.kreise.map((k) => ({
      kreis: k.ags,
      name: k.name,
      ...zelle(
        summe((a) => a.kreis === k.ags),
        k.ags,
      ),
    })),
  };
}

/**
 * The headline funds of an area (`GET /api/kpi`) as the public may see them: hidden when the
 * funding view of that Haushaltsjahr and day hides the area (`land`: the Land's applications, or
 * null when the small-count rule does not apply).
 */
export function oeffentlicheFoerderKpi(
  foerderung: FoerderungKpiZahlen,
  land: readonly FoerderantragRecord[] | null,
  stand: string,
  gebiet: string,
): FoerderungKpi {
  const verborgen = land !== null && verborgeneGebieteAm(land, foerderung.haushaltsjahr, stand).has(gebiet);
  return zeigeOderVerberge(foerderung, verborgen, FOERDER_KPI_BETRAEGE);
}
