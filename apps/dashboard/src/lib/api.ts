import { error, redirect } from '@sveltejs/kit';
import type { ApiError, Me } from '@asskomm/domain';

/** Dependency key of the overview's data; `invalidate(LAGEBILD)` reloads it after a live event. */
export const LAGEBILD = 'app:lagebild';

/** Dependency keys of the admin pages. */
export const BENUTZER = 'app:benutzer';
export const PROTOKOLL = 'app:protokoll';

/** Dependency keys of the Kommunen list, one Kommune's page, the funding page and the next steps. */
export const KOMMUNEN = 'app:kommunen';
export const KOMMUNE = 'app:kommune';
export const FOERDERUNG = 'app:foerderung';
export const WIEDERVORLAGEN = 'app:wiedervorlagen';

/** Dependency key of the signed-in user (`GET /api/auth/me`). */
export const ANMELDUNG = 'app:anmeldung';

/**
 * GETs JSON from apps/server's API with the load's `fetch` and turns an API error into a
 * SvelteKit error carrying the server's German message.
 */
export async function getJson<T>(
  fetch: typeof globalThis.fetch,
  path: string,
  options: { loginFor?: URL } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path);
  } catch {
    error(503, 'Der Server ist nicht erreichbar. Bitte später erneut versuchen.');
  }
  // A page for signed-in users sends visitors to the login, and back afterwards.
  if (response.status === 401 && options.loginFor) {
    redirect(303, `/anmelden?ziel=${encodeURIComponent(options.loginFor.pathname)}`);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiError | null;
    error(response.status, body?.error ?? `Anfrage fehlgeschlagen (${response.status}).`);
  }
  return (await response.json()) as T;
}

/**
 * Who is signed in, or `null` for visitors (401). Any other failure also yields `null`: the pages
 * then show the public view, and their own loads report an unreachable server.
 */
export async function getMe(fetch: typeof globalThis.fetch): Promise<Me | null> {
  try {
    const response = await fetch('/api/auth/me');
    // Read the body in any case: only responses whose body was read are handed from the server
    // render to the browser, which would otherwise ask again (and log a 401) while hydrating.
    const body: unknown = await response.json().catch(() => null);
    return response.ok ? (body as Me) : null;
  } catch {
    return null;
  }
}

/** The outcome of a state-changing request: the answer's JSON, or the API's German message. */
export type Sent<T> =
  | { ok: true; status: number; data: T }
  // `body` keeps the rest of the answer, e.g. `aktuell` and `letzteAenderung` of a 409.
  | { ok: false; status: number; error: string; field?: string; body?: Record<string, unknown> };

/**
 * Sends a state-changing request from the page (same origin, JSON body, as the API requires).
 * Never throws: a network failure becomes a German message like every API error.
 */
export async function sendJson<T = unknown>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<Sent<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, status: 0, error: 'Der Server ist nicht erreichbar. Bitte später erneut versuchen.' };
  }
  const text = await response.text().catch(() => '');
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (response.ok) return { ok: true, status: response.status, data: json as T };
  const problem = json as Partial<ApiError> | null;
  return {
    ok: false,
    status: response.status,
    error: problem?.error ?? `Die Anfrage ist fehlgeschlagen (${response.status}).`,
    ...(problem?.field ? { field: problem.field } : {}),
    ...(problem ? { body: problem as Record<string, unknown> } : {}),
  };
}

/** „Parameter „email“: muss …“ → „muss …“: shown next to its field, the name is there already. */
export function fieldMessage(message: string): string {
  return message.replace(/^Parameter „[^“]*“: /, '');
}
