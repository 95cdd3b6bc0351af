import { MEILENSTEIN_LABELS, type KommuneDetail, type MeilensteinRecord, type VisibleEvent } from '@asskomm/domain';
import { beschreibeEreignis } from '@asskomm/domain/ereignis';
import { kommuneName } from '@asskomm/geo';
import type { Tabelle } from './tabelle.ts';

type Kopf = Pick<Tabelle<unknown>, 'stand' | 'angaben'>;

/** A Kommune's milestones (`GET /api/kommunen/:ags?format=…`), withdrawn ones marked; the public's without notes and names. */
export function meilensteineTabelle(
  kommune: Pick<KommuneDetail, 'ags' | 'meilensteine'>,
  kopf: Kopf,
): Tabelle<MeilensteinRecord> {
  return {
    name: `Meilensteine_${kommune.ags}`,
    ...kopf,
    zeilen: kommune.meilensteine,
    spalten: [
      { titel: 'Datum', art: 'datum', wert: (m) => m.date },
      { titel: 'Meilenstein', art: 'text', wert: (m) => MEILENSTEIN_LABELS[m.kind] ?? m.kind, breite: 30 },
      { titel: 'Notiz', art: 'text', wert: (m) => m.notiz, breite: 40 },
      { titel: 'Quelle', art: 'text', wert: (m) => m.quelle, breite: 30 },
      { titel: 'erfasst am', art: 'zeitpunkt', wert: (m) => m.erfasstAm, breite: 18 },
      { titel: 'erfasst von', art: 'text', wert: (m) => m.erfasstVon, breite: 22 },
      { titel: 'zurückgezogen am', art: 'zeitpunkt', wert: (m) => m.zurueckgezogen?.am ?? null, breite: 18 },
      { titel: 'Grund', art: 'text', wert: (m) => m.zurueckgezogen?.grund || null, breite: 30 },
      { titel: 'Demodaten', art: 'janein', wert: (m) => m.synthetisch },
    ],
  };
}

/**
 * Changes as the history and the activity feed tell them (`GET /api/kommunen/:ags/verlauf`,
 * `GET /api/aktivitaet`, `?format=…`): when, who, what, and the details (before → after).
 */
export function ereignisTabelle(name: string, zeilen: readonly VisibleEvent[], kopf: Kopf): Tabelle<VisibleEvent> {
  return {
    name,
    ...kopf,
    zeilen,
    spalten: [
      { titel: 'Nr.', art: 'zahl', wert: (e) => e.seq },
      { titel: 'Zeitpunkt', art: 'zeitpunkt', wert: (e) => e.at, breite: 18 },
      { titel: 'Kommune', art: 'text', wert: (e) => (e.ags ? kommuneName(e.ags) : null), breite: 28 },
      { titel: 'Wer', art: 'text', wert: (e) => e.actor, breite: 22 },
      { titel: 'Änderung', art: 'text', wert: (e) => beschreibeEreignis(e).was, breite: 50 },
      { titel: 'Einzelheiten', art: 'text', wert: (e) => beschreibeEreignis(e).details.join('; ') || null, breite: 50 },
    ],
  };
}
