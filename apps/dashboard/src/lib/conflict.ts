import { MILESTONE_LABELS, type DomainEvent, type MilestoneKind } from '@asskomm/domain';
import type { Sent } from './api';
import { formatDate, formatDateTime } from './format';

/** What the UI keeps of a 409: the server's message, the version to re-apply with, and what changed. */
export interface Konflikt {
  meldung: string;
  /** Version of the record as it is now; re-applying sends this one. */
  version: number;
  /** The record as it is now (a KommuneDetail or a FoerderantragRecord). */
  aktuell: unknown;
  /** „Inzwischen von X geändert: …“, or null when the server did not say. */
  aenderung: string | null;
}

function milestoneText(values: Record<string, unknown> | null): string {
  const kind = values?.kind as MilestoneKind | undefined;
  const date = typeof values?.date === 'string' ? values.date : null;
  const label = kind && kind in MILESTONE_LABELS ? `„${MILESTONE_LABELS[kind]}“` : 'ein Meilenstein';
  return date ? `${label} vom ${formatDate(date)}` : label;
}

/** A committed change in words, e.g. „Meilenstein „KPR gegründet“ vom 01.03.2026 erfasst“. */
export function describeEvent(event: DomainEvent): string {
  switch (event.type) {
    case 'milestone:recorded':
      return `Meilenstein ${milestoneText(event.after)} erfasst`;
    case 'milestone:corrected':
      return `Meilenstein ${milestoneText(event.before)} korrigiert`;
    case 'milestone:withdrawn':
      return `Meilenstein ${milestoneText(event.before ?? event.after)} zurückgezogen`;
    case 'foerderantrag:saved':
      return 'Förderantrag gespeichert';
    case 'kommentar:created':
      return 'Kommentar geschrieben';
    case 'demo:reset':
      return 'Demodaten zurückgesetzt';
  }
}

/** Reads a 409 answer (`aktuell`, `letzteAenderung`); null for any other failure. */
export function konfliktAus(result: Extract<Sent<unknown>, { ok: false }>): Konflikt | null {
  if (result.status !== 409 || result.field !== 'version') return null;
  const aktuell = result.body?.aktuell as { version?: unknown } | undefined;
  const event = (result.body?.letzteAenderung ?? null) as DomainEvent | null;
  if (typeof aktuell?.version !== 'number') return null;
  return {
    meldung: result.error,
    version: aktuell.version,
    aktuell,
    aenderung: event
      ? `Inzwischen von ${event.actor ?? 'jemand anderem'} geändert: ${describeEvent(event)} (${formatDateTime(event.at)}).`
      : null,
  };
}
