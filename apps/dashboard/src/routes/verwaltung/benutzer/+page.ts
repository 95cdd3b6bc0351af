import type { BenutzerInfo } from '@asskomm/domain';
import { BENUTZER, getJson } from '$lib/api';
import type { PageLoad } from './$types';

// Admins only: the API answers 404 to everybody else, and the page shows that 404.
export const load = (async ({ fetch, depends, url }) => {
  depends(BENUTZER);
  return { users: await getJson<BenutzerInfo[]>(fetch, '/api/benutzer', { loginFor: url }) };
}) satisfies PageLoad;
