import { describe, expect, it } from 'vitest';
import { infoLage, nachbar, richtungAus, type Punkt } from './navigation';

// A small map: the start in the middle, a close Gemeinde up and to the right, one further but
// straight to the right, one straight below, one to the left.
const punkte = new Map<string, Punkt>([
  ['start', { x: 10, y: 10 }],
  ['schraeg', { x: 13, y: 6 }],
  ['rechts', { x: 18, y: 10 }],
  ['unten', { x: 10, y: 15 }],
  ['links', { x: 4, y: 11 }],
]);

describe('arrow keys on the map', () => {
  it('knows the four arrow keys and nothing else', () => {
    expect(richtungAus('ArrowRight')).toEqual({ dx: 1, dy: 0 });
    expect(richtungAus('ArrowUp')).toEqual({ dx: 0, dy: -1 });
    expect(richtungAus('Enter')).toBeUndefined();
  });

  it('prefers the Gemeinde straight ahead over a closer one aside', () => {
    expect(nachbar(punkte, 'start', { dx: 1, dy: 0 })).toBe('rechts');
    expect(nachbar(punkte, 'start', { dx: 0, dy: 1 })).toBe('unten');
    expect(nachbar(punkte, 'start', { dx: -1, dy: 0 })).toBe('links');
    // Up, only the diagonal one lies ahead at all.
    expect(nachbar(punkte, 'start', { dx: 0, dy: -1 })).toBe('schraeg');
  });

  it('stays put at the edge and for an unknown start', () => {
    expect(nachbar(punkte, 'rechts', { dx: 1, dy: 0 })).toBeUndefined();
    expect(nachbar(punkte, 'nirgends', { dx: 1, dy: 0 })).toBeUndefined();
  });
});

describe('the info box', () => {
  it('keeps its centre inside the frame', () => {
    expect(infoLage({ x: 20, y: 300 }, 800).left).toBe(144);
    expect(infoLage({ x: 400, y: 300 }, 800).left).toBe(400);
    expect(infoLage({ x: 790, y: 300 }, 800).left).toBe(656);
    // A frame narrower than the box: it starts at its left edge.
    expect(infoLage({ x: 200, y: 300 }, 200).left).toBe(144);
  });

  it('opens below an anchor near the top', () => {
    expect(infoLage({ x: 400, y: 129 }, 800).below).toBe(true);
    expect(infoLage({ x: 400, y: 130 }, 800).below).toBe(false);
  });
});
