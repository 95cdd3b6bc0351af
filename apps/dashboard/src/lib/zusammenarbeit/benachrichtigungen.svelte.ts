import type { Benachrichtigung, BenachrichtigungListe } from '@asskomm/domain';
import { sendJson } from '$lib/api';
import { kommuneName } from '$lib/kommune/kommune-name';
import { live } from '$lib/live/live.svelte';

/** The signed-in user's notifications (being @mentioned), kept up to date over the live socket. */
class Benachrichtigungen {
  eintraege = $state<Benachrichtigung[]>([]);
  ungelesen = $state(0);
  fehler = $state('');
  /** The last new notification in words, for the screen-reader announcement. */
  meldung = $state('');

  /** Loads the list on every (re)connect and takes new ones live; returns the stop function. */
  start(): () => void {
    const stops = [
      // Also after a reconnect: notifications created meanwhile were not pushed to this tab.
      live.onConnect(() => void this.laden()),
      live.listen('benachrichtigung:created', (neu) => this.#hinzu(neu)),
    ];
    return () => {
      for (const stop of stops) stop();
      this.eintraege = [];
      this.ungelesen = 0;
      this.fehler = '';
      this.meldung = '';
    };
  }

  async laden(): Promise<void> {
    try {
      const response = await fetch('/api/benachrichtigungen', { headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(String(response.status));
      const liste = (await response.json()) as BenachrichtigungListe;
      this.eintraege = liste.eintraege;
      this.ungelesen = liste.ungelesen;
      this.fehler = '';
    } catch {
      this.fehler = 'Die Benachrichtigungen konnten nicht geladen werden.';
    }
  }

  /** Marks the given notifications as read, or all when none are given. */
  async gelesen(ids?: number[]): Promise<void> {
    const result = await sendJson<{ ungelesen: number }>('POST', '/api/benachrichtigungen/gelesen', ids ? { ids } : {});
    if (!result.ok) {
      this.fehler = result.error;
      return;
    }
    this.fehler = '';
    this.ungelesen = result.data.ungelesen;
    this.eintraege = this.eintraege.map((e) => (!ids || ids.includes(e.id) ? { ...e, gelesen: true } : e));
  }

  #hinzu(neu: Benachrichtigung): void {
    // The list loaded on a reconnect may hold it already.
    if (this.eintraege.some((e) => e.id === neu.id)) return;
    this.eintraege = [neu, ...this.eintraege];
    if (!neu.gelesen) this.ungelesen += 1;
    this.meldung = `Neue Benachrichtigung: ${neu.von ?? 'Jemand'} hat Sie bei ${kommuneName(neu.ags)} erwähnt.`;
  }
}

export const benachrichtigungen = new Benachrichtigungen();
