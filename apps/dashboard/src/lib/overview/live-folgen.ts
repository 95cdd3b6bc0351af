import type { VisibleEvent } from '@asskomm/domain';

/** Comments change nothing the overview shows; any other event, or a resync (null), may. */
export function betrifftUebersicht(event: VisibleEvent | null): boolean {
  return event?.type !== 'kommentar:created';
}

/**
 * What to outline after a reload for a burst of live events: the Kommunen they changed. Nothing
 * (null) when the view moved on meanwhile or no longer follows live changes, and after a reload
 * for (re)connecting, which has no event to point at.
 */
export function hervorzuheben(
  events: readonly VisibleEvent[],
  ansicht: { vorher: string; jetzt: string; folgtLive: boolean },
): ReadonlySet<string> | null {
  if (ansicht.jetzt !== ansicht.vorher || !ansicht.folgtLive || events.length === 0) return null;
  return new Set(events.flatMap((e) => (e.ags ? [e.ags] : [])));
}
