import type { PolizeidirektionId, Scope } from '@asskomm/domain';

/** The one room of each scope; an event goes to the rooms whose scope covers it. */
export function roomOf(scope: Scope): string {
  return scope.kind === 'polizeidirektion' ? `scope:pd:${scope.polizeidirektion}` : `scope:${scope.kind}`;
}

export const benutzerRoom = (benutzerId: number) => `benutzer:${benutzerId}`;

/** Sockets whose presence the scope of `polizeidirektion` sees (and the Land sees all). */
export const presenceRoom = (polizeidirektion: PolizeidirektionId | null | 'all') =>
  polizeidirektion === 'all' ? 'presence' : `presence:pd:${polizeidirektion ?? 'land'}`;
