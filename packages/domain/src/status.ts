import { codesOf } from './codes.ts';
import type { MeilensteinFact, MeilensteinKind } from './meilensteine.ts';

/**
 * The one ordered status scale of a Kommune, lowest first, with its labels. Map legend, filters and
 * tables all use it.
 */
export const STATUS_LABELS = {
  kein_kontakt: 'kein Kontakt',
  beraten: 'beraten',
  vorvereinbarung: 'Vorvereinbarung',
  mitglied: 'Mitglied',
  mitglied_kpr: 'Mitglied mit KPR',
};
export type Status = keyof typeof STATUS_LABELS;
export const STATUS_SCALE = codesOf(STATUS_LABELS);

/** Everything the status scale, its flags and the KPIs need to know about one Kommune on one day. */
export interface StatusFacts {
  status: Status;
  beraten: boolean;
  mitglied: boolean;
  kpr: boolean;
  coaching: boolean;
  sicherheitsanalyse: 'keine' | 'begonnen' | 'abgeschlossen';
  koordinierungsstelle: boolean;
}

const KPR_KINDS: ReadonlySet<MeilensteinKind> = new Set(['kpr_gegruendet', 'kpr_reaktiviert']);

/**
 * Derives a Kommune's status as of `asOf` from its milestones (any order; later ones ignored).
 * Membership starts with a Kooperationsvereinbarung and ends with a later Austritt.
 */
export function deriveStatus(
  meilensteine: readonly Pick<MeilensteinFact, 'kind' | 'date'>[],
  asOf: string,
): StatusFacts {
  let beraten = false;
  let vorvereinbarung = false;
  let kpr = false;
  let coaching = false;
  let analyseBegonnen = false;
  let analyseAbgeschlossen = false;
  let koordinierungsstelle = false;
  let joined: string | null = null;
  let left: string | null = null;
  for (const { kind, date } of meilensteine) {
    if (date > asOf) continue;
    if (kind === 'erstberatung') beraten = true;
    else if (kind === 'vorvereinbarung') vorvereinbarung = true;
    else if (KPR_KINDS.has(kind)) kpr = true;
    else if (kind === 'kooperationsvereinbarung' && (joined === null || date > joined)) joined = date;
    else if (kind === 'austritt' && (left === null || date > left)) left = date;
    else if (kind === 'coaching_begonnen') coaching = true;
    else if (kind === 'sicherheitsanalyse_begonnen') analyseBegonnen = true;
    else if (kind === 'sicherheitsanalyse_abgeschlossen') analyseAbgeschlossen = true;
    else if (kind === 'koordinierungsstelle_eingerichtet') koordinierungsstelle = true;
  }
  const mitglied = joined !== null && (left === null || left < joined);
  const status: Status = mitglied
    ? kpr
      ? 'mitglied_kpr'
      : 'mitglied'
    : vorvereinbarung
      ? 'vorvereinbarung'
      : beraten
        ? 'beraten'
        : 'kein_kontakt';
  const sicherheitsanalyse = analyseAbgeschlossen ? 'abgeschlossen' : analyseBegonnen ? 'begonnen' : 'keine';
  return { status, beraten, mitglied, kpr, coaching, sicherheitsanalyse, koordinierungsstelle };
}

/** Comparison on the status scale, for sorting and "at least" filters. */
export function statusRank(status: Status): number {
  return STATUS_SCALE.indexOf(status);
}
