import type {
  FoerderantragRecord,
  FoerderJahr,
  FoerderungKpi,
  FoerderungKpiZahlen,
  FoerderungUebersicht,
} from './api.ts';
import { FOERDER_JAHR_BETRAEGE, FOERDER_KPI_BETRAEGE } from './api.ts';
import { DEFAULT_BUDGET_CENT, foerderSumme, FOERDERZWECKE, HANDLUNGSFELDER } from './foerderung.ts';
import type { PolizeidirektionId } from './kommune.ts';
import {
  OEFFENTLICHE_KENNZAHLEN,
  oeffentlicheZahlen,
  summenAm,
  zeigeOderVerberge,
  type OeffentlicheStaende,
} from './public-figures.ts';

export interface FoerderungUebersichtInput {
  stand: string;
  haushaltsjahr: number;
  /** The applications of the area asked for (Land, Polizeidirektion or Kreis), within the caller's scope. */
  antraege: readonly FoerderantragRecord[];
  budgets: ReadonlyMap<number, number>;
  /**
   * For the public: today, since only quarters that have ended are published (public-figures.ts).
   * Null for signed-in users and kiosk screens the LPR allowed every figure.
   */
  oeffentlichAm: string | null;
  /** The area asked for: `land`, a Polizeidirektion id or a Kreis AGS. */
  gebiet: string;
  /** The breakdown rows the caller's scope has. */
  polizeidirektionen: readonly PolizeidirektionId[];
  kreise: readonly { ags: string; name: string }[];
}

/**
 * `GET /api/foerderung`: funds per Haushaltsjahr, and for one year by Handlungsfeld, purpose,
 * Polizeidirektion and Kreis, as of a day — for the public the Land's years only, by the rule of
 * public-figures.ts.
 */
export function foerderungUebersicht(input: FoerderungUebersichtInput): FoerderungUebersicht {
  const { stand, haushaltsjahr, antraege, budgets, oeffentlichAm: heute } = input;
  // The public's years do not depend on applications: a new year's first one would show as a row.
  const mitAntraegen = heute === null ? antraege.map((a) => a.haushaltsjahr) : [haushaltsjahr];
  const years = [...new Set([...mitAntraegen, ...budgets.keys()])].filter((y) => y <= haushaltsjahr + 1).sort();
  const jahr = (year: number): FoerderJahr => {
    const budgetCent = budgets.get(year) ?? DEFAULT_BUDGET_CENT;
    if (heute !== null && input.gebiet !== 'land') return verborgenesJahr(year, budgetCent);
    const zahlen =
      heute === null ? interneZahlen(antraege, year, stand) : oeffentlicheZahlen(antraege, year, stand, heute);
    return {
      haushaltsjahr: year,
      budgetCent,
      ...zahlen,
      ausschoepfung: budgetCent > 0 ? zahlen.bewilligtCent / budgetCent : 0,
      verborgen: false,
    };
  };
  const ofYear = antraege.filter((a) => a.haushaltsjahr === haushaltsjahr);
  const summe = (match: (a: FoerderantragRecord) => boolean) => foerderSumme(ofYear.filter(match), stand);
  const aufteilen = <T>(rows: readonly T[]): readonly T[] => (heute === null ? rows : []);
  return {
    stand,
    haushaltsjahr,
    jahre: years.map(jahr),
    // Handlungsfelder overlap (one application names several), so they are no partition.
    nachHandlungsfeld: aufteilen(HANDLUNGSFELDER).map((handlungsfeld) => ({
      handlungsfeld,
      ...summe((a) => a.handlungsfelder.includes(handlungsfeld)),
    })),
    nachZweck: aufteilen(FOERDERZWECKE).map((zweck) => ({ zweck, ...summe((a) => a.zweck === zweck) })),
    nachPolizeidirektion: aufteilen(input.polizeidirektionen).map((polizeidirektion) => ({
      polizeidirektion,
      ...summe((a) => a.polizeidirektion === polizeidirektion),
    })),
    nachKreis: aufteilen(input.kreise).map((k) => ({ kreis: k.ags, name: k.name, ...summe((a) => a.kreis === k.ags) })),
  };
}

/** Every figure of a year as of `stand`, for those who may see them all. */
function interneZahlen(antraege: readonly FoerderantragRecord[], year: number, stand: string) {
  const amStand = Object.fromEntries(OEFFENTLICHE_KENNZAHLEN.map((k) => [k, stand])) as OeffentlicheStaende;
  return { ...summenAm(antraege, year, amStand), oeffentlichAm: null };
}

function verborgenesJahr(haushaltsjahr: number, budgetCent: number): FoerderJahr {
  return zeigeOderVerberge(
    {
      haushaltsjahr,
      budgetCent,
      anzahl: 0,
      beantragtCent: 0,
      bewilligtCent: 0,
      ausgezahltCent: 0,
      zurueckgefordertCent: 0,
      ausschoepfung: 0,
      oeffentlichAm: null,
    },
    true,
    FOERDER_JAHR_BETRAEGE,
  );
}

/**
 * The headline funds of an area (`GET /api/kpi`) as the public may see them: the Land's public
 * figures of that Haushaltsjahr (`land`: the Land's applications, `heute`: today), none of a
 * Polizeidirektion or Kreis.
 */
export function oeffentlicheFoerderKpi(
  foerderung: FoerderungKpiZahlen,
  land: readonly FoerderantragRecord[],
  stand: string,
  heute: string,
  gebiet: string,
): FoerderungKpi {
  if (gebiet !== 'land') return zeigeOderVerberge({ ...foerderung, oeffentlichAm: null }, true, FOERDER_KPI_BETRAEGE);
  const z = oeffentlicheZahlen(land, foerderung.haushaltsjahr, stand, heute);
  return {
    ...foerderung,
    beantragtCent: z.beantragtCent,
    bewilligtCent: z.bewilligtCent,
    ausgezahltCent: z.ausgezahltCent,
    zurueckgefordertCent: z.zurueckgefordertCent,
    oeffentlichAm: z.oeffentlichAm,
    verborgen: false,
  };
}
