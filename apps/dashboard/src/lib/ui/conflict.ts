import type { VersionConflict } from '@asskomm/domain';
import type { Sent } from '$lib/api';
import { beschreibeEreignis } from '@asskomm/domain/ereignis';
import { formatDateTime } from './format';

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

/** Reads a 409 answer (`aktuell`, `letzteAenderung`); null for any other failure. */
export function konfliktAus(result: Extract<Sent<unknown>, { ok: false }>): Konflikt | null {
  if (result.status !== 409 || result.field !== 'version') return null;
  // The API's 409 body (VersionConflict), as sent.
  const { aktuell, letzteAenderung: event = null } = (result.body ?? {}) as Partial<VersionConflict>;
  if (!aktuell) return null;
  return {
    meldung: result.error,
    version: aktuell.version,
    aktuell,
    aenderung: event
      ? `Inzwischen von ${event.actor ?? 'jemand anderem'} geändert (${formatDateTime(event.at)}): ${beschreibeEreignis(event).was}.`
      : null,
  };
}
