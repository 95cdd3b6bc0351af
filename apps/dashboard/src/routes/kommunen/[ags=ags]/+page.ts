import type {
  Ansprechpartner,
  OeffentlicherAnsprechpartner,
  VisibleEvent,
  WiedervorlageZeile,
  KommuneDetail,
  KommuneSummary,
  KommentarThread,
  OeffentlicheKommuneDetail,
} from '@asskomm/domain';
import { getJson, KOMMUNE } from '$lib/api';
import { effectiveRole } from '$lib/session/session';
import { standAus } from '$lib/ui/stand';
import type { PageLoad } from './$types';

/** Entries of the change history per page („Ältere laden“ asks for the next). */
const VERLAUF_LIMIT = 50;

/** Comments and history are additions: when they fail, the page still shows the Kommune (and says so). */
const zusaetzlich = <T>(laden: Promise<T>): Promise<T | null> => laden.catch(() => null);

export const load = (async ({ fetch, depends, params, url, parent }) => {
  depends(KOMMUNE);
  const { stand, heute, gewaehlt } = standAus(url);
  const { me } = await parent();
  // Comments and next steps are for signed-in users only (not for an admin's public view); the public gets a 401 there.
  const mitKommentaren = me !== null && effectiveRole(me).role !== 'public';
  const [kommune, kommunen, kommentare, verlauf, ansprechpartner, wiedervorlagen] = await Promise.all([
    getJson<KommuneDetail | OeffentlicheKommuneDetail>(fetch, `/api/kommunen/${params.ags}?stand=${stand}`),
    // The signing form picks further Kommunen signing together from this list (editors, today only).
    me?.canEdit && !gewaehlt ? getJson<KommuneSummary[]>(fetch, `/api/kommunen?stand=${heute}`) : null,
    mitKommentaren ? zusaetzlich(getJson<KommentarThread>(fetch, `/api/kommunen/${params.ags}/kommentare`)) : null,
    zusaetzlich(getJson<VisibleEvent[]>(fetch, `/api/kommunen/${params.ags}/verlauf?limit=${VERLAUF_LIMIT}`)),
    // Contacts are as of now (a past `stand` shows them too: who to call does not go back in time).
    zusaetzlich(
      getJson<(Ansprechpartner | OeffentlicherAnsprechpartner)[]>(fetch, `/api/kommunen/${params.ags}/ansprechpartner`),
    ),
    mitKommentaren ? zusaetzlich(getJson<WiedervorlageZeile[]>(fetch, `/api/wiedervorlagen?ags=${params.ags}`)) : null,
  ]);
  return {
    kommune,
    kommunen,
    mitKommentaren,
    kommentare,
    verlauf,
    verlaufLimit: VERLAUF_LIMIT,
    ansprechpartner,
    wiedervorlagen,
    stand,
    heute,
    standGewaehlt: gewaehlt,
  };
}) satisfies PageLoad;
