import { error } from '@sveltejs/kit';
import type { KommuneDetail } from '@asskomm/domain';
import { getJson, KOMMUNE } from '$lib/api';
import { standAus } from '$lib/stand';
import type { PageLoad } from './$types';

const NICHT_GEFUNDEN = 'Diese Kommune gibt es nicht (oder nicht in Ihrem Bereich).';

export const load = (async ({ fetch, depends, params, url }) => {
  depends(KOMMUNE);
  // Anything but a Saxon Gemeinde or Kreis key is answered here, without asking the server.
  if (!/^14\d{3}(\d{3})?$/.test(params.ags)) error(404, NICHT_GEFUNDEN);
  const { stand, heute, gewaehlt } = standAus(url);
  const kommune = await getJson<KommuneDetail>(fetch, `/api/kommunen/${params.ags}?stand=${stand}`);
  return { kommune, stand, heute, standGewaehlt: gewaehlt };
}) satisfies PageLoad;
