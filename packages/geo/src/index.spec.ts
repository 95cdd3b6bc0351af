import { describe, expect, it } from 'vitest';
import {
  ATTRIBUTION,
  GEMEINDE_COUNT,
  GEMEINDEN,
  KREISE,
  POLIZEIDIREKTIONEN,
  VORGAENGER,
  aktuelleGemeinde,
  findPolizeidirektionOfKreis,
  gemeindeByAgs,
  kreisByAgs,
  polizeidirektionOfGemeinde,
  polizeidirektionOfKreis,
} from './index.ts';

/** Hand-copied from docs/domain.md, "Geography and police directorates" (not derived from the code). */
const PD_AREAS: Record<string, { name: string; kreise: string[] }> = {
  // Chemnitz: Stadt Chemnitz, Erzgebirgskreis, Mittelsachsen
  chemnitz: { name: 'Polizeidirektion Chemnitz', kreise: ['14511', '14521', '14522'] },
  // Dresden: Stadt Dresden, Meißen, Sächsische Schweiz-Osterzgebirge
  dresden: { name: 'Polizeidirektion Dresden', kreise: ['14612', '14627', '14628'] },
  // Görlitz: Bautzen, Görlitz
  goerlitz: { name: 'Polizeidirektion Görlitz', kreise: ['14625', '14626'] },
  // Leipzig: Stadt Leipzig, Landkreis Leipzig, Nordsachsen
  leipzig: { name: 'Polizeidirektion Leipzig', kreise: ['14713', '14729', '14730'] },
  // Zwickau: Zwickau, Vogtlandkreis
  zwickau: { name: 'Polizeidirektion Zwickau', kreise: ['14523', '14524'] },
};

/** Hand-copied Kreis list from docs/domain.md. */
const KREIS_NAMES: Record<string, string> = {
  '14511': 'Chemnitz',
  '14521': 'Erzgebirgskreis',
  '14522': 'Mittelsachsen',
  '14523': 'Vogtlandkreis',
  '14524': 'Zwickau',
  '14612': 'Dresden',
  '14625': 'Bautzen',
  '14626': 'Görlitz',
  '14627': 'Meißen',
  '14628': 'Sächsische Schweiz-Osterzgebirge',
  '14713': 'Leipzig',
  '14729': 'Leipzig',
  '14730': 'Nordsachsen',
};

/** Gemeinden per Kreis on 1.1.2023 (Statistisches Landesamt / DWD warncell list 2019–2022, Jahnatal applied). */
const GEMEINDEN_PER_KREIS: Record<string, number> = {
  '14511': 1,
  '14521': 59,
  '14522': 52,
  '14523': 37,
  '14524': 33,
  '14612': 1,
  '14625': 57,
  '14626': 53,
  '14627': 28,
  '14628': 36,
  '14713': 1,
  '14729': 30,
  '14730': 30,
};

describe('Gemeinden', () => {
  it('are the 418 current Saxon Gemeinden, unique and sorted by AGS', () => {
    expect(GEMEINDE_COUNT).toBe(418);
    expect(GEMEINDEN).toHaveLength(GEMEINDE_COUNT);
    const ags = GEMEINDEN.map((g) => g.ags);
    expect(new Set(ags).size).toBe(ags.length);
    expect([...ags].sort()).toEqual(ags);
    for (const g of GEMEINDEN) {
      expect(g.ags).toMatch(/^14\d{6}$/);
      expect(g.kreis).toBe(g.ags.slice(0, 5));
      expect(['Stadt', 'Gemeinde']).toContain(g.art);
      expect(g.name.trim()).toBe(g.name);
      expect(g.name.length).toBeGreaterThan(0);
    }
  });

  it('each lies in exactly one Kreis and, through it, in exactly one Polizeidirektion', () => {
    for (const g of GEMEINDEN) {
      const kreise = KREISE.filter((k) => k.ags === g.kreis);
      expect(kreise, g.ags).toHaveLength(1);
      const pds = POLIZEIDIREKTIONEN.filter((pd) => pd.kreise.includes(g.kreis));
      expect(pds, g.ags).toHaveLength(1);
      expect(polizeidirektionOfGemeinde(g.ags)).toBe(pds[0]?.id);
      expect(kreise[0]?.polizeidirektion).toBe(pds[0]?.id);
    }
  });

  it('per-Kreis counts match and add up', () => {
    const counts: Record<string, number> = {};
    for (const g of GEMEINDEN) counts[g.kreis] = (counts[g.kreis] ?? 0) + 1;
    expect(counts).toEqual(GEMEINDEN_PER_KREIS);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(GEMEINDE_COUNT);
  });

  it('has the kreisfreie Städte as Gemeinden with 8-digit AGS', () => {
    expect(gemeindeByAgs('14511000')).toMatchObject({ name: 'Chemnitz', art: 'Stadt', kreis: '14511' });
    expect(gemeindeByAgs('14612000')).toMatchObject({ name: 'Dresden', art: 'Stadt', kreis: '14612' });
    expect(gemeindeByAgs('14713000')).toMatchObject({ name: 'Leipzig', art: 'Stadt', kreis: '14713' });
  });

  it('uses official short names and current names', () => {
    expect(gemeindeByAgs('14626110')).toEqual({ ags: '14626110', name: 'Görlitz', art: 'Stadt', kreis: '14626' });
    expect(gemeindeByAgs('14626600')?.name).toBe('Weißwasser/O.L.');
    expect(gemeindeByAgs('14521550')?.name).toBe('Schwarzenberg/Erzgeb.');
    expect(gemeindeByAgs('14626250')?.name).toBe('Krauschwitz i.d. O.L.');
    expect(gemeindeByAgs('14521035')).toEqual({
      ags: '14521035',
      name: 'Aue-Bad Schlema',
      art: 'Stadt',
      kreis: '14521',
      gueltigAb: '2019-01-01',
    });
    expect(gemeindeByAgs('14522275')).toEqual({
      ags: '14522275',
      name: 'Jahnatal',
      art: 'Gemeinde',
      kreis: '14522',
      gueltigAb: '2023-01-01',
    });
    expect(gemeindeByAgs('14729140')?.name).toBe('Frohburg');
    expect(gemeindeByAgs('14521030')).toBeUndefined();
    expect(gemeindeByAgs('99999999')).toBeUndefined();
    expect(polizeidirektionOfGemeinde('99999999')).toBeUndefined();
  });
});

describe('Kreise and Polizeidirektionen', () => {
  it('are the 13 Kreise of docs/domain.md', () => {
    expect(KREISE).toHaveLength(13);
    expect(Object.fromEntries(KREISE.map((k) => [k.ags, k.name]))).toEqual(KREIS_NAMES);
    expect(KREISE.filter((k) => k.art === 'Kreisfreie Stadt').map((k) => k.ags)).toEqual(['14511', '14612', '14713']);
    expect(KREISE.filter((k) => k.art === 'Landkreis')).toHaveLength(10);
    expect(kreisByAgs('14626')?.name).toBe('Görlitz');
    expect(kreisByAgs('14000')).toBeUndefined();
  });

  it('map Kreise to Polizeidirektionen exactly as in docs/domain.md', () => {
    expect(POLIZEIDIREKTIONEN.map((pd) => pd.id)).toEqual(Object.keys(PD_AREAS));
    for (const pd of POLIZEIDIREKTIONEN) {
      const expected = PD_AREAS[pd.id];
      expect(pd.name).toBe(expected?.name);
      expect([...pd.kreise].sort()).toEqual(expected?.kreise);
    }
    for (const [pdId, { kreise }] of Object.entries(PD_AREAS)) {
      for (const kreis of kreise) {
        expect(polizeidirektionOfKreis(kreis)).toBe(pdId);
        expect(kreisByAgs(kreis)?.polizeidirektion).toBe(pdId);
      }
    }
    expect(() => polizeidirektionOfKreis('14000')).toThrow(RangeError);
    expect(findPolizeidirektionOfKreis('14000')).toBeUndefined();
    expect(findPolizeidirektionOfKreis('14626')).toBe('goerlitz');
  });
});

describe('Vorgänger (merged Gemeinden)', () => {
  it('point at a current Gemeinde in the same Kreis, merged on 1 Jan or 1 Jul', () => {
    expect(VORGAENGER).toHaveLength(10);
    for (const v of VORGAENGER) {
      expect(gemeindeByAgs(v.ags), v.ags).toBeUndefined();
      const successor = gemeindeByAgs(v.nachfolger);
      expect(successor, v.ags).toBeDefined();
      expect(successor?.kreis).toBe(v.kreis);
      expect(v.kreis).toBe(v.ags.slice(0, 5));
      expect(v.gueltigBis).toMatch(/^20\d\d-(01|07)-01$/);
      if (successor?.gueltigAb) expect(successor.gueltigAb).toBe(v.gueltigBis);
      expect(aktuelleGemeinde(v.ags)).toBe(successor);
      expect(polizeidirektionOfGemeinde(v.ags)).toBe(polizeidirektionOfGemeinde(v.nachfolger));
    }
  });

  it('contain the mergers of docs/domain.md and the one of 1.1.2018', () => {
    const merged = Object.fromEntries(
      VORGAENGER.map((v) => [v.name, [v.gueltigBis, gemeindeByAgs(v.nachfolger)?.name]]),
    );
    expect(merged).toEqual({
      Pfaffroda: ['2017-01-01', 'Olbernhau'],
      Reuth: ['2017-01-01', 'Weischlitz'],
      'Bretnig-Hauswalde': ['2017-01-01', 'Großröhrsdorf'],
      Narsdorf: ['2017-07-01', 'Geithain'],
      'Kohren-Sahlis': ['2018-01-01', 'Frohburg'],
      Aue: ['2019-01-01', 'Aue-Bad Schlema'],
      'Bad Schlema': ['2019-01-01', 'Aue-Bad Schlema'],
      Schönteichen: ['2019-01-01', 'Kamenz'],
      Ostrau: ['2023-01-01', 'Jahnatal'],
      'Zschaitz-Ottewig': ['2023-01-01', 'Jahnatal'],
    });
  });

  it('reproduce the official Gemeinde counts per year (426, 423, 421, 419, 418)', () => {
    const countOn = (date: string): number =>
      GEMEINDEN.filter((g) => !g.gueltigAb || g.gueltigAb <= date).length +
      VORGAENGER.filter((v) => v.gueltigBis > date).length;
    expect(countOn('2016-01-01')).toBe(426);
    expect(countOn('2017-01-01')).toBe(423);
    expect(countOn('2018-01-01')).toBe(421);
    expect(countOn('2019-01-01')).toBe(419);
    expect(countOn('2022-12-31')).toBe(419);
    expect(countOn('2023-01-01')).toBe(418);
  });
});

describe('attribution', () => {
  it('names the BKG', () => {
    expect(ATTRIBUTION).toBe('© GeoBasis-DE / BKG');
  });
});
