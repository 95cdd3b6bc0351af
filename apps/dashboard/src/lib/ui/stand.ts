import { goto } from '$app/navigation';
import { page } from '$app/state';
import type { ResolvedPathname } from '$app/types';
import { isIsoDate, todayInSaxony } from '@asskomm/domain';

/**
 * The `stand` of a page's URL, or today in Saxony. A malformed or future date falls back to today
 * instead of an error page: the date field then simply shows today.
 */
export function standAus(url: URL): { stand: string; heute: string; gewaehlt: boolean } {
  const heute = todayInSaxony();
  const wert = url.searchParams.get('stand') ?? '';
  const gueltig = isIsoDate(wert) && wert <= heute;
  return { stand: gueltig ? wert : heute, heute, gewaehlt: gueltig };
}

/**
 * The query of the current URL with some parameters changed („?…“ or „“); empty values are
 * dropped so URLs stay short and shareable.
 */
function mitParametern(url: URL, changes: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams(url.searchParams);
  for (const [key, value] of Object.entries(changes)) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** A resolved path with a query („?…“ or „“) appended; still a path of this app. */
export function mitAbfrage(pfad: ResolvedPathname, abfrage: string): ResolvedPathname {
  return `${pfad}${abfrage}` as ResolvedPathname;
}

/**
 * Shows this page with some query parameters changed (a filter, a date): the URL is what the page
 * shows and can be shared, so it replaces the history entry and keeps focus and scroll position.
 */
export function setzeAbfrage(
  pfad: ResolvedPathname,
  changes: Record<string, string | null | undefined>,
): Promise<void> {
  // The path is resolve()d by the caller; the rule cannot see through the appended query.
  // eslint-disable-next-line svelte/no-navigation-without-resolve
  return goto(mitAbfrage(pfad, mitParametern(page.url, changes)), {
    keepFocus: true,
    noScroll: true,
    replaceState: true,
  });
}
