import { ladeBericht } from '$lib/bericht/laden';
import type { PageLoad } from './$types';

// What GET /api/bericht prints: the Lagebericht rendered on the server, map and charts included,
// with no script to load, hydrate or wait for (issue 12's render time).
export const csr = false;

export const load = ((event) => ladeBericht(event)) satisfies PageLoad;
