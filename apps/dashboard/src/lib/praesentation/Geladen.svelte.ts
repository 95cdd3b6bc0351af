import { live } from '$lib/live/live.svelte';
import { praesentation } from './praesentation.svelte';

/*
 * The scenes show public figures only, also on a signed-in presenter's screen: what is projected
 * (or opened on a phone) never shows more than the public may see — except what the LPR allowed a
 * kiosk link to show. The requests go without the session cookie, which also lets the service
 * worker keep their answers for a reload offline.
 */
// Not reactive on purpose: `aenderungen` tells the scenes when to load again.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const antworten = new Map<string, Promise<unknown>>();
/** Grows with every committed change; the scenes then load their figures again. */
let aenderungen = $state(0);
let folgende = 0;
let stopLive: (() => void) | undefined;

async function hole<T>(pfad: string): Promise<T> {
  // A kiosk screen may show what its link allows beyond the public figures; phones never have a token.
  const token = praesentation.kioskToken;
  const response = await fetch(pfad, {
    credentials: 'omit',
    headers: token ? { authorization: `Kiosk ${token}` } : {},
  });
  if (!response.ok) throw new Error(`${pfad}: ${response.status}`);
  return (await response.json()) as T;
}

/** A public API answer, kept in this tab until the next committed change. */
export function lade<T>(pfad: string): Promise<T> {
  let antwort = antworten.get(pfad) as Promise<T> | undefined;
  if (!antwort) {
    antwort = hole<T>(pfad);
    antworten.set(pfad, antwort);
    antwort.catch(() => antworten.delete(pfad));
  }
  return antwort;
}

/** Follows committed changes while any scene is on screen (one subscription for all of them). */
function folgen(): () => void {
  folgende += 1;
  stopLive ??= live.subscribe((event) => {
    if (event?.type === 'kommentar:created') return;
    // A change may be back-dated: no kept answer is certain any more.
    antworten.clear();
    aenderungen += 1;
  });
  return () => {
    folgende -= 1;
    if (folgende > 0) return;
    stopLive?.();
    stopLive = undefined;
  };
}

/**
 * A public answer for a scene, loaded again after every committed change. Create it while a
 * component initialises. A failed load keeps the last answer: a screen on stage never goes blank
 * because the venue network dropped.
 */
export class Geladen<T> {
  wert = $state.raw<T>();
  fehler = $state(false);

  constructor(pfad: () => string) {
    $effect(folgen);
    $effect(() => {
      const ziel = pfad();
      void aenderungen;
      let gilt = true;
      lade<T>(ziel).then(
        (wert) => {
          if (!gilt) return;
          this.wert = wert;
          this.fehler = false;
        },
        () => gilt && (this.fehler = true),
      );
      return () => (gilt = false);
    });
  }
}
