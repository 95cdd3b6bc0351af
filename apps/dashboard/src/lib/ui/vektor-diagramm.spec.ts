import { describe, expect, it } from 'vitest';
import { gezeigteLabels, teilung, vektorModell, type VektorDaten } from './vektor-diagramm';

describe('teilung', () => {
  it('reaches at least the maximum in round steps', () => {
    expect(teilung(46)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(teilung(50)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(teilung(1_300_000)).toEqual([0, 500_000, 1_000_000, 1_500_000]);
    expect(teilung(7)).toEqual([0, 2, 4, 6, 8]);
    expect(teilung(3)).toEqual([0, 1, 2, 3]);
  });

  it('has an axis even without a value above zero', () => {
    expect(teilung(0)).toEqual([0, 1]);
    expect(teilung(Number.NaN)).toEqual([0, 1]);
  });
});

describe('gezeigteLabels', () => {
  it('shows every label of a short series', () => {
    expect(gezeigteLabels(5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('thins a long series evenly and always ends with the last point', () => {
    const gezeigt = gezeigteLabels(32);
    expect(gezeigt.length).toBeLessThanOrEqual(8);
    expect(gezeigt[0]).toBe(0);
    expect(gezeigt.at(-1)).toBe(31);
    // No label crowds the last one: the gaps are all as wide.
    const abstaende = gezeigt.slice(1).map((i, n) => i - gezeigt[n]!);
    expect(Math.min(...abstaende)).toBe(abstaende[0]);
    expect(gezeigteLabels(28)).toEqual([0, 4, 8, 12, 16, 20, 27]);
  });
});

const reihe = (label: string, werte: number[]) => ({ label, farbe: '#000000', werte });

describe('vektorModell', () => {
  const linie: VektorDaten = {
    art: 'linie',
    einheit: 'Kommunen',
    labels: ['a', 'b', 'c'],
    reihen: [reihe('eins', [0, 25, 50]), reihe('zwei', [10, Number.NaN, 30])],
    achsenText: String,
  };

  it('draws a line from left to right edge, highest value at the top tick', () => {
    const modell = vektorModell(linie);
    expect(modell.yTicks.map((t) => t.text)).toEqual(['0', '10', '20', '30', '40', '50']);
    expect(modell.linien[0]?.d).toBe(
      `M${modell.links} ${modell.basis}L${(modell.links + modell.rechts) / 2} ${(modell.basis + modell.oben) / 2}L${modell.rechts} ${modell.oben}`,
    );
    expect(modell.xLabels.map((l) => [l.text, l.anker])).toEqual([
      ['a', 'middle'],
      ['b', 'middle'],
      ['c', 'end'],
    ]);
  });

  it('leaves a gap where a value is missing', () => {
    const d = vektorModell(linie).linien[1]?.d ?? '';
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d).not.toContain('L');
  });

  it('fills below a line only when asked to and the line is whole', () => {
    const gefuellt = vektorModell({ ...linie, reihen: linie.reihen.map((r) => ({ ...r, fuellung: '#00ff00' })) });
    expect(gefuellt.linien[0]?.flaeche).toMatch(/Z$/);
    expect(gefuellt.linien[1]?.flaeche).toBeUndefined();
    expect(vektorModell(linie).linien[0]?.flaeche).toBeUndefined();
  });

  it('puts one bar per value side by side in its label’s band, and none for a hidden value', () => {
    const modell = vektorModell({
      ...linie,
      art: 'saeule',
      reihen: [reihe('Budget', [100, 100, 100]), reihe('bewilligt', [50, Number.NaN, 100])],
    });
    expect(modell.saeulen).toHaveLength(5);
    // Series by series: the three Budget bars, then the two bewilligt bars.
    const [budget, bewilligt] = [modell.saeulen[0], modell.saeulen[3]];
    expect(bewilligt!.x).toBeCloseTo(budget!.x + budget!.breite, 0);
    expect(bewilligt!.hoehe).toBeCloseTo(budget!.hoehe / 2, 0);
    expect(modell.xLabels.map((l) => l.text)).toEqual(['a', 'b', 'c']);
  });
});
