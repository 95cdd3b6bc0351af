import { invalidateAll } from '$app/navigation';
import { fieldMessage, type Sent } from '$lib/api';
import { konfliktAus, type Konflikt } from './conflict';

/** Sends the change with a version; after a 409 also gets the record as it is now (`aktuell`). */
type Send = (version: number, aktuell?: unknown) => Promise<Sent<unknown>>;

/**
 * One form's state-changing request with the API's answers spread out for the UI: field messages
 * (400/422) next to their fields, a 409 as a conflict the user resolves by re-applying the same
 * change with the current version or discarding it, anything else as the form's alert.
 */
export class Befehl<F extends string> {
  busy = $state(false);
  fehler = $state<Partial<Record<F, string>>>({});
  allgemein = $state('');
  erfolg = $state('');
  konflikt = $state<Konflikt | null>(null);
  #pending: { send: Send; erfolg: string } | null = null;
  readonly #fields: readonly F[];
  readonly #nachErfolg: () => void;
  readonly #alias: (field: string) => F | undefined;

  /**
   * `nachErfolg` runs after a saved change (e.g. clear the form); the page data is reloaded anyway.
   * `alias` maps other field names of the API (e.g. `auszahlungen.0.datum`) to one of the form's.
   */
  constructor(
    fields: readonly F[],
    nachErfolg: () => void = () => {},
    alias: (field: string) => F | undefined = () => undefined,
  ) {
    this.#fields = fields;
    this.#nachErfolg = nachErfolg;
    this.#alias = alias;
  }

  reset(): void {
    this.fehler = {};
    this.allgemein = '';
    this.erfolg = '';
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

  async #send(version: number, aktuell?: unknown): Promise<boolean> {
    const pending = this.#pending;
    if (!pending) return false;
    this.busy = true;
    const result = await pending.send(version, aktuell);
    this.busy = false;
    if (result.ok) {
      this.#pending = null;
      this.erfolg = pending.erfolg;
      this.#nachErfolg();
      await invalidateAll();
      return true;
    }
    const konflikt = konfliktAus(result);
    if (konflikt) {
      this.konflikt = konflikt;
      return false;
    }
    const field =
      this.#fields.find((f) => f === result.field) ?? (result.field ? this.#alias(result.field) : undefined);
    if (field) {
      this.fehler = { [field]: fieldMessage(result.error) } as Partial<Record<F, string>>;
      this.allgemein = 'Bitte prüfen Sie die markierte Angabe.';
    } else {
      this.allgemein = result.error;
    }
    return false;
  }
}
