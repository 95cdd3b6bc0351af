// Its own entry point (`@asskomm/domain/ereignis`): the dashboard loads the wording with the first
// live change, not with the overview; the server's history exports use the same sentences.
import type { FoerderantragRecord, MeilensteinRecord } from './api.ts';
import { deutschesDatum as formatDate } from './dates.ts';
import type { VisibleEvent } from './events.ts';
import { FOERDERZWECK_LABELS } from './foerderung.ts';
import { MEILENSTEIN_LABELS } from './meilensteine.ts';

/** What an event changed, in German: a headline and the details (before → after, reason …). */
export interface EreignisText {
  was: string;
  details: string[];
}

/** „Erstberatung vom 01.02.2024“. */
function meilenstein(m: MeilensteinRecord): string {
  return `${MEILENSTEIN_LABELS[m.kind] ?? m.kind} vom ${formatDate(m.date)}`;
}

const KORRIGIERBAR = [
  { key: 'date', label: 'Datum', zeige: formatDate },
  { key: 'notiz', label: 'Notiz', zeige: (v: string) => `„${v}“` },
  { key: 'quelle', label: 'Quelle', zeige: (v: string) => `„${v}“` },
] as const;

/** „Datum: 01.02.2024 → 03.02.2024“ for every field a correction changed (the public sees the date only). */
function korrekturen(before: MeilensteinRecord, after: MeilensteinRecord): string[] {
  return KORRIGIERBAR.flatMap(({ key, label, zeige }) => {
    const alt = before[key] || null;
    const neu = after[key] || null;
    if (alt === neu) return [];
    return [`${label}: ${alt ? zeige(alt) : '–'} → ${neu ? zeige(neu) : '–'}`];
  });
}

function grund(after: MeilensteinRecord): string[] {
  return after.zurueckgezogen?.grund ? [`Grund: ${after.zurueckgezogen.grund}`] : [];
}

/** „Koordinierungsstelle, Haushaltsjahr 2024“; nothing for the public, which sees no application. */
function antrag(after: FoerderantragRecord | null): string[] {
  return after ? [`${FOERDERZWECK_LABELS[after.zweck] ?? after.zweck}, Haushaltsjahr ${after.haushaltsjahr}`] : [];
}

const AUSZUG_ZEICHEN = 160;

/** A comment in the history is a pointer to the thread, not a second copy of it. */
function auszug(kommentar: string): string[] {
  if (!kommentar) return [];
  const kurz = kommentar.length > AUSZUG_ZEICHEN ? `${kommentar.slice(0, AUSZUG_ZEICHEN).trimEnd()} …` : kommentar;
  return [`„${kurz}“`];
}

/** The change as the history, the feed and a 409 notice tell it; staff and public events alike. */
export function beschreibeEreignis(event: VisibleEvent): EreignisText {
  switch (event.type) {
    case 'meilenstein:recorded':
      return { was: `Meilenstein erfasst: ${meilenstein(event.after)}`, details: [] };
    case 'meilenstein:corrected':
      return {
        was: `Meilenstein korrigiert: ${meilenstein(event.before)}`,
        details: korrekturen(event.before, event.after),
      };
    case 'meilenstein:withdrawn':
      return { was: `Meilenstein zurückgezogen: ${meilenstein(event.before)}`, details: grund(event.after) };
    case 'foerderantrag:saved':
      return { was: event.before ? 'Förderantrag geändert' : 'Förderantrag erfasst', details: antrag(event.after) };
    case 'kommentar:created':
      return { was: 'Kommentar geschrieben', details: auszug(event.after.text) };
    case 'demo:reset':
      return { was: 'Demodaten zurückgesetzt', details: [] };
  }
}
