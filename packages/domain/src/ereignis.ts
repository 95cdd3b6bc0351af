// Its own entry point (`@asskomm/domain/ereignis`): the dashboard loads the wording with the first
// live change, not with the overview; the server's history exports use the same sentences.
import { ANSPRECHPARTNER_ROLLEN_LABELS, type Ansprechpartner } from './ansprechpartner.ts';
import type { FoerderantragRecord, MeilensteinRecord } from './api.ts';
import { deutschesDatum as formatDate } from './dates.ts';
import type { VisibleEvent } from './events.ts';
import { FOERDERZWECK_LABELS } from './foerderung.ts';
import { codesOf } from './codes.ts';
import { MEILENSTEIN_LABELS } from './meilensteine.ts';
import { SCHWELLEN_LABELS, type StocktSchwellen } from './stockt.ts';
import type { Wiedervorlage } from './wiedervorlagen.ts';

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

/** „KPR-Vorsitz: Erika Beispiel“. */
function kontakt(a: Ansprechpartner): string {
  return `${ANSPRECHPARTNER_ROLLEN_LABELS[a.rolle] ?? a.rolle}: ${a.name}`;
}

const KONTAKT_FELDER = [
  { key: 'name', label: 'Name' },
  { key: 'organisation', label: 'Organisation' },
  { key: 'telefon', label: 'Telefon' },
  { key: 'email', label: 'E-Mail' },
  { key: 'notiz', label: 'Notiz' },
  { key: 'seit', label: 'Seit' },
  { key: 'bis', label: 'Bis' },
] as const satisfies readonly { key: keyof Ansprechpartner; label: string }[];

/** What a change of a contact changed: „Telefon: – → 0351 …“, and whether it became (non-)public. */
function kontaktAenderungen(before: Ansprechpartner, after: Ansprechpartner): string[] {
  const zeige = (key: string, v: string | null) =>
    v === null || v === '' ? '–' : key === 'seit' || key === 'bis' ? formatDate(v) : v;
  const felder = KONTAKT_FELDER.flatMap(({ key, label }) =>
    (before[key] ?? null) === (after[key] ?? null)
      ? []
      : [`${label}: ${zeige(key, before[key] ?? null)} → ${zeige(key, after[key] ?? null)}`],
  );
  if (before.oeffentlich !== after.oeffentlich)
    felder.push(after.oeffentlich ? 'jetzt öffentlich' : 'nicht mehr öffentlich');
  return felder;
}

/** „„Termin zur KV“, fällig am 01.03.2027, zuständig: Demo PD Görlitz“. */
function vorlage(w: Wiedervorlage): string {
  return `„${w.was}“, fällig am ${formatDate(w.faelligAm)}${w.zustaendig ? `, zuständig: ${w.zustaendig.name}` : ''}`;
}

function vorlageWas(before: Wiedervorlage | null, after: Wiedervorlage): string {
  if (!before) return 'Wiedervorlage angelegt';
  if (after.erledigt && !before.erledigt) return 'Wiedervorlage erledigt';
  if (!after.erledigt && before.erledigt) return 'Wiedervorlage wieder geöffnet';
  return 'Wiedervorlage geändert';
}

/** „Mitglied ohne KPR (Monate): 12 → 9“ for every threshold that changed. */
function schwellenAenderungen(before: StocktSchwellen, after: StocktSchwellen): string[] {
  return codesOf(SCHWELLEN_LABELS).flatMap((key) =>
    before[key] === after[key] ? [] : [`${SCHWELLEN_LABELS[key]}: ${before[key]} → ${after[key]}`],
  );
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
    case 'ansprechpartner:saved':
      return event.before
        ? {
            was: `Ansprechpartner geändert: ${kontakt(event.before)}`,
            details: kontaktAenderungen(event.before, event.after),
          }
        : { was: `Ansprechpartner erfasst: ${kontakt(event.after)}`, details: [] };
    case 'ansprechpartner:erased':
      return {
        was: `Ansprechpartner gelöscht: ${ANSPRECHPARTNER_ROLLEN_LABELS[event.after.rolle] ?? event.after.rolle}`,
        details: ['Name und Kontaktdaten der Person wurden überall entfernt.'],
      };
    case 'wiedervorlage:saved':
      return { was: vorlageWas(event.before, event.after), details: [vorlage(event.after)] };
    case 'schwellen:saved':
      return { was: 'Schwellen für „Stockt“ geändert', details: schwellenAenderungen(event.before, event.after) };
    case 'demo:reset':
      return { was: 'Demodaten zurückgesetzt', details: [] };
  }
}
