import { codesOf } from './codes.ts';

/**
 * The dated steps a Kommune goes through in ASSKomm, in process order (docs/domain.md, "The process of
 * one Kommune"), with their German labels as users say them.
 */
export const MEILENSTEIN_LABELS = {
  erstberatung: 'Erstberatung',
  vorvereinbarung: 'Vorvereinbarung',
  kooperationsvereinbarung: 'Kooperationsvereinbarung',
  coaching_begonnen: 'Coaching begonnen',
  sicherheitsanalyse_begonnen: 'Sicherheitsanalyse begonnen',
  sicherheitsanalyse_abgeschlossen: 'Sicherheitsanalyse abgeschlossen',
  kpr_gegruendet: 'KPR gegründet',
  kpr_reaktiviert: 'KPR reaktiviert',
  koordinierungsstelle_eingerichtet: 'Koordinierungsstelle eingerichtet',
  praeventionskonzept_beschlossen: 'Präventionskonzept beschlossen',
  beratungsordner_uebergeben: 'Beratungsordner „Kommune beugt vor!“ übergeben',
  austritt: 'Austritt',
};
export type MeilensteinKind = keyof typeof MEILENSTEIN_LABELS;
export const MEILENSTEIN_KINDS = codesOf(MEILENSTEIN_LABELS);

/** A dated milestone as the domain rules see it: which Kommune, what, when. */
export interface MeilensteinFact {
  ags: string;
  kind: MeilensteinKind;
  /** ISO date, YYYY-MM-DD. */
  date: string;
}
