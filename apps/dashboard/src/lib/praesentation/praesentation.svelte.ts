import { untrack } from 'svelte';
import { replaceState } from '$app/navigation';
import type { ApiError, PraesentationStand, Szene } from '@asskomm/domain';
import type { Sent } from '$lib/api';
import { live } from '$lib/live/live.svelte';

// The last state this browser saw, so a reload while the venue network is down shows the same scene.
const STAND_SPEICHER = 'asskomm:praesentation:stand';
// A kiosk screen keeps its token: a reload (or a restart of the browser) must not need the link again.
const KIOSK_SPEICHER = 'asskomm:praesentation:kiosk';

function lies<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

function schreib(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or a full storage: the screen still works, a reload just needs the network.
  }
}

/**
 * Where the Fachtag presentation stands, as every screen (presenter, kiosk, audience) follows it:
 * loaded from the server, then kept current by `praesentation:stand` over the live socket. States
 * arrive from several nodes and requests, so one older than the state shown is dropped.
 */
class Praesentation {
  stand = $state.raw<PraesentationStand>();
  /** When this screen last knew the state to be current (the „Stand hh:mm“ while offline). */
  zuletztAktualisiert = $state<Date>();
  /** The token of a kiosk link this screen was opened with, if any. */
  kioskToken = $state<string | null>(null);
  /** Why the last attempt to move the presentation failed (German), or ''. */
  fehler = $state('');

  /** True while the live connection is up: what is shown is what the presenter shows. */
  get online(): boolean {
    return live.status === 'live';
  }

  /**
   * Follows the presentation from now on (call in an effect; returns the stop function). `anfang`
   * is what the page's load got, if anything; the state kept in this browser wins when it is newer.
   */
  start(anfang?: PraesentationStand | null): () => void {
    // Reads the state it writes: the calling effect must not depend on it (it would run again and again).
    untrack(() => {
      this.kioskToken = lies<string>(KIOSK_SPEICHER);
      const gespeichert = lies<PraesentationStand>(STAND_SPEICHER);
      if (gespeichert) this.#uebernimm(gespeichert, false);
      if (anfang) this.#uebernimm(anfang, true);
    });
    const stops = [
      live.listen('praesentation:stand', (stand) => this.#uebernimm(stand, true)),
      // After a reconnect the socket missed what happened meanwhile: ask once.
      live.onConnect(() => void this.laden()),
    ];
    return () => stops.forEach((stop) => stop());
  }

  /** Asks the server where the presentation stands; keeps the last state when it cannot be reached. */
  async laden(): Promise<void> {
    try {
      const response = await fetch('/api/praesentation', { credentials: 'omit', cache: 'no-store' });
      if (response.ok) this.#uebernimm((await response.json()) as PraesentationStand, true);
    } catch {
      // Offline: the screen keeps its last state and says since when.
    }
  }

  /**
   * Takes `?kiosk=<token>` from the address: kept in this browser, removed from the visible URL
   * (a token on a projected screen or in a screenshot would let anyone step the talk).
   */
  kioskAusAdresse(url: URL): void {
    const token = url.searchParams.get('kiosk');
    if (!token) return;
    this.kioskToken = token;
    schreib(KIOSK_SPEICHER, token);
    const ohne = new URL(url);
    ohne.searchParams.delete('kiosk');
    // The page's own address, only without the token.
    // eslint-disable-next-line svelte/no-navigation-without-resolve
    replaceState(ohne, {});
  }

  /** Forgets the kiosk token of this screen. */
  kioskVergessen(): void {
    this.kioskToken = null;
    schreib(KIOSK_SPEICHER, null);
  }

  /** Moves the presentation (presenter or kiosk); every screen follows by the socket. */
  async setzen(szene: Szene, stand: string | null): Promise<Sent<PraesentationStand>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.kioskToken) headers.authorization = `Kiosk ${this.kioskToken}`;
    let response: Response;
    try {
      response = await fetch('/api/praesentation', {
        method: 'PUT',
        headers,
        body: JSON.stringify({ szene, stand }),
        credentials: 'same-origin',
      });
    } catch {
      this.fehler = 'Keine Verbindung zum Server: Die Präsentation bleibt, wo sie ist.';
      return { ok: false, status: 0, error: this.fehler };
    }
    const body = (await response.json().catch(() => null)) as PraesentationStand | ApiError | null;
    if (response.ok && body && 'szene' in body) {
      this.fehler = '';
      this.#uebernimm(body, true);
      return { ok: true, status: response.status, data: body };
    }
    const error = (body && 'error' in body && body.error) || `Die Anfrage ist fehlgeschlagen (${response.status}).`;
    // A revoked link stays revoked: this screen follows from now on, like the audience.
    if (response.status === 401 && this.kioskToken) this.kioskVergessen();
    this.fehler = error;
    return { ok: false, status: response.status, error };
  }

  #uebernimm(stand: PraesentationStand, aktuell: boolean): void {
    if (this.stand && stand.version < this.stand.version) return;
    this.stand = stand;
    if (aktuell) {
      this.zuletztAktualisiert = new Date();
      schreib(STAND_SPEICHER, stand);
    }
  }
}

export const praesentation = new Praesentation();
