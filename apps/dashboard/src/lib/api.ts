import { error } from '@sveltejs/kit';
import type { ApiError } from '@asskomm/domain';

/** Dependency key of the overview's data; `invalidate(LAGEBILD)` reloads it after a live event. */
export const LAGEBILD = 'app:lagebild';

/**
 * GETs JSON from apps/server's API with the load's `fetch` and turns an API error into a
 * SvelteKit error carrying the server's German message.
 */
export async function getJson<T>(fetch: typeof globalThis.fetch, path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path);
  } catch {
    error(503, 'Der Server ist nicht erreichbar. Bitte später erneut versuchen.');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiError | null;
    error(response.status, body?.error ?? `Anfrage fehlgeschlagen (${response.status}).`);
  }
  return (await response.json()) as T;
}
