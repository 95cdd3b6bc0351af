import { browser } from '$app/environment';
import { todayInSaxony } from '@asskomm/domain';
import { LAGEBILD } from '$lib/api';
import { ladeLagebild, type Lagebild } from '$lib/overview/lagebild';
import { leseAnsicht } from '$lib/overview/view';
import type { PageLoad } from './$types';

// The last complete picture in this browser tab and the URL it belongs to: a failed live reload
// keeps showing it (marked as stale) instead of replacing a big-screen dashboard with an error
// page. Another view never falls back to it, that would show the wrong day or area.
let lastGood: { url: string; lagebild: Lagebild } | undefined;

export const load = (async ({ fetch, depends, parent, url }) => {
  depends(LAGEBILD);
  const { me } = await parent();
  // One day for all requests, so a reload around midnight cannot mix two days.
  const heute = todayInSaxony();
  const { ansicht, hinweise } = leseAnsicht(url.searchParams, heute, me?.scope ?? { kind: 'public' });
  try {
    const lagebild = await ladeLagebild(fetch, ansicht, heute, me);
    if (browser) lastGood = { url: url.search, lagebild };
    return { ...lagebild, ansicht, heute, hinweise, veraltet: false };
  } catch (failure) {
    if (browser && lastGood?.url === url.search)
      return { ...lastGood.lagebild, ansicht, heute, hinweise, veraltet: true };
    throw failure;
  }
}) satisfies PageLoad;
