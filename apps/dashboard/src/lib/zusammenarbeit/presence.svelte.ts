import { SvelteMap } from 'svelte/reactivity';
import type { PolizeidirektionId, PresenceEntry, PresenceState, Role } from '@asskomm/domain';
import { live } from '$lib/live/live.svelte';

/**
 * How often the whole list is asked for again: entries of a server node that crashed are not
 * announced as gone, the server drops them only when it next compiles the list.
 */
const REFRESH_MS = 30_000;

/** Someone else who is online, with every place one of their tabs is at. */
export interface Anwesende {
  benutzerId: number;
  name: string;
  role: Role;
  polizeidirektion: PolizeidirektionId | null;
  orte: PresenceState[];
}

/**
 * Who else is in the app, and where this tab is. The layout starts it for signed-in users; the
 * Kommune page sets `editing` while one of its forms or dialogs is in use.
 */
class Presence {
  /** Set by the Kommune page while a form or dialog of it is open. */
  editing = $state(false);
  #entries = new SvelteMap<string, PresenceEntry>();
  #benutzerId = $state<number | null>(null);
  #own: PresenceState | null = null;

  /** The other users present, one per user, by name. */
  readonly andere: Anwesende[] = $derived.by(() => {
    const tabs = [...this.#entries.values()].filter((entry) => entry.benutzerId !== this.#benutzerId);
    const benutzerIds = [...new Set(tabs.map((entry) => entry.benutzerId))];
    return benutzerIds
      .map((id) => {
        const own = tabs.filter((entry) => entry.benutzerId === id);
        const { benutzerId, name, role, polizeidirektion } = own[0]!;
        const orte = [...new Set(own.map((entry) => entry.ags))].map((ags) => ({
          ags,
          editing: own.some((entry) => entry.ags === ags && entry.editing),
        }));
        return { benutzerId, name, role, polizeidirektion, orte };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'de-DE'));
  });

  /** Whoever else has this Kommune open; editing wins over viewing among a user's tabs. */
  auf(ags: string): { name: string; editing: boolean }[] {
    return this.andere.flatMap((person) => {
      const ort = person.orte.find((o) => o.ags === ags);
      return ort ? [{ name: person.name, editing: ort.editing }] : [];
    });
  }

  /** Takes part in presence as `userId`; returns the stop function. */
  start(benutzerId: number): () => void {
    this.#benutzerId = benutzerId;
    const stops = [
      live.onConnect(() => {
        // A new connection is a new entry on the server: announce this tab again.
        if (this.#own) live.emit('presence:set', this.#own);
        void this.#refresh();
      }),
      live.listen('presence:updated', (entry) => this.#entries.set(entry.id, entry)),
      live.listen('presence:gone', (id) => this.#entries.delete(id)),
    ];
    const timer = setInterval(() => void this.#refresh(), REFRESH_MS);
    return () => {
      clearInterval(timer);
      for (const stop of stops) stop();
      this.#entries.clear();
      this.#benutzerId = null;
      this.#own = null;
    };
  }

  /** Announces where this tab is, when that changed. */
  set(state: PresenceState): void {
    if (this.#own?.ags === state.ags && this.#own.editing === state.editing) return;
    this.#own = state;
    live.emit('presence:set', state);
  }

  async #refresh(): Promise<void> {
    try {
      const entries = await live.request('presence:list');
      this.#entries.clear();
      for (const entry of entries) this.#entries.set(entry.id, entry);
    } catch {
      // Keep what is shown; the next refresh or reconnect tries again.
    }
  }
}

export const presence = new Presence();
