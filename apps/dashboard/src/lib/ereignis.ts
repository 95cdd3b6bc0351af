import {
  FOERDERZWECK_LABELS,
  MEILENSTEIN_LABELS,
  type DomainEvent,
  type Foerderzweck,
  type MeilensteinKind,
} from '@asskomm/domain';
import { formatDate } from './format';

/** What an event changed, in German: a headline and the details (before → after, reason …). */
export interface EreignisText {
  was: string;
  details: string[];
}

type Werte = Record<string, unknown> | null;

const text = (werte: Werte, key: string): string | null => {
  const value = werte?.[key];
  return typeof value === 'string' && value !== '' ? value : null;
};

/** „Erstberatung vom 01.02.2024“; the public sees kind and date only, both always there. */
function meilenstein(werte: Werte): string {
  const kind = text(werte, 'kind') as MeilensteinKind | null;
  const date = text(werte, 'date');
  const label = kind ? (MEILENSTEIN_LABELS[kind] ?? kind) : 'Meilenstein';
  return date ? `${label} vom ${formatDate(date)}` : label;
}

const KORRIGIERBAR = [
  { key: 'date', label: 'Datum', zeige: formatDate },
  { key: 'notiz', label: 'Notiz', zeige: (v: string) => `„${v}“` },
  { key: 'quelle', label: 'Quelle', zeige: (v: string) => `„${v}“` },
] as const;

/** „Datum: 01.02.2024 → 03.02.2024“ for every field a correction changed. */
function korrekturen(before: Werte, after: Werte): string[] {
  return KORRIGIERBAR.flatMap(({ key, label, zeige }) => {
    const alt = text(before, key);
    const neu = text(after, key);
    if (alt === neu) return [];
    return [`${label}: ${alt ? zeige(alt) : '–'} → ${neu ? zeige(neu) : '–'}`];
  });
}

function grund(after: Werte): string[] {
  const rueckzug = after?.['zurueckgezogen'] as { grund?: unknown } | null | undefined;
  return typeof rueckzug?.grund === 'string' && rueckzug.grund ? [`Grund: ${rueckzug.grund}`] : [];
}

function antrag(werte: Werte): string[] {
  const zweck = text(werte, 'zweck') as Foerderzweck | null;
  const jahr = werte?.['haushaltsjahr'];
  const teile = [zweck ? (FOERDERZWECK_LABELS[zweck] ?? zweck) : null, jahr ? `Haushaltsjahr ${String(jahr)}` : null];
  const zeile = teile.filter(Boolean).join(', ');
  return zeile ? [zeile] : [];
}

const AUSZUG_ZEICHEN = 160;

/** A comment in the history is a pointer to the thread, not a second copy of it. */
function auszug(kommentar: string | null): string[] {
  if (!kommentar) return [];
  const kurz = kommentar.length > AUSZUG_ZEICHEN ? `${kommentar.slice(0, AUSZUG_ZEICHEN).trimEnd()} …` : kommentar;
  return [`„${kurz}“`];
}

export function beschreibeEreignis(event: DomainEvent): EreignisText {
  const { before, after } = event;
  switch (event.type) {
    case 'meilenstein:recorded':
      return { was: `Meilenstein erfasst: ${meilenstein(after)}`, details: [] };
    case 'meilenstein:corrected':
      return { was: `Meilenstein korrigiert: ${meilenstein(before)}`, details: korrekturen(before, after) };
    case 'meilenstein:withdrawn':
      return { was: `Meilenstein zurückgezogen: ${meilenstein(before)}`, details: grund(after) };
    case 'foerderantrag:saved':
      return { was: before ? 'Förderantrag geändert' : 'Förderantrag erfasst', details: antrag(after) };
    case 'kommentar:created':
      return { was: 'Kommentar geschrieben', details: auszug(text(after, 'text')) };
    case 'demo:reset':
      return { was: 'Demodaten zurückgesetzt', details: [] };
  }
}
