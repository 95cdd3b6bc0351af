import type { KpiSnapshot } from '@asskomm/domain';
import { kommuneName } from '$lib/kommune/kommune-name';
import { live } from '$lib/live/live.svelte';

/** A new member, as the stage celebrates it: „55. Mitglied: Wilsdruff“. */
export interface Feier {
  nummer: number;
  name: string;
  ags: string;
}

/** How long the banner stays. */
const DAUER_MS = 8000;

/**
 * Celebrates every Kooperationsvereinbarung recorded while a screen is open: its number is the
 * member count right after it (fetched fresh, the event carries none), its name from the AGS.
 */
class Feiern {
  aktuell = $state.raw<Feier>();
  #ende: ReturnType<typeof setTimeout> | undefined;

  /** Listens while a screen shows the presentation (call in an effect; returns the stop function). */
  start(): () => void {
    const stop = live.subscribe((event) => {
      if (event?.type !== 'meilenstein:recorded' || !event.ags) return;
      if (event.after?.kind !== 'kooperationsvereinbarung') return;
      void this.#feiere(event.ags);
    });
    return () => {
      stop();
      clearTimeout(this.#ende);
      this.aktuell = undefined;
    };
  }

  async #feiere(ags: string): Promise<void> {
    let kpi: KpiSnapshot;
    try {
      const response = await fetch('/api/kpi', { credentials: 'omit', cache: 'no-store' });
      if (!response.ok) return;
      kpi = (await response.json()) as KpiSnapshot;
    } catch {
      return;
    }
    this.aktuell = { nummer: kpi.mitglieder, name: kommuneName(ags), ags };
    clearTimeout(this.#ende);
    this.#ende = setTimeout(() => (this.aktuell = undefined), DAUER_MS);
  }
}

export const feier = new Feiern();
