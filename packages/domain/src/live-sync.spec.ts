import { describe, expect, it } from 'vitest';
import { EventSequencer } from './live-sync.ts';
import type { DomainEvent } from './events.ts';
import { REPLAY_LIMIT } from './protocol.ts';

function event(seq: number): DomainEvent {
  return {
    seq,
    type: 'demo:reset',
    ags: null,
    version: null,
    actor: 'LPR',
    at: '2026-11-21T10:00:00.000Z',
    before: null,
    after: null,
  };
}

/** A sequencer whose server holds the events 1..`newest`; records what the client saw. */
function setup(newest: number, options: { failFetch?: boolean } = {}) {
  const seen: (number | 'reload')[] = [];
  const fetched: number[] = [];
  let answer: (() => void) | undefined;
  const sequencer = new EventSequencer({
    apply: (e) => seen.push(e.seq),
    reload: () => seen.push('reload'),
    fetchSince: (seq) => {
      fetched.push(seq);
      // Held until `answerFetch()`, so a test can push events while a catch-up runs.
      return new Promise((resolve, reject) => {
        answer = () => {
          if (options.failFetch) return reject(new Error('Zeitüberschreitung'));
          const count = Math.min(REPLAY_LIMIT, Math.max(0, newest - seq));
          resolve(Array.from({ length: count }, (_, i) => event(seq + 1 + i)));
        };
      });
    },
  });
  const answerFetch = async (): Promise<void> => {
    answer?.();
    // Let the sequencer's await and what follows it run.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { sequencer, seen, fetched, answerFetch };
}

describe('EventSequencer', () => {
  it('reloads once on the first head, then applies pushed events in order', () => {
    const { sequencer, seen, fetched } = setup(10);
    sequencer.head(10);
    sequencer.receive(event(11), 10);
    sequencer.receive(event(12), 11);
    expect(seen).toEqual(['reload', 11, 12]);
    expect(fetched).toEqual([]);
    expect(sequencer.lastApplied).toBe(12);
  });

  it('keeps events pushed before the first head and applies those after it', () => {
    const { sequencer, seen } = setup(10);
    sequencer.receive(event(10), 9);
    sequencer.receive(event(11), 10);
    sequencer.head(10);
    expect(seen).toEqual(['reload', 11]);
  });

  it('drops duplicates and events already applied', () => {
    const { sequencer, seen } = setup(5);
    sequencer.head(5);
    sequencer.receive(event(6), 5);
    sequencer.receive(event(6), 5);
    sequencer.receive(event(4), 3);
    expect(seen).toEqual(['reload', 6]);
  });

  it('on a gap fetches what was missed and applies it before the pushed event', async () => {
    const { sequencer, seen, fetched, answerFetch } = setup(13);
    sequencer.head(10);
    sequencer.receive(event(14), 13);
    // Pushed while the catch-up runs: waits, and is not applied twice.
    sequencer.receive(event(15), 14);
    expect(seen).toEqual(['reload']);
    await answerFetch();
    expect(fetched).toEqual([10]);
    expect(seen).toEqual(['reload', 11, 12, 13, 14, 15]);
  });

  it('after a reconnect fetches the events since the last one applied', async () => {
    const { sequencer, seen, fetched, answerFetch } = setup(8);
    sequencer.head(5);
    sequencer.receive(event(6), 5);
    sequencer.head(8);
    await answerFetch();
    expect(fetched).toEqual([6]);
    expect(seen).toEqual(['reload', 6, 7, 8]);
  });

  it('reloads instead of replaying when far behind', async () => {
    const newest = 10 + REPLAY_LIMIT + 5;
    const { sequencer, seen, fetched, answerFetch } = setup(newest);
    sequencer.head(10);
    sequencer.head(newest);
    await answerFetch();
    // A full page means more may follow: reload, then fetch the rest from the page's end.
    expect(fetched).toEqual([10, 10 + REPLAY_LIMIT]);
    await answerFetch();
    expect(seen).toEqual(['reload', 'reload', newest - 4, newest - 3, newest - 2, newest - 1, newest]);
  });

  it('reloads when the missed events cannot be fetched', async () => {
    const { sequencer, seen, answerFetch } = setup(12, { failFetch: true });
    sequencer.head(10);
    sequencer.receive(event(12), 11);
    await answerFetch();
    expect(seen).toEqual(['reload', 'reload']);
  });

  it('starts afresh with a reload after reset (another scope)', () => {
    const { sequencer, seen, fetched } = setup(40);
    sequencer.head(10);
    sequencer.reset();
    sequencer.head(40);
    sequencer.receive(event(41), 40);
    expect(seen).toEqual(['reload', 'reload', 41]);
    expect(fetched).toEqual([]);
  });
});
