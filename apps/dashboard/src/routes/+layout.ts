import { ANMELDUNG, getMe } from '$lib/api';
import type { LayoutLoad } from './$types';

/** Who is signed in (`null` for visitors), once for every page. */
export const load = (async ({ fetch, depends }) => {
  depends(ANMELDUNG);
  return { me: await getMe(fetch) };
}) satisfies LayoutLoad;
