import type { VisibleEvent } from './events.ts';
import { REPLAY_LIMIT } from './protocol.ts';

export interface EventSequencerHooks {
  /** Applies one event; called strictly in seq order, never twice for the same seq. */
  apply(event: VisibleEvent): void;
  /** Asks the server for the scope's events after `seq` (`events:since`); rejects on failure. */
  fetchSince(seq: number): Promise<VisibleEvent[]>;
  /** The client is too far behind (or lost track): reload everything it shows. */
  reload(): void;
}

/**
 * Keeps a client in step with the server's event sequence (the client half of the protocol in
 * `ServerToClientEvents`). Events arrive with the seq of the previous event of the same scope; one
 * that does not follow the last applied one means something was missed, so the sequencer asks for
 * everything after the last applied number and applies that first. Reconnecting does the same.
 * Events that arrive while a catch-up runs wait, and duplicates are dropped.
 */
export class EventSequencer {
  #last: number | null = null;
  #pending: { event: VisibleEvent; prev: number }[] = [];
  #catchingUp = false;
  readonly #hooks: EventSequencerHooks;

  constructor(hooks: EventSequencerHooks) {
    this.#hooks = hooks;
  }

  /** The seq of the last event applied (or covered by a reload); null before the first `head`. */
  get lastApplied(): number | null {
    return this.#last;
  }

  /**
   * On every (re)connect the server names the newest seq of the scope. On the first connect that
   * is the start; the data shown was loaded before the socket existed, so it is reloaded once.
   * After a reconnect, what was missed is fetched.
   */
  head(seq: number): void {
    if (this.#last === null) {
      this.#last = seq;
      this.#pending = this.#pending.filter((p) => p.event.seq > seq);
      this.#hooks.reload();
      this.#drain();
    } else if (seq > this.#last) {
      void this.#catchUp();
    }
  }

  /** A pushed event. */
  receive(event: VisibleEvent, prev: number): void {
    if (this.#last === null || this.#catchingUp) {
      this.#pending.push({ event, prev });
      return;
    }
    if (event.seq <= this.#last) return;
    if (prev === this.#last) {
      this.#applyOne(event);
      return;
    }
    this.#pending.push({ event, prev });
    void this.#catchUp();
  }

  /** Forget the position (e.g. the scope changed): the next `head` starts afresh with a reload. */
  reset(): void {
    this.#last = null;
    this.#pending = [];
  }

  async #catchUp(): Promise<void> {
    if (this.#catchingUp || this.#last === null) return;
    this.#catchingUp = true;
    try {
      for (;;) {
        const from: number = this.#last;
        const missed = await this.#hooks.fetchSince(from);
        if (this.#last !== from) break; // reset meanwhile
        if (missed.length >= REPLAY_LIMIT) {
          // Far behind: a fresh snapshot is cheaper than replaying thousands of events.
          this.#last = missed.at(-1)!.seq;
          this.#hooks.reload();
          continue;
        }
        for (const event of missed) this.#applyOne(event);
        break;
      }
    } catch {
      // Unknown what was missed: a reload is certainly right.
      this.#hooks.reload();
    } finally {
      this.#catchingUp = false;
    }
    this.#drain();
  }

  /** Applies waiting pushes that now follow on; anything left over means a new gap. */
  #drain(): void {
    if (this.#last === null) return;
    const waiting = this.#pending.sort((a, b) => a.event.seq - b.event.seq);
    this.#pending = [];
    for (const { event, prev } of waiting) this.receive(event, prev);
  }

  #applyOne(event: VisibleEvent): void {
    if (this.#last !== null && event.seq <= this.#last) return;
    this.#last = event.seq;
    this.#hooks.apply(event);
  }
}
