import { todayInSaxony, type KommuneSummary, type Me } from '@asskomm/domain';
import { getJson } from '$lib/api';
import { ladeLagebild } from '$lib/overview/lagebild';
import { leseAnsicht } from '$lib/overview/view';

const PRUEFADRESSE = /^https?:\/\/[\w.:[\]-]+\/bericht\/pruefen\/[a-z0-9]{10}$/;

interface BerichtAnfrage {
  fetch: typeof globalThis.fetch;
  parent: () => Promise<{ me: Me | null }>;
  url: URL;
}

/**
 * The Lagebericht of a view (/bericht and its print version /bericht/druck): the overview's
 * figures, plus the Kommunen on the comparison day.
 */
export async function ladeBericht({ fetch, parent, url }: BerichtAnfrage) {
  const { me } = await parent();
  const heute = todayInSaxony();
  const { ansicht, hinweise } = leseAnsicht(url.searchParams, heute, me?.scope ?? { kind: 'public' });
  const [lagebild, kommunenVorher] = await Promise.all([
    ladeLagebild(fetch, ansicht, heute, me),
    getJson<KommuneSummary[]>(fetch, `/api/kommunen?stand=${ansicht.seit}`),
  ]);
  // Set by the server when it prints this page as a PDF it records (GET /api/bericht); only its own form is shown.
  const pruefadresse = url.searchParams.get('pruefadresse');
  return {
    ...lagebild,
    kommunenVorher,
    ansicht,
    heute,
    hinweise,
    erstellt: new Date().toISOString(),
    pruefadresse: pruefadresse && PRUEFADRESSE.test(pruefadresse) ? pruefadresse : null,
  };
}

export type BerichtDaten = Awaited<ReturnType<typeof ladeBericht>> & { me: Me | null };
