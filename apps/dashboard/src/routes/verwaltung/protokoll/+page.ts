import type { AuditEntry } from '@asskomm/domain';
import { getJson, PROTOKOLL } from '$lib/api';
import type { PageLoad } from './$types';

// Admins only: the API answers 404 to everybody else, and the page shows that 404.
export const load = (async ({ fetch, depends, url }) => {
  depends(PROTOKOLL);
  return { limit: 200, entries: await getJson<AuditEntry[]>(fetch, `/api/audit?limit=200`, { loginFor: url }) };
}) satisfies PageLoad;
