import { describe, expect, it } from 'vitest';
import { checkFoerderantrag, foerderbetraegeAsOf, foerderstatusAsOf, type FoerderantragFacts } from './foerderung.ts';

const base: FoerderantragFacts = {
  haushaltsjahr: 2022,
  eingereichtAm: '2021-09-15',
  beantragtCent: 5_400_000,
  foerderfaehigCent: 6_000_000,
  entscheidung: { datum: '2022-02-01', art: 'bewilligt' },
  bewilligtCent: 5_000_000,
  zurueckgezogenAm: null,
  auszahlungen: [
    { datum: '2022-04-01', betragCent: 2_500_000 },
    { datum: '2022-10-01', betragCent: 2_500_000 },
  ],
  verwendungsnachweisAm: '2023-03-31',
  geprueftAm: '2023-06-30',
  zurueckgefordertCent: 0,
  zurueckgefordertAm: null,
};
const context: { today: string; erstberatungAm: string | null } = { today: '2026-11-21', erstberatungAm: '2021-03-01' };
const fields = (antrag: FoerderantragFacts, ctx = context) => checkFoerderantrag(antrag, ctx).map((p) => p.field);

describe('foerderstatusAsOf and foerderbetraegeAsOf', () => {
  it('walks Antrag → bewilligt → ausgezahlt → Verwendungsnachweis → geprüft by date', () => {
    expect(foerderstatusAsOf(base, '2021-09-14')).toBeUndefined();
    expect(foerderstatusAsOf(base, '2021-12-31')).toBe('antrag');
    expect(foerderstatusAsOf(base, '2022-02-01')).toBe('bewilligt');
    expect(foerderstatusAsOf(base, '2022-05-01')).toBe('ausgezahlt');
    expect(foerderstatusAsOf(base, '2023-04-01')).toBe('verwendungsnachweis_eingereicht');
    expect(foerderstatusAsOf(base, '2023-07-01')).toBe('geprueft');
    expect(foerderbetraegeAsOf(base, '2022-05-01')).toEqual({
      beantragtCent: 5_400_000,
      bewilligtCent: 5_000_000,
      ausgezahltCent: 2_500_000,
      zurueckgefordertCent: 0,
    });
  });

  it('counts nothing approved for a rejected or withdrawn application', () => {
    const rejected = {
      ...base,
      entscheidung: { datum: '2022-02-01', art: 'abgelehnt' as const },
      bewilligtCent: null,
      auszahlungen: [],
    };
    expect(foerderstatusAsOf(rejected, '2022-03-01')).toBe('abgelehnt');
    expect(foerderbetraegeAsOf(rejected, '2022-03-01').bewilligtCent).toBe(0);
    const withdrawn = {
      ...base,
      entscheidung: null,
      bewilligtCent: null,
      auszahlungen: [],
      zurueckgezogenAm: '2021-11-01',
    };
    expect(foerderstatusAsOf(withdrawn, '2021-12-01')).toBe('zurueckgezogen');
  });
});

describe('checkFoerderantrag', () => {
  it('accepts an application that follows the guideline', () => {
    expect(checkFoerderantrag({ ...base, verwendungsnachweisAm: null, geprueftAm: null }, context)).toEqual([]);
    expect(checkFoerderantrag(base, context)).toEqual([]);
  });

  it('requires an Erstberatung before the application', () => {
    expect(fields(base, { ...context, erstberatungAm: null })).toEqual(['eingereichtAm']);
    expect(fields(base, { ...context, erstberatungAm: '2021-10-01' })).toEqual(['eingereichtAm']);
  });

  it('holds approved ≤ requested, approved ≤ 90 % of eligible cost, paid ≤ approved', () => {
    expect(fields({ ...base, bewilligtCent: 5_500_000 })).toContain('bewilligtCent');
    expect(fields({ ...base, beantragtCent: 6_000_000, bewilligtCent: 5_400_001 })).toEqual(['bewilligtCent']);
    expect(fields({ ...base, beantragtCent: 6_000_000, bewilligtCent: 5_400_000 })).toEqual([]);
    expect(fields({ ...base, auszahlungen: [{ datum: '2022-04-01', betragCent: 5_000_001 }] })).toEqual([
      'auszahlungen',
    ]);
  });

  it('refuses future dates, a decision before the application and payouts before approval', () => {
    expect(fields({ ...base, geprueftAm: '2027-01-01' })).toEqual(['geprueftAm']);
    expect(fields({ ...base, entscheidung: { datum: '2021-09-01', art: 'bewilligt' } })).toEqual([
      'entscheidung.datum',
    ]);
    expect(fields({ ...base, auszahlungen: [{ datum: '2022-01-15', betragCent: 100 }] })).toEqual([
      'auszahlungen.0.datum',
    ]);
  });
});
