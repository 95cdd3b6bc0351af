import type { KommuneSummary } from '@asskomm/domain';
import { getJson, KOMMUNEN } from '$lib/api';
import { standAus } from '$lib/ui/stand';
import type { PageLoad } from './$types';

// Only `stand` changes what the API answers; the other filters and the sort work on this list in
// the page, so changing them does not ask the server again (the load only reads `stand`).
export const load = (async ({ fetch, depends, url }) => {
  depends(KOMMUNEN);
  const { stand, heute, gewaehlt } = standAus(url);
  const kommunen = await getJson<KommuneSummary[]>(fetch, `/api/kommunen?stand=${stand}`);
  return { kommunen, stand, heute, standGewaehlt: gewaehlt };
}) satisfies PageLoad;
