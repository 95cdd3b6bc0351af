import { browser } from '$app/environment';
import type { FoerderungUebersicht, KommuneSummary, KpiPoint, KpiSnapshot, Me } from '@asskomm/domain';
import { getJson } from '$lib/api';
import type { Ansicht } from './view';

/** Everything the overview shows for one view. */
export interface Lagebild {
  kpi: KpiSnapshot;
  /** The same figures on the comparison day `seit`. */
  vorher: KpiSnapshot;
  /** Every Kommune of the caller's scope as of `stand` (the API has no area filter here). */
  kommunen: KommuneSummary[];
  /** Month ends up to today; the page cuts it at `stand`, so moving in time needs no request. */
  verlauf: KpiPoint[];
  foerderung: FoerderungUebersicht;
}

/*
 * Answers for a day are kept in this browser tab, so going back to a date, pausing the playback
 * or a second look at a Fachtag redraws without a request. A live event clears them (a change can
 * be back-dated), and so does another user or view (answers depend on the caller's scope). Never
 * on the server: there the module is shared by all users.
 */
const MAX_EINTRAEGE = 600;
const antworten = new Map<string, Promise<unknown>>();
let antwortenVon = '';

function cached<T>(fetch: typeof globalThis.fetch, path: string): Promise<T> {
  if (!browser) return getJson<T>(fetch, path);
  let answer = antworten.get(path) as Promise<T> | undefined;
  if (!answer) {
    answer = getJson<T>(fetch, path);
    antworten.set(path, answer);
    answer.catch(() => antworten.delete(path));
    // A Map iterates in insertion order: drop the oldest answer.
    if (antworten.size > MAX_EINTRAEGE) antworten.delete(antworten.keys().next().value ?? '');
  }
  return answer;
}

/** Forgets every kept answer; after a live event the next view asks the server again. */
export function vergiss(): void {
  antworten.clear();
}

/** Who asks, as far as the answers differ. */
function wer(me: Me | null): string {
  return me ? `${me.benutzer.id}:${JSON.stringify(me.scope)}:${JSON.stringify(me.ansicht)}` : 'oeffentlich';
}

function gebiet(ansicht: Pick<Ansicht, 'pd' | 'kreis'>): string {
  return `${ansicht.pd ? `&pd=${ansicht.pd}` : ''}${ansicht.kreis ? `&kreis=${ansicht.kreis}` : ''}`;
}

/** Loads (or takes from this tab) everything for a view. */
export async function ladeLagebild(
  fetch: typeof globalThis.fetch,
  ansicht: Omit<Ansicht, 'heute'>,
  heute: string,
  me: Me | null,
): Promise<Lagebild> {
  if (wer(me) !== antwortenVon) {
    vergiss();
    antwortenVon = wer(me);
  }
  const bereich = gebiet(ansicht);
  const [kpi, vorher, kommunen, verlauf, foerderung] = await Promise.all([
    cached<KpiSnapshot>(fetch, `/api/kpi?stand=${ansicht.stand}${bereich}`),
    cached<KpiSnapshot>(fetch, `/api/kpi?stand=${ansicht.seit}${bereich}`),
    cached<KommuneSummary[]>(fetch, `/api/kommunen?stand=${ansicht.stand}`),
    cached<KpiPoint[]>(fetch, `/api/kpi/verlauf?bis=${heute}${bereich}`),
    cached<FoerderungUebersicht>(fetch, `/api/foerderung?stand=${ansicht.stand}${bereich}`),
  ]);
  return { kpi, vorher, kommunen, verlauf, foerderung };
}

/** The growth curve as of `stand`: the month ends before it, then the day itself. */
export function verlaufBis(verlauf: readonly KpiPoint[], kpi: KpiSnapshot): KpiPoint[] {
  const { stand, beraten, mitglieder, mitgliedGemeinden, kpr, koordinierungsstellen } = kpi;
  const { sicherheitsanalysenBegonnen, sicherheitsanalysenAbgeschlossen } = kpi;
  const counts: KpiPoint = {
    stand,
    beraten,
    mitglieder,
    mitgliedGemeinden,
    kpr,
    koordinierungsstellen,
    sicherheitsanalysenBegonnen,
    sicherheitsanalysenAbgeschlossen,
  };
  return [...verlauf.filter((p) => p.stand < kpi.stand), counts];
}
