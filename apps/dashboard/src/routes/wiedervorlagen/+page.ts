import type { StocktSchwellen, StocktZeile, WiedervorlageZeile } from '@asskomm/domain';
import { getJson, WIEDERVORLAGEN } from '$lib/api';
import type { PageLoad } from './$types';

/** „Meine“ or everything in the user's area; open, done or all. Unknown values fall back to the default. */
function auswahlAus(url: URL): { zustaendig: 'ich' | 'alle'; erledigt: 'nein' | 'ja' | 'alle' } {
  const zustaendig = url.searchParams.get('zustaendig') === 'alle' ? 'alle' : 'ich';
  const wert = url.searchParams.get('erledigt');
  return { zustaendig, erledigt: wert === 'ja' || wert === 'alle' ? wert : 'nein' };
}

// Staff only: visitors are sent to the login (the API answers them 401). „Stockt“ is of the whole scope.
export const load = (async ({ fetch, depends, url }) => {
  depends(WIEDERVORLAGEN);
  const auswahl = auswahlAus(url);
  const abfrage = new URLSearchParams({ zustaendig: auswahl.zustaendig });
  if (auswahl.erledigt !== 'alle') abfrage.set('erledigt', auswahl.erledigt);
  const [zeilen, stockt, schwellen] = await Promise.all([
    getJson<WiedervorlageZeile[]>(fetch, `/api/wiedervorlagen?${abfrage}`, { loginFor: url }),
    getJson<StocktZeile[]>(fetch, '/api/stockt', { loginFor: url }),
    getJson<StocktSchwellen>(fetch, '/api/stockt/schwellen', { loginFor: url }),
  ]);
  return { auswahl, abfrage: abfrage.toString(), zeilen, stockt, schwellen };
}) satisfies PageLoad;
