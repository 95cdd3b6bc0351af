import { fieldMessage, type Sent } from '$lib/api';

/** A refused request, as `sendJson` returns it. */
export type Abgelehnt = Extract<Sent<unknown>, { ok: false }>;

/**
 * One form's request with the API's answer spread out for the UI: busy while it is under way, field
 * messages (400/422) next to their fields, anything else as the form's alert, and a success message.
 * `Befehl` adds the version and the conflict (409) of a change to a record.
 */
export class Formular<F extends string> {
  busy = $state(false);
  fehler = $state<Partial<Record<F, string>>>({});
  allgemein = $state('');
  erfolg = $state('');
  readonly #fields: readonly F[];
  readonly #alias: (field: string) => F | undefined;

  /** `alias` maps other field names of the API (e.g. `auszahlungen.0.datum`) to one of the form's. */
  constructor(fields: readonly F[], alias: (field: string) => F | undefined = () => undefined) {
    this.#fields = fields;
    this.#alias = alias;
  }

  reset(): void {
    this.fehler = {};
    this.allgemein = '';
    this.erfolg = '';
  }

  /**
   * Sends the request unless one is under way (then null). `danach` gets the answer's data and runs
   * while the form is still busy, so the reload or navigation it starts cannot be sent twice.
   */
  async senden<T>(send: () => Promise<Sent<T>>, danach?: (data: T) => unknown): Promise<Sent<T> | null> {
    if (this.busy) return null;
    this.reset();
    return this.schicke(send, danach);
  }

  /** One request with the form busy; a refusal lands on the form through `abgelehnt`. */
  protected async schicke<T>(send: () => Promise<Sent<T>>, danach?: (data: T) => unknown): Promise<Sent<T>> {
    this.busy = true;
    const result = await send();
    if (result.ok) await danach?.(result.data);
    else this.abgelehnt(result);
    this.busy = false;
    return result;
  }

  /** The message next to the field it names, with a pointer to it in the alert; otherwise the alert. */
  protected abgelehnt(result: Abgelehnt): void {
    const field =
      this.#fields.find((f) => f === result.field) ?? (result.field ? this.#alias(result.field) : undefined);
    if (field) {
      this.fehler = { [field]: fieldMessage(result.error) } as Partial<Record<F, string>>;
      this.allgemein = 'Bitte prüfen Sie die markierte Angabe.';
    } else {
      this.allgemein = result.error;
    }
  }
}
