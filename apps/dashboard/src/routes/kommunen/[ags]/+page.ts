import { error } from '@sveltejs/kit';
import type { KommuneDetail, KommuneSummary } from '@asskomm/domain';
import { getJson, KOMMUNE } from '$lib/api';
import { standAus } from '$lib/stand';
import type { PageLoad } from './$types';

const NICHT_GEFUNDEN = 'Diese Kommune gibt es nicht (oder nicht in Ihrem Bereich).';

export const load = (async ({ fetch, depends, params, url, parent }) => {
  depends(KOMMUNE);
  // Anything but a Saxon Gemeinde or Kreis key is answered here, without asking the server.
  if (!/^14\d{3}(\d{3})?$/.test(params.ags)) error(404, NICHT_GEFUNDEN);
  const { stand, heute, gewaehlt } = standAus(url);
  const { me } = await parent();
  const [kommune, kommunen] = await Promise.all([
    getJson<KommuneDetail>(fetch, `/api/kommunen/${params.ags}?stand=${stand}`),
    // The signing form picks further Kommunen signing together from this list (editors, today only).
    me?.canEdit && !gewaehlt ? getJson<KommuneSummary[]>(fetch, `/api/kommunen?stand=${heute}`) : null,
  ]);
  return { kommune, kommunen, stand, heute, standGewaehlt: gewaehlt };
}) satisfies PageLoad;
