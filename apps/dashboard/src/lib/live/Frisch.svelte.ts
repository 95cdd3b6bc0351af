import { SvelteSet } from 'svelte/reactivity';

const DAUER_MS = 4000;

/** Keys of entries that just arrived live, each for a few seconds: the view highlights them briefly. */
export class Frisch<K> {
  #keys = new SvelteSet<K>();

  markieren(key: K): void {
    this.#keys.add(key);
    setTimeout(() => this.#keys.delete(key), DAUER_MS);
  }

  has(key: K): boolean {
    return this.#keys.has(key);
  }
}
