import { goto, invalidateAll } from '$app/navigation';
import { resolve } from '$app/paths';
import { ROLE_LABELS, type Me, type PolizeidirektionId, type Principal, type Role } from '@asskomm/domain';
import { sendJson, type Sent } from '$lib/api';
import { polizeidirektionName } from '$lib/karte/places';
import { live } from '$lib/live/live.svelte';

/** „Polizeidirektion Görlitz“, „Ministerium (SMI)“, „Öffentlichkeit“ … for a role and its area. */
export function roleName(role: Role | 'public', polizeidirektion: PolizeidirektionId | null): string {
  return role === 'polizei' && polizeidirektion ? polizeidirektionName(polizeidirektion) : ROLE_LABELS[role];
}

/** The role a signed-in user acts as right now: their own, or the view an admin chose. */
export function effectiveRole(me: Me): { role: Role | 'public'; polizeidirektion: PolizeidirektionId | null } {
  return me.ansicht ?? { role: me.benutzer.role, polizeidirektion: me.benutzer.polizeidirektion };
}

/**
 * The signed-in user as the shared permission rules (`canPflege…`) take them, so a page offers
 * what the server will allow; the server still decides. Visitors: null.
 */
export function principalVon(me: Me | null): Principal | null {
  if (!me) return null;
  const { role, polizeidirektion } = effectiveRole(me);
  return { benutzerId: me.benutzer.id, role, polizeidirektion, readOnly: me.readOnly };
}

/** After the session changed: new scope for the live socket, every load runs again. */
export async function sessionChanged(): Promise<void> {
  live.reconnect();
  await invalidateAll();
}

export async function logout(): Promise<Sent<unknown>> {
  const result = await sendJson('POST', '/api/auth/logout');
  if (result.ok) {
    live.reconnect();
    await goto(resolve('/'), { invalidateAll: true });
  }
  return result;
}

/** An admin looks at the dashboard as another role (read-only), or back as themselves (`null`). */
export async function setAnsicht(
  ansicht: { role: 'lpr' | 'ministerium' | 'polizei' | 'public'; polizeidirektion: PolizeidirektionId | null } | null,
): Promise<Sent<Me>> {
  const result = ansicht
    ? await sendJson<Me>('POST', '/api/auth/ansicht', ansicht)
    : await sendJson<Me>('DELETE', '/api/auth/ansicht');
  if (result.ok) await sessionChanged();
  return result;
}

/**
 * A `?ziel=` after the login, only when it is a path of this site (never `//host` or a URL):
 * otherwise the login page could forward to anywhere.
 */
export function safeTarget(ziel: string | null, origin: string): string | null {
  if (!ziel || !ziel.startsWith('/') || ziel.startsWith('//') || ziel.startsWith('/\\')) return null;
  try {
    const url = new URL(ziel, origin);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}
