import { browser } from '$app/environment';
import { todayInSaxony, type KommuneSummary, type KpiPoint, type KpiSnapshot } from '@asskomm/domain';
import { getJson, LAGEBILD } from '$lib/api';
import type { PageLoad } from './$types';

interface Lagebild {
  kpi: KpiSnapshot;
  kommunen: KommuneSummary[];
  verlauf: KpiPoint[];
}

// The last complete picture in this browser tab: a failed live reload keeps showing it (marked as
// stale) instead of replacing a big-screen dashboard with an error page.
let lastGood: Lagebild | undefined;

export const load = (async ({ fetch, depends }) => {
  depends(LAGEBILD);
  // One day for all three requests, so a reload around midnight cannot mix two days.
  const stand = todayInSaxony();
  try {
    const [kpi, kommunen, verlauf] = await Promise.all([
      getJson<KpiSnapshot>(fetch, `/api/kpi?stand=${stand}`),
      getJson<KommuneSummary[]>(fetch, `/api/kommunen?stand=${stand}`),
      getJson<KpiPoint[]>(fetch, `/api/kpi/verlauf?bis=${stand}`),
    ]);
    const lagebild: Lagebild = { kpi, kommunen, verlauf };
    if (browser) lastGood = lagebild;
    return { ...lagebild, veraltet: false };
  } catch (failure) {
    if (browser && lastGood) return { ...lastGood, veraltet: true };
    throw failure;
  }
}) satisfies PageLoad;
