import type { Principal } from './access.ts';
import type { MeilensteinKind } from './meilensteine.ts';

/** A next step for a Kommune: what, by when, who takes care of it, and when it was done. */
export interface Wiedervorlage {
  id: number;
  ags: string;
  was: string;
  faelligAm: string;
  /** The user who takes care of it; null: nobody yet. */
  zustaendig: { id: number; name: string } | null;
  /** The milestone it leads to, if any (e.g. „Kooperationsvereinbarung vorbereiten“). */
  meilensteinKind: MeilensteinKind | null;
  erledigt: boolean;
  erledigtAm: string | null;
  erledigtVon: string | null;
  erstelltVon: string | null;
  erstelltAm: string;
  synthetisch: boolean;
  version: number;
}

/** A next step in a list across Kommunen: with its Kommune's name and area, to open it from there. */
export interface WiedervorlageZeile extends Wiedervorlage {
  kommuneName: string;
  polizeidirektion: string;
}

/** The earliest due date: the programme's first year. */
export const FRUEHESTE_FAELLIGKEIT = '2019-01-01';
/** A due date lies at most this many years ahead: a plan, not a wish list. */
export const FAELLIGKEIT_JAHRE = 5;

/** The latest due date allowed on `heute`: the same day five years on (29 February → 28 February). */
export function spaetesteFaelligkeit(heute: string): string {
  const jahr = Number(heute.slice(0, 4)) + FAELLIGKEIT_JAHRE;
  const tag = heute.slice(5) === '02-29' ? '02-28' : heute.slice(5);
  return `${jahr}-${tag}`;
}

/** Overdue: still open and due before today. */
export function istUeberfaellig(w: Pick<Wiedervorlage, 'erledigt' | 'faelligAm'>, heute: string): boolean {
  return !w.erledigt && w.faelligAm < heute;
}

/** Staff who work the area keep next steps: LPR and the Polizeidirektionen (the ministry reads). */
export function canPflegeWiedervorlagen(principal: Principal): boolean {
  return (
    !principal.readOnly &&
    principal.benutzerId !== null &&
    (principal.role === 'admin' || principal.role === 'lpr' || principal.role === 'polizei')
  );
}

export const WIEDERVORLAGEN_VERBOTEN = 'Ihre Rolle darf Wiedervorlagen nur lesen.';

/** The due date's rule (422 on `faelligAm`): from 2019, at most five years from today; null when kept. */
export function faelligkeitVerstoss(faelligAm: string, heute: string): string | null {
  if (faelligAm < FRUEHESTE_FAELLIGKEIT) return 'darf nicht vor dem 01.01.2019 liegen.';
  if (faelligAm > spaetesteFaelligkeit(heute))
    return `darf höchstens ${FAELLIGKEIT_JAHRE} Jahre in der Zukunft liegen.`;
  return null;
}
