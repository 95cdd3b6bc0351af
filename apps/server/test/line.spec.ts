import { describe, expect, it } from 'vitest';
import { createLine, LineFull } from '../src/line.ts';

/** A piece of work that finishes when the test says so, and tells when it started. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  const state = { started: false };
  return { state, open, work: () => ((state.started = true), done) };
}

describe('createLine', () => {
  it('runs at most the given number at once, the rest in order of arrival, and refuses beyond the line', async () => {
    const line = createLine(2, 2, 'voll');
    const gates = [gate(), gate(), gate(), gate()];
    const runs = gates.map((g) => line.run(g.work));
    await Promise.resolve();
    expect(gates.map((g) => g.state.started)).toEqual([true, true, false, false]);
    await expect(line.run(async () => 'zu viel')).rejects.toEqual(new LineFull('voll'));

    gates[1]!.open();
    await runs[1];
    await Promise.resolve();
    expect(gates.map((g) => g.state.started)).toEqual([true, true, true, false]);
    gates[0]!.open();
    gates[2]!.open();
    await Promise.all([runs[0], runs[2]]);
    await Promise.resolve();
    expect(gates[3]!.state.started).toBe(true);
    gates[3]!.open();
    await runs[3];
    // All places are free again.
    expect(await Promise.all([line.run(async () => 1), line.run(async () => 2)])).toEqual([1, 2]);
  });

  it('frees the place of work that failed', async () => {
    const line = createLine(1, 0, 'voll');
    await expect(line.run(() => Promise.reject(new Error('kaputt')))).rejects.toThrow('kaputt');
    expect(await line.run(async () => 'weiter')).toBe('weiter');
  });
});
