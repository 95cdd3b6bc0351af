import { browser } from '$app/environment';

/** A scene on the projected stage (1920×1080 up to 4K) or on a phone of the audience. */
export type Groesse = 'buehne' | 'handy';

/**
 * The charts' font size in px: on stage it grows with the page's rem (which grows with the
 * projector), on a phone Chart.js's default stays.
 */
export function diagrammSchrift(size: Groesse): number | undefined {
  if (!browser || size !== 'buehne') return undefined;
  return Math.round(0.9 * parseFloat(getComputedStyle(document.documentElement).fontSize));
}
