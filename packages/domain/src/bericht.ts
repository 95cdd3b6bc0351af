import type { PolizeidirektionId } from './kommune.ts';
import type { VisibleEvent } from './events.ts';

/** The record of a Lagebericht PDF as handed out. */
export interface BerichtEintrag {
  /** The short id printed in the PDF („Prüfnummer“). */
  id: string;
  polizeidirektion: PolizeidirektionId | null;
  kreis: string | null;
  stand: string;
  seit: string;
  /** The newest committed event the report includes. */
  seq: number;
  /** Of the PDF's bytes, hex: `sha256sum Lagebericht_….pdf` gives the same. */
  sha256: string;
  /** Made for the public (public figures only). */
  oeffentlich: boolean;
  erstelltAm: string;
  /** Who made it; null for visitors asking (a staff name is not public) and for public reports. */
  erstelltVon: string | null;
}

/** `GET /api/berichte/:id`: the record of a Lagebericht PDF, and what was corrected since. */
export interface BerichtPruefung extends BerichtEintrag {
  /** Changes committed after the report to data of days up to its Stand, as the asker may see them, oldest first. */
  korrekturen: VisibleEvent[];
  /** True when there are more than those listed. */
  weitere: boolean;
}

/**
 * Does a change committed after a report alter what the report said? It does when it touches
 * data of a day up to the report's Stand: a milestone recorded back-dated, corrected from or to
 * such a day, or withdrawn; an application submitted by then; a reset of all data. A comment,
 * a contact or a next step changes no figure.
 */
export function aendertBerichtBis(event: VisibleEvent, stand: string): boolean {
  switch (event.type) {
    case 'meilenstein:recorded':
      return event.after.date <= stand;
    case 'meilenstein:corrected':
      return event.before.date <= stand || event.after.date <= stand;
    case 'meilenstein:withdrawn':
      return event.before.date <= stand;
    case 'foerderantrag:saved':
      return event.after.eingereichtAm <= stand || (event.before !== null && event.before.eingereichtAm <= stand);
    case 'kommentar:created':
    case 'ansprechpartner:saved':
    case 'ansprechpartner:erased':
    case 'wiedervorlage:saved':
    case 'schwellen:saved':
      return false;
    case 'demo:reset':
      return true;
  }
}
