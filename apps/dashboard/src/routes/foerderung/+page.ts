import { POLIZEIDIREKTION_IDS, type FoerderantragRecord, type FoerderungUebersicht } from '@asskomm/domain';
import type { KommuneSummary, PolizeidirektionId } from '@asskomm/domain';
import { KREISE } from '@asskomm/geo';
import { FOERDERUNG, getJson } from '$lib/api';
import { standAus } from '$lib/ui/stand';
import type { PageLoad } from './$types';

export const load = (async ({ fetch, depends, url, parent }) => {
  depends(FOERDERUNG);
  const { stand, heute, gewaehlt } = standAus(url);
  // Unknown values are dropped instead of answered with an error page: the filters then show „alle“.
  const jahrParam = Number(url.searchParams.get('jahr'));
  const jahr = Number.isInteger(jahrParam) && jahrParam >= 2019 && jahrParam <= 2100 ? jahrParam : null;
  const pdParam = url.searchParams.get('pd');
  const pd = POLIZEIDIREKTION_IDS.includes(pdParam as PolizeidirektionId) ? (pdParam as PolizeidirektionId) : null;
  const kreisParam = url.searchParams.get('kreis');
  const kreis = KREISE.some((k) => k.ags === kreisParam && (!pd || k.polizeidirektion === pd)) ? kreisParam : null;

  // Without a choice the Haushaltsjahr of the `stand`, as the API does: the list of applications
  // then shows the same year as the breakdowns (not all years at once).
  const query = new URLSearchParams({ stand, jahr: String(jahr ?? Math.max(2019, Number(stand.slice(0, 4)))) });
  if (pd) query.set('pd', pd);
  if (kreis) query.set('kreis', kreis);

  const { me } = await parent();
  const [uebersicht, antraege, kommunen] = await Promise.all([
    getJson<FoerderungUebersicht>(fetch, `/api/foerderung?${query}`),
    // Single applications are for signed-in users only; the public sees the sums.
    me ? getJson<FoerderantragRecord[]>(fetch, `/api/foerderantraege?${query}`) : null,
    // The form for a new application picks its Kommune from this list.
    me?.canEdit ? getJson<KommuneSummary[]>(fetch, `/api/kommunen?stand=${heute}`) : null,
  ]);
  return { uebersicht, antraege, kommunen, stand, heute, standGewaehlt: gewaehlt, filter: { jahr, pd, kreis } };
}) satisfies PageLoad;
