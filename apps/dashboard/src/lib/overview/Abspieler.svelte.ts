import { monthEnds, PROGRAMME_START } from '@asskomm/domain';
import { formatDate } from '$lib/ui/format';
import type { Lagebild } from './lagebild';

/** Time per month on screen. */
const SCHRITT_MS = 150;
/** Months loaded ahead, so a step rarely waits for the network. */
const VORAUS = 4;

export interface Bild {
  stand: string;
  lagebild: Lagebild;
}

/**
 * Plays the history month by month, from the first month end of the programme to today. Each
 * frame is drawn from data in this tab; the URL changes only when the playback stops (pause or
 * end), not per frame. The frames change figures and colours only, without animation effects,
 * so `prefers-reduced-motion` needs nothing more than the global CSS that switches transitions off.
 */
export class Abspieler {
  /** The frame on screen while playing or paused; undefined when the page shows its own data. */
  bild = $state.raw<Bild>();
  spielt = $state(false);
  fehler = $state('');
  /** The day the playback was paused at (the button then says „Fortsetzen“). */
  angehaltenBei = $state<string>();
  /** Said once per pause or end, not per frame. */
  meldung = $state('');

  #staende: string[] = [];
  #index = 0;
  // A pause and a quick restart must not leave two loops running: only the newest one steps.
  #lauf = 0;

  constructor(
    private readonly lade: (stand: string) => Promise<Lagebild>,
    private readonly angehalten: (stand: string) => void,
  ) {}

  /** Starts (or continues) at the month after `stand`, or from the beginning when `stand` is today. */
  start(stand: string, heute: string): void {
    this.#staende = [...monthEnds(PROGRAMME_START, heute).filter((d) => d < heute), heute];
    const weiter = this.#staende.findIndex((d) => d > stand);
    this.#index = weiter === -1 ? 0 : weiter;
    this.fehler = '';
    this.meldung = '';
    this.angehaltenBei = undefined;
    this.spielt = true;
    void this.#laufe(++this.#lauf);
  }

  /** Pauses; the page writes the frame's day to the URL. */
  anhalten(): void {
    if (!this.spielt) return;
    this.spielt = false;
    const stand = this.bild?.stand;
    if (!stand) return;
    const ende = stand === this.#staende.at(-1);
    this.angehaltenBei = ende ? undefined : stand;
    this.meldung = ende
      ? 'Wiedergabe beendet beim heutigen Stand.'
      : `Wiedergabe angehalten beim Stand ${formatDate(stand)}.`;
    this.angehalten(stand);
  }

  /** Back to the page's own data (after the URL caught up, or when the view changes otherwise). */
  beenden(): void {
    this.spielt = false;
    this.#lauf += 1;
    this.bild = undefined;
  }

  async #laufe(lauf: number): Promise<void> {
    while (this.spielt && lauf === this.#lauf && this.#index < this.#staende.length) {
      const beginn = performance.now();
      for (const stand of this.#staende.slice(this.#index + 1, this.#index + 1 + VORAUS)) {
        this.lade(stand).catch(() => undefined);
      }
      const stand = this.#staende[this.#index] ?? '';
      let lagebild: Lagebild;
      try {
        lagebild = await this.lade(stand);
      } catch {
        this.fehler = 'Die Wiedergabe wurde angehalten: Daten konnten nicht geladen werden.';
        this.anhalten();
        return;
      }
      if (!this.spielt || lauf !== this.#lauf) return;
      this.bild = { stand, lagebild };
      this.#index += 1;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, SCHRITT_MS - (performance.now() - beginn))));
    }
    if (this.spielt && lauf === this.#lauf) this.anhalten();
  }
}
