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
    land: null,
    budgets: new Map([[2025, 1_000_000]]),
    oeffentlich: false,
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

  it('gives the public no amount of a cell of fewer than 3 applications, nor of the cell that would reveal it', () => {
    const result = uebersicht({ oeffentlich: true });
    const kreis = (ags: string) => result.nachKreis.find((k) => k.kreis === ags)!;
    expect(kreis('14625')).toMatchObject({ verborgen: true, beantragtCent: null });
    // Görlitz's Kreise would otherwise give Bautzen's amount as Görlitz PD minus Kreis Görlitz.
    expect(kreis('14626')).toMatchObject({ verborgen: true, beantragtCent: null });
    expect(kreis('14713')).toMatchObject({ verborgen: false, beantragtCent: 300_000 });
    const zweck = (name: string) => result.nachZweck.find((z) => z.zweck === name)!;
    expect(zweck('koordinierungsstelle')).toMatchObject({ verborgen: true, bewilligtCent: null });
    expect(zweck('projekt')).toMatchObject({ verborgen: true, bewilligtCent: null });
    // Signed-in users see every amount.
    expect(uebersicht().nachKreis.every((k) => !k.verborgen)).toBe(true);
  });

  it('decides a filtered public view on the Land, so no filter reveals what the Land view hides', () => {
    const goerlitz = ANTRAEGE.filter((a) => a.polizeidirektion === 'goerlitz');
    const filtered = uebersicht({ oeffentlich: true, antraege: goerlitz, land: ANTRAEGE, gebiet: 'goerlitz' });
    const land = uebersicht({ oeffentlich: true });
    for (const kreis of ['14625', '14626']) {
      expect(filtered.nachKreis.find((k) => k.kreis === kreis)?.verborgen).toBe(
        land.nachKreis.find((k) => k.kreis === kreis)?.verborgen,
      );
    }
  });
});
