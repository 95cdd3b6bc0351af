import type { UserInfo } from '@asskomm/domain';
import { BENUTZER, getJson } from '$lib/api';
import type { PageLoad } from './$types';

// Admins only: the API answers 404 to everybody else, and the page shows that 404.
export const load = (async ({ fetch, depends, url }) => {
  depends(BENUTZER);
  return { users: await getJson<UserInfo[]>(fetch, '/api/users', { loginFor: url }) };
}) satisfies PageLoad;
