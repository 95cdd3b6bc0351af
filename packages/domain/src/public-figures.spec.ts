import { describe, expect, it } from 'vitest';
import type { FoerderantragFacts } from './foerderung.ts';
import {
  beitraegeAm,
  OEFFENTLICHE_KENNZAHLEN,
  oeffentlicheStaende,
  oeffentlicheZahlen,
  zeigeOderVerberge,
  type OeffentlicheKennzahl,
} from './public-figures.ts';

function antrag(eingereichtAm: string, changes: Partial<FoerderantragFacts> = {}): FoerderantragFacts {
  return {
    haushaltsjahr: 2026,
    eingereichtAm,
    beantragtCent: 100_000,
    foerderfaehigCent: 200_000,
    entscheidung: null,
    bewilligtCent: null,
    zurueckgezogenAm: null,
    auszahlungen: [],
    verwendungsnachweisAm: null,
    geprueftAm: null,
    zurueckgefordertCent: 0,
    zurueckgefordertAm: null,
    ...changes,
  };
}

const bewilligt = (eingereichtAm: string, datum: string, auszahlungen: FoerderantragFacts['auszahlungen'] = []) =>
  antrag(eingereichtAm, { entscheidung: { datum, art: 'bewilligt' }, bewilligtCent: 90_000, auszahlungen });

describe('oeffentlicheStaende', () => {
  it('keeps a figure at its last quarter end while one or two applications changed it, and moves on with the third', () => {
    const erste = [antrag('2026-01-10'), antrag('2026-02-10'), antrag('2026-03-10')];
    const zwei = [antrag('2026-04-10'), antrag('2026-05-10')];
    expect(oeffentlicheStaende([...erste, ...zwei], 2026, '2026-11-30', '2026-12-01').anzahl).toBe('2026-03-31');
    expect(oeffentlicheZahlen([...erste, ...zwei], 2026, '2026-11-30', '2026-12-01').anzahl).toBe(3);
    const dritte = antrag('2026-08-01');
    expect(oeffentlicheZahlen([...erste, ...zwei, dritte], 2026, '2026-11-30', '2026-12-01')).toMatchObject({
      anzahl: 6,
      beantragtCent: 600_000,
      oeffentlichAm: { anzahl: '2026-09-30', beantragtCent: '2026-09-30' },
    });
  });

  it('publishes no quarter before it has ended, and none after the day asked for', () => {
    const drei = [antrag('2026-07-01'), antrag('2026-07-02'), antrag('2026-07-03')];
    expect(oeffentlicheStaende(drei, 2026, '2026-09-30', '2026-09-30').anzahl).toBe('2026-06-30');
    expect(oeffentlicheStaende(drei, 2026, '2026-09-30', '2026-10-01').anzahl).toBe('2026-09-30');
    expect(oeffentlicheStaende(drei, 2026, '2026-09-29', '2026-12-01').anzahl).toBe('2026-06-30');
  });

  it('gives each figure its own Stand: a single payout holds back what was paid, not what was approved', () => {
    const antraege = [
      bewilligt('2026-01-10', '2026-02-01', [{ datum: '2026-05-01', betragCent: 40_000 }]),
      bewilligt('2026-01-11', '2026-02-02'),
      bewilligt('2026-01-12', '2026-02-03'),
    ];
    const zahlen = oeffentlicheZahlen(antraege, 2026, '2026-11-30', '2026-12-01');
    expect(zahlen).toMatchObject({ bewilligtCent: 270_000, ausgezahltCent: 0 });
    expect(zahlen.oeffentlichAm).toMatchObject({ bewilligtCent: '2026-09-30', ausgezahltCent: '2026-03-31' });
  });
});

/**
 * An attacker who sees every public answer of many days and knows exactly which applications
 * changed on which day, but not by how much: can any linear combination of the public values give
 * one application's change, or its figure as of a day? Worked independently of the rule, as
 * linear algebra modulo the prime 2^61 − 1 over the unknown changes.
 */
describe('no combination of public answers reveals one application', () => {
  const P = (1n << 61n) - 1n;

  /** Whether a vector lies in the span of `rows` (vectors over the same unknowns). */
  function spann(rows: readonly bigint[][]): (target: readonly bigint[]) => boolean {
    const pivots: { spalte: number; row: bigint[] }[] = [];
    const reduce = (vector: readonly bigint[]) => {
      const v = [...vector];
      for (const { spalte, row } of pivots) {
        const f = v[spalte]!;
        if (f !== 0n) for (let j = 0; j < v.length; j++) v[j] = (((v[j]! - f * row[j]!) % P) + P) % P;
      }
      return v;
    };
    for (const row of rows) {
      const v = reduce(row);
      const spalte = v.findIndex((x) => x !== 0n);
      if (spalte < 0) continue;
      const inverse = power(v[spalte]!, P - 2n);
      pivots.push({ spalte, row: v.map((x) => (x * inverse) % P) });
    }
    return (target) => reduce(target).every((x) => x === 0n);
  }
  const power = (base: bigint, exp: bigint): bigint => {
    let [result, b, e] = [1n, base % P, exp];
    while (e > 0n) {
      if (e & 1n) result = (result * b) % P;
      [b, e] = [(b * b) % P, e >> 1n];
    }
    return result;
  };

  const addDays = (day: string, days: number) => {
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  };
  const days = (from: string, to: string, step: number) => {
    const result: string[] = [];
    for (let d = from; d <= to; d = addDays(d, step)) result.push(d);
    return result;
  };

  /** Applications of 2024–2026 with random dates and stages (a seeded generator, so runs repeat). */
  function zufallsAntraege(seed: number): FoerderantragFacts[] {
    let state = seed;
    // mulberry32
    const random = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    };
    const between = (from: string, span: number) => addDays(from, Math.floor(random() * span));
    return [2024, 2025, 2026].flatMap((haushaltsjahr) =>
      Array.from({ length: 3 + Math.floor(random() * 12) }, () => {
        const eingereichtAm = between(`${haushaltsjahr - 1}-09-01`, 300);
        const beantragtCent = 10_000 * (1 + Math.floor(random() * 50));
        if (random() < 0.2) return antrag(eingereichtAm, { haushaltsjahr, beantragtCent });
        const datum = between(addDays(eingereichtAm, 10), 120);
        if (random() < 0.15)
          return antrag(eingereichtAm, { haushaltsjahr, beantragtCent, entscheidung: { datum, art: 'abgelehnt' } });
        const bewilligtCent = Math.floor(beantragtCent * (0.5 + random() / 2));
        const auszahlungen = Array.from({ length: Math.floor(random() * 3) }, (_, i) => ({
          datum: between(addDays(datum, 30 + 90 * i), 90),
          betragCent: Math.floor(bewilligtCent / 3),
        })).filter((a) => a.datum < '2026-12-01');
        const zurueck = random() < 0.15 && auszahlungen.length > 0;
        return antrag(eingereichtAm, {
          haushaltsjahr,
          beantragtCent,
          entscheidung: { datum, art: 'bewilligt' },
          bewilligtCent,
          auszahlungen,
          zurueckgefordertCent: zurueck ? 5_000 : 0,
          zurueckgefordertAm: zurueck ? addDays(auszahlungen.at(-1)!.datum, 20) : null,
        });
      }),
    );
  }

  /** The days one application's contribution to a figure changed: the attacker's unknowns. */
  const aenderungen = (a: FoerderantragFacts, kennzahl: OeffentlicheKennzahl, tage: readonly string[]) =>
    tage.filter((tag) => beitraegeAm(a, tag)[kennzahl] !== beitraegeAm(a, addDays(tag, -1))[kennzahl]);

  /**
   * How many single changes, or figures as of a day, of one application the answers reveal: to
   * anyone, or to an applicant who knows every change of their own application.
   */
  function enthuellt(antraege: readonly FoerderantragFacts[], antworten: Map<string, number>): number {
    const alleTage = days('2022-09-01', '2026-12-01', 1);
    let gefunden = 0;
    for (const haushaltsjahr of [2024, 2025, 2026]) {
      const ofYear = antraege.filter((a) => a.haushaltsjahr === haushaltsjahr);
      for (const kennzahl of OEFFENTLICHE_KENNZAHLEN) {
        const unbekannte = ofYear.flatMap((a, i) => aenderungen(a, kennzahl, alleTage).map((tag) => ({ i, tag })));
        if (unbekannte.length === 0) continue;
        const einheit = (j: number) => unbekannte.map((_, k) => (k === j ? 1n : 0n));
        const eigene = (i: number) => unbekannte.flatMap((u, j) => (u.i === i ? [j] : []));
        const ziele = (i: number) => [
          ...eigene(i).map(einheit),
          ...eigene(i).map((j) => unbekannte.map((u) => (u.i === i && u.tag <= unbekannte[j]!.tag ? 1n : 0n))),
        ];
        // A public value as of a day: the sum of every change made by then.
        const rows = [...antworten.keys()]
          .filter((key) => key.startsWith(`${haushaltsjahr}/${kennzahl}/`))
          .map((key) => key.split('/')[2]!)
          .map((stand) => unbekannte.map((u) => (u.tag <= stand ? 1n : 0n)));
        const fuerAlle = spann(rows);
        for (const [i] of ofYear.entries()) gefunden += ziele(i).filter(fuerAlle).length;
        for (const [insider] of ofYear.entries()) {
          const fuerInsider = spann([...rows, ...eigene(insider).map(einheit)]);
          for (const [i] of ofYear.entries()) if (i !== insider) gefunden += ziele(i).filter(fuerInsider).length;
        }
      }
    }
    return gefunden;
  }

  const seeds = [1, 2, 3, 4, 5, 6, 7, 8];

  it.each(seeds)('holds for random applications (seed %i), whatever day and Stand are asked for', (seed) => {
    const antraege = zufallsAntraege(seed);
    const antworten = new Map<string, number>();
    for (const heute of days('2023-01-01', '2026-12-01', 17)) {
      for (const stand of [heute, addDays(heute, -40), addDays(heute, -200)]) {
        for (const haushaltsjahr of [2024, 2025, 2026]) {
          const zahlen = oeffentlicheZahlen(antraege, haushaltsjahr, stand, heute);
          for (const kennzahl of OEFFENTLICHE_KENNZAHLEN) {
            const key = `${haushaltsjahr}/${kennzahl}/${zahlen.oeffentlichAm[kennzahl]}`;
            // The same figure as of the same quarter end has one value, whenever it is asked for.
            expect(antworten.get(key) ?? zahlen[kennzahl]).toBe(zahlen[kennzahl]);
            antworten.set(key, zahlen[kennzahl]);
          }
        }
      }
    }
    expect(enthuellt(antraege, antworten)).toBe(0);
  });

  it('finds what figures as of every day would reveal, so it is an attacker that can succeed', () => {
    const antraege = zufallsAntraege(1);
    const taeglich = new Map<string, number>();
    for (const stand of days('2023-01-01', '2026-12-01', 1)) {
      for (const haushaltsjahr of [2024, 2025, 2026]) {
        const ofYear = antraege.filter((a) => a.haushaltsjahr === haushaltsjahr);
        for (const kennzahl of OEFFENTLICHE_KENNZAHLEN) {
          taeglich.set(
            `${haushaltsjahr}/${kennzahl}/${stand}`,
            ofYear.reduce((sum, a) => sum + beitraegeAm(a, stand)[kennzahl], 0),
          );
        }
      }
    }
    expect(enthuellt(antraege, taeglich)).toBeGreaterThan(10);
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
