import type { KioskLink } from '@asskomm/domain';
import { getJson } from '$lib/api';
import type { PageLoad } from './$types';

// LPR and admins only: the API answers 403 to read-only roles, and the page shows that.
export const load = (async ({ fetch, url }) => {
  return { links: await getJson<KioskLink[]>(fetch, '/api/kiosk-links', { loginFor: url }) };
}) satisfies PageLoad;
