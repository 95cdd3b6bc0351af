import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesced } from './coalesced';

describe('coalesced', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A refresh that takes `ms`, counting its starts. */
  function refresher(ms: number) {
    const starts: number[] = [];
    const refresh = () => {
      starts.push(Date.now());
      return new Promise((resolve) => setTimeout(resolve, ms));
    };
    return { starts, refresh };
  }

  it('refreshes once for a burst, soon after its first call', async () => {
    const { starts, refresh } = refresher(50);
    const soon = coalesced(refresh, 25);
    const begin = Date.now();
    for (let i = 0; i < 20; i++) {
      soon();
      await vi.advanceTimersByTimeAsync(1);
    }
    await vi.advanceTimersByTimeAsync(500);
    expect(starts).toHaveLength(1);
    expect(starts[0]! - begin).toBeLessThanOrEqual(25);
  });

  it('refreshes once more for calls that came while a refresh ran', async () => {
    const { starts, refresh } = refresher(100);
    const soon = coalesced(refresh, 25);
    soon();
    await vi.advanceTimersByTimeAsync(50);
    soon();
    soon();
    await vi.advanceTimersByTimeAsync(1000);
    expect(starts).toHaveLength(2);
    // The second starts right when the first ends, without waiting again.
    expect(starts[1]! - starts[0]!).toBe(100);
    soon();
    await vi.advanceTimersByTimeAsync(1000);
    expect(starts).toHaveLength(3);
  });
});
