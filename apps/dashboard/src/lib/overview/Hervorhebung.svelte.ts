/** How long a live change stays highlighted. */
export const HERVORHEBUNG_MS = 2000;

/**
 * What a live update changed, held for a moment so the view can highlight it (the map's Gemeinde,
 * a KPI tile, a table row). A newer update replaces it; `ende()` drops it early, e.g. when the
 * user moves to another view and the comparison would no longer hold.
 */
export class Hervorhebung<T> {
  wert = $state.raw<T | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;

  zeige(wert: T): void {
    clearTimeout(this.#timer);
    this.wert = wert;
    this.#timer = setTimeout(() => this.ende(), HERVORHEBUNG_MS);
  }

  ende(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.wert = null;
  }
}
