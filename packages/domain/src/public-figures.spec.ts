import { describe, expect, it } from 'vitest';
import {
  verborgeneGebiete,
  verborgeneGebieteAm,
  verborgeneZellen,
  zeigeOderVerberge,
  type Zelle,
} from './public-figures.ts';

const zelle = (schluessel: string, anzahl: number, kinder: Zelle[] = []): Zelle => ({ schluessel, anzahl, kinder });
const antraege = (polizeidirektion: string, kreis: string, n: number) =>
  Array.from({ length: n }, () => ({ polizeidirektion, kreis }));

describe('verborgeneZellen', () => {
  it('hides cells of one or two applications, never empty ones or those of three and more', () => {
    const kinder = [zelle('a', 0), zelle('b', 1), zelle('c', 2), zelle('d', 3), zelle('e', 4)];
    expect([...verborgeneZellen(zelle('land', 10, kinder))].sort()).toEqual(['b', 'c']);
  });

  it('hides the smallest other non-empty cell with a single hidden one, so it is no difference', () => {
    const kinder = [zelle('a', 1), zelle('b', 0), zelle('c', 5), zelle('d', 4)];
    expect([...verborgeneZellen(zelle('land', 10, kinder))].sort()).toEqual(['a', 'd']);
  });

  it('hides a child of a hidden cell, else its children would add up to it', () => {
    expect([...verborgeneZellen(zelle('gebiet', 9, [zelle('x', 4), zelle('y', 5)]), true)].sort()).toEqual([
      'gebiet',
      'x',
    ]);
  });
});

describe('verborgeneGebiete', () => {
  it('hides the neighbour of a small Polizeidirektion, and one Kreis in each hidden one', () => {
    const verborgen = verborgeneGebiete([
      ...antraege('leipzig', '14713', 3),
      ...antraege('leipzig', '14729', 3),
      ...antraege('dresden', '14612', 3),
      ...antraege('dresden', '14625', 4),
      ...antraege('chemnitz', '14511', 1),
    ]);
    // Chemnitz (1) takes the smaller neighbour Leipzig (6) with it; Leipzig's Kreise no longer add up to it.
    expect([...verborgen].sort()).toEqual(['14511', '14713', 'chemnitz', 'leipzig']);
  });
});

describe('verborgeneGebieteAm', () => {
  it('counts only the applications of that year submitted by the day', () => {
    const antrag = (haushaltsjahr: number, eingereichtAm: string) => ({
      haushaltsjahr,
      eingereichtAm,
      polizeidirektion: 'leipzig',
      kreis: '14713',
    });
    const alle = [
      antrag(2026, '2026-01-05'),
      antrag(2026, '2026-02-10'),
      antrag(2026, '2026-03-01'),
      antrag(2027, '2026-01-05'),
    ];
    expect(verborgeneGebieteAm(alle, 2026, '2026-02-28').has('land')).toBe(true);
    expect(verborgeneGebieteAm(alle, 2026, '2026-03-01').has('land')).toBe(false);
    expect([...verborgeneGebieteAm(alle, 2027, '2026-03-01')].sort()).toEqual(['14713', 'land', 'leipzig']);
  });
});

describe('zeigeOderVerberge', () => {
  it('nulls the amounts of a hidden cell and keeps the rest', () => {
    const cell = { anzahl: 2, beantragtCent: 100, budgetCent: 500 };
    expect(zeigeOderVerberge(cell, true, ['beantragtCent'])).toEqual({
      anzahl: 2,
      beantragtCent: null,
      budgetCent: 500,
      verborgen: true,
    });
    expect(zeigeOderVerberge(cell, false, ['beantragtCent'])).toEqual({ ...cell, verborgen: false });
  });
});
