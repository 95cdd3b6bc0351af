import { invalidateAll } from '$app/navigation';
import type { Sent } from '$lib/api';
import { konfliktAus, type Konflikt } from './conflict';
import { Formular, type Abgelehnt } from './Formular.svelte';

/** Sends the change with a version; after a 409 also gets the record as it is now (`aktuell`). */
type Send = (version: number, aktuell?: unknown) => Promise<Sent<unknown>>;

/**
 * A form's change to a versioned record: on top of the `Formular`, a 409 is a conflict the user
 * resolves by re-applying the same change with the current version or discarding it; a saved change
 * reloads the page data.
 */
export class Befehl<F extends string> extends Formular<F> {
  konflikt = $state<Konflikt | null>(null);
  #pending: { send: Send; erfolg: string } | null = null;
  readonly #nachErfolg: () => void;

  /**
   * `nachErfolg` runs after a saved change (e.g. clear the form); the page data is reloaded anyway.
   * `alias` as for `Formular`.
   */
  constructor(
    fields: readonly F[],
    nachErfolg: () => void = () => {},
    alias: (field: string) => F | undefined = () => undefined,
  ) {
    super(fields, alias);
    this.#nachErfolg = nachErfolg;
  }

  override reset(): void {
    super.reset();
    this.konflikt = null;
    this.#pending = null;
  }

  /** Sends the change based on `version` (the one the user saw); true once it is saved. */
  async run(send: Send, version: number, erfolg: string): Promise<boolean> {
    if (this.busy) return false;
    this.reset();
    this.#pending = { send, erfolg };
    return this.#send(version);
  }

  /** „Meilenstein erneut anwenden“: the same change on top of what is there now. */
  async erneut(): Promise<boolean> {
    if (!this.konflikt || !this.#pending) return false;
    const { version, aktuell } = this.konflikt;
    this.konflikt = null;
    return this.#send(version, aktuell);
  }

  /** „Verwerfen“: forget the change and show the current data. */
  async verwerfen(): Promise<void> {
    this.reset();
    this.#nachErfolg();
    await invalidateAll();
  }

  protected override abgelehnt(result: Abgelehnt): void {
    const konflikt = konfliktAus(result);
    if (konflikt) this.konflikt = konflikt;
    else super.abgelehnt(result);
  }

  async #send(version: number, aktuell?: unknown): Promise<boolean> {
    const pending = this.#pending;
    if (!pending) return false;
    const result = await this.schicke(() => pending.send(version, aktuell));
    if (!result.ok) return false;
    this.#pending = null;
    this.erfolg = pending.erfolg;
    this.#nachErfolg();
    await invalidateAll();
    return true;
  }
}
