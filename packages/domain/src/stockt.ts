import type { PolizeidirektionId } from './kommune.ts';
import type { MeilensteinFact, MeilensteinKind } from './meilensteine.ts';
import { deriveStatus } from './status.ts';

/**
 * What has stalled in a Kommune's process, and after how long. The thresholds are the LPR's to set
 * (`PUT /api/stockt/schwellen`); these are the defaults.
 */
export interface StocktSchwellen {
  /** Vorvereinbarung without Kooperationsvereinbarung for more than … months. */
  vorvereinbarungMonate: number;
  /** Sicherheitsanalyse begun and not completed for more than … months. */
  analyseMonate: number;
  /** Member without KPR for more than … months. */
  kprMonate: number;
  /** Advised, not (yet) a member, and no recorded step for more than … months. */
  kontaktMonate: number;
  /** An approved grant's Verwendungsnachweis is due … months after its Haushaltsjahr ends (Saxon VwV zu § 44 SäHO: 6). */
  nachweisMonate: number;
}

export const STANDARD_SCHWELLEN: StocktSchwellen = {
  vorvereinbarungMonate: 6,
  analyseMonate: 9,
  kprMonate: 12,
  kontaktMonate: 12,
  nachweisMonate: 6,
};

export const SCHWELLEN_LABELS: Record<keyof StocktSchwellen, string> = {
  vorvereinbarungMonate: 'Vorvereinbarung ohne Kooperationsvereinbarung (Monate)',
  analyseMonate: 'Sicherheitsanalyse begonnen, nicht abgeschlossen (Monate)',
  kprMonate: 'Mitglied ohne KPR (Monate)',
  kontaktMonate: 'Beraten, ohne weiteren Schritt (Monate)',
  nachweisMonate: 'Verwendungsnachweis fällig nach Ende des Haushaltsjahres (Monate)',
};

export type StocktGrund =
  | 'vorvereinbarung_ohne_kv'
  | 'analyse_offen'
  | 'mitglied_ohne_kpr'
  | 'beraten_ohne_kontakt'
  | 'verwendungsnachweis_faellig';

/** One reason a Kommune has stalled: since when (the day the threshold passed), in German, and the step that would move it. */
export interface Stockung {
  grund: StocktGrund;
  /** The day it started to count as stalled. */
  seit: string;
  text: string;
  /** The milestone that would end it, if one does (offered as the next step's goal). */
  naechsterMeilenstein: MeilensteinKind | null;
  /** The application concerned (a Verwendungsnachweis). */
  foerderantragId: number | null;
}

/** What the rules read of an application. */
export interface StocktAntrag {
  id: number;
  haushaltsjahr: number;
  entscheidung: { datum: string; art: 'bewilligt' | 'abgelehnt' } | null;
  zurueckgezogenAm: string | null;
  verwendungsnachweisAm: string | null;
}

/** The day `monate` months after `iso` (the 31st becomes the month's last day). */
export function plusMonate(iso: string, monate: number): string {
  const [jahr, monat, tag] = iso.split('-').map(Number) as [number, number, number];
  const ziel = new Date(Date.UTC(jahr, monat - 1 + monate, 1));
  const letzter = new Date(Date.UTC(ziel.getUTCFullYear(), ziel.getUTCMonth() + 1, 0)).getUTCDate();
  ziel.setUTCDate(Math.min(tag, letzter));
  return ziel.toISOString().slice(0, 10);
}

const deutsch = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The latest day of a kind among the milestones up to `heute`, or null. */
function letzter(
  meilensteine: readonly Pick<MeilensteinFact, 'kind' | 'date'>[],
  kind: MeilensteinKind,
  heute: string,
) {
  return meilensteine
    .filter((m) => m.kind === kind && m.date <= heute)
    .reduce<string | null>((max, m) => (max === null || m.date > max ? m.date : max), null);
}

/**
 * The reasons a Kommune has stalled on `heute`, from its milestones in force and its applications.
 * A threshold counts from the milestone that started the wait; the wait ends with the next step.
 */
export function stockungen(
  meilensteine: readonly Pick<MeilensteinFact, 'kind' | 'date'>[],
  antraege: readonly StocktAntrag[],
  heute: string,
  schwellen: StocktSchwellen = STANDARD_SCHWELLEN,
): Stockung[] {
  const status = deriveStatus(meilensteine, heute);
  const gruende: Stockung[] = [];
  const add = (
    grund: StocktGrund,
    ab: string | null,
    monate: number,
    text: (ab: string) => string,
    naechsterMeilenstein: MeilensteinKind | null,
    foerderantragId: number | null = null,
  ) => {
    if (ab === null) return;
    const seit = plusMonate(ab, monate);
    if (seit < heute) gruende.push({ grund, seit, text: text(ab), naechsterMeilenstein, foerderantragId });
  };

  if (status.status === 'vorvereinbarung') {
    add(
      'vorvereinbarung_ohne_kv',
      letzter(meilensteine, 'vorvereinbarung', heute),
      schwellen.vorvereinbarungMonate,
      (ab) => `Vorvereinbarung seit ${deutsch(ab)}, noch keine Kooperationsvereinbarung`,
      'kooperationsvereinbarung',
    );
  }
  if (status.sicherheitsanalyse === 'begonnen') {
    add(
      'analyse_offen',
      letzter(meilensteine, 'sicherheitsanalyse_begonnen', heute),
      schwellen.analyseMonate,
      (ab) => `Sicherheitsanalyse seit ${deutsch(ab)} begonnen, nicht abgeschlossen`,
      'sicherheitsanalyse_abgeschlossen',
    );
  }
  if (status.status === 'mitglied') {
    add(
      'mitglied_ohne_kpr',
      letzter(meilensteine, 'kooperationsvereinbarung', heute),
      schwellen.kprMonate,
      (ab) => `Mitglied seit ${deutsch(ab)}, noch kein KPR`,
      'kpr_gegruendet',
    );
  }
  if (status.status === 'beraten') {
    const zuletzt = meilensteine
      .filter((m) => m.date <= heute)
      .reduce<string | null>((max, m) => (max === null || m.date > max ? m.date : max), null);
    add(
      'beraten_ohne_kontakt',
      zuletzt,
      schwellen.kontaktMonate,
      (ab) => `Beraten, letzter Schritt am ${deutsch(ab)}`,
      'vorvereinbarung',
    );
  }
  for (const antrag of antraege) {
    const bewilligt = antrag.entscheidung?.art === 'bewilligt' && antrag.entscheidung.datum <= heute;
    if (!bewilligt || antrag.zurueckgezogenAm !== null || antrag.verwendungsnachweisAm !== null) continue;
    add(
      'verwendungsnachweis_faellig',
      `${antrag.haushaltsjahr}-12-31`,
      schwellen.nachweisMonate,
      () => `Verwendungsnachweis für das Haushaltsjahr ${antrag.haushaltsjahr} fällig`,
      null,
      antrag.id,
    );
  }
  return gruende;
}

/** A stalled Kommune in the list „Stockt“ (`GET /api/stockt`). */
export interface StocktZeile {
  ags: string;
  name: string;
  kreis: string;
  polizeidirektion: PolizeidirektionId;
  gruende: Stockung[];
  /** Next steps still open for it: one may already be planned. */
  offeneWiedervorlagen: number;
  /** Derived from demo records. */
  demodaten: boolean;
}
