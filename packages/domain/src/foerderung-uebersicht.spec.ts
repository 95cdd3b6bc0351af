import { describe, expect, it } from 'vitest';
import type { FoerderantragRecord } from './api.ts';
import { foerderungUebersicht, type FoerderungUebersichtInput } from './foerderung-uebersicht.ts';

let nextId = 1;
function antrag(
  polizeidirektion: FoerderantragRecord['polizeidirektion'],
  kreis: string,
  changes: Partial<FoerderantragRecord> = {},
): FoerderantragRecord {
  const id = nextId++;
  return {
    id,
    ags: `${kreis}${String(id).padStart(3, '0')}`,
    kommuneName: `Kommune ${id}`,
    polizeidirektion,
    kreis,
    haushaltsjahr: 2025,
    zweck: 'projekt',
    handlungsfelder: ['gewalt'],
    eingereichtAm: '2024-10-01',
    beantragtCent: 100_000,
    foerderfaehigCent: 200_000,
    entscheidung: { datum: '2025-02-01', art: 'bewilligt' },
    bewilligtCent: 90_000,
    zurueckgezogenAm: null,
    auszahlungen: [{ datum: '2025-03-01', betragCent: 50_000 }],
    verwendungsnachweisAm: null,
    geprueftAm: null,
    zurueckgefordertCent: 0,
    zurueckgefordertAm: null,
    notiz: null,
    status: null,
    synthetisch: false,
    version: 0,
    ...changes,
  };
}

// Görlitz: 4 applications in Kreis Görlitz, 1 in Bautzen; Leipzig: 3 in Stadt Leipzig.
const ANTRAEGE = [
  ...Array.from({ length: 4 }, () => antrag('goerlitz', '14626')),
  antrag('goerlitz', '14625', { zweck: 'koordinierungsstelle', beantragtCent: 400_000, bewilligtCent: 360_000 }),
  ...Array.from({ length: 3 }, () => antrag('leipzig', '14713')),
];
const KREISE = [
  { ags: '14625', name: 'Bautzen' },
  { ags: '14626', name: 'Görlitz' },
  { ags: '14713', name: 'Leipzig (Stadt)' },
];

function uebersicht(changes: Partial<FoerderungUebersichtInput> = {}) {
  return foerderungUebersicht({
    stand: '2025-06-30',
    haushaltsjahr: 2025,
    antraege: ANTRAEGE,
    budgets: new Map([[2025, 1_000_000]]),
    oeffentlichAm: null,
    gebiet: 'land',
    polizeidirektionen: ['goerlitz', 'leipzig'],
    kreise: KREISE,
    ...changes,
  });
}

describe('the funding overview', () => {
  it('sums each year as of the day, with budget and how much of it is approved', () => {
    const [jahr] = uebersicht().jahre;
    expect(jahr).toEqual({
      haushaltsjahr: 2025,
      budgetCent: 1_000_000,
      anzahl: 8,
      beantragtCent: 1_100_000,
      bewilligtCent: 990_000,
      ausgezahltCent: 400_000,
      zurueckgefordertCent: 0,
      ausschoepfung: 0.99,
      oeffentlichAm: null,
      verborgen: false,
    });
    // Before the decisions nothing is approved or paid yet.
    expect(uebersicht({ stand: '2025-01-15' }).jahre[0]).toMatchObject({ bewilligtCent: 0, ausgezahltCent: 0 });
  });

  it('breaks one year down by purpose, Handlungsfeld, Polizeidirektion and Kreis', () => {
    const result = uebersicht();
    expect(result.nachZweck.find((z) => z.zweck === 'koordinierungsstelle')).toMatchObject({
      anzahl: 1,
      bewilligtCent: 360_000,
    });
    expect(result.nachHandlungsfeld.find((h) => h.handlungsfeld === 'gewalt')?.anzahl).toBe(8);
    expect(result.nachPolizeidirektion).toEqual([
      expect.objectContaining({ polizeidirektion: 'goerlitz', anzahl: 5, beantragtCent: 800_000 }),
      expect.objectContaining({ polizeidirektion: 'leipzig', anzahl: 3, beantragtCent: 300_000 }),
    ]);
    expect(result.nachKreis.map((k) => [k.kreis, k.anzahl])).toEqual([
      ['14625', 1],
      ['14626', 4],
      ['14713', 3],
    ]);
  });

  it('gives the public the years of the Land as of quarter ends, and no breakdown', () => {
    const result = uebersicht({ oeffentlichAm: '2025-07-15' });
    // All 8 were submitted, approved and paid in parts by 31 March: every figure as of 30 June.
    expect(result.jahre[0]).toMatchObject({
      anzahl: 8,
      bewilligtCent: 990_000,
      ausgezahltCent: 400_000,
      oeffentlichAm: { anzahl: '2025-06-30', bewilligtCent: '2025-06-30', ausgezahltCent: '2025-06-30' },
      verborgen: false,
    });
    // A quarter that has not ended yet is not published: on 30 June itself the Stand is 31 March.
    expect(uebersicht({ oeffentlichAm: '2025-06-30' }).jahre[0]?.oeffentlichAm?.bewilligtCent).toBe('2025-03-31');
    for (const aufteilung of [
      result.nachKreis,
      result.nachPolizeidirektion,
      result.nachZweck,
      result.nachHandlungsfeld,
    ]) {
      expect(aufteilung).toEqual([]);
    }
  });

  it('gives the public nothing of a Polizeidirektion or Kreis but the budget', () => {
    const goerlitz = ANTRAEGE.filter((a) => a.polizeidirektion === 'goerlitz');
    const filtered = uebersicht({ oeffentlichAm: '2025-07-15', antraege: goerlitz, gebiet: 'goerlitz' });
    expect(filtered.jahre).toEqual([
      {
        haushaltsjahr: 2025,
        budgetCent: 1_000_000,
        anzahl: null,
        beantragtCent: null,
        bewilligtCent: null,
        ausgezahltCent: null,
        zurueckgefordertCent: null,
        ausschoepfung: null,
        oeffentlichAm: null,
        verborgen: true,
      },
    ]);
  });
});
