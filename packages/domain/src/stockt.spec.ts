import { describe, expect, it } from 'vitest';
import type { MeilensteinKind } from './meilensteine.ts';
import { plusMonate, STANDARD_SCHWELLEN, stockungen, type StocktAntrag } from './stockt.ts';

const m = (kind: MeilensteinKind, date: string) => ({ kind, date });
const gruende = (...args: Parameters<typeof stockungen>) => stockungen(...args).map((s) => s.grund);

describe('what has stalled', () => {
  it('counts months as the calendar does (the 31st becomes the last day)', () => {
    expect(plusMonate('2026-01-31', 1)).toBe('2026-02-28');
    expect(plusMonate('2025-08-31', 6)).toBe('2026-02-28');
    expect(plusMonate('2025-12-31', 6)).toBe('2026-06-30');
    expect(plusMonate('2025-03-15', 12)).toBe('2026-03-15');
  });

  it('a Vorvereinbarung without Kooperationsvereinbarung stalls after more than 6 months', () => {
    const weg = [m('erstberatung', '2025-01-10'), m('vorvereinbarung', '2025-06-04')];
    expect(gruende(weg, [], '2025-12-04')).toEqual([]);
    expect(stockungen(weg, [], '2025-12-05')).toEqual([
      {
        grund: 'vorvereinbarung_ohne_kv',
        seit: '2025-12-04',
        text: 'Vorvereinbarung seit 04.06.2025, noch keine Kooperationsvereinbarung',
        naechsterMeilenstein: 'kooperationsvereinbarung',
        foerderantragId: null,
      },
    ]);
    expect(gruende([...weg, m('kooperationsvereinbarung', '2025-11-01')], [], '2026-01-10')).toEqual([]);
  });

  it('a Sicherheitsanalyse begun stalls after more than 9 months, and ends when it is completed', () => {
    const weg = [m('kooperationsvereinbarung', '2024-01-10'), m('kpr_gegruendet', '2024-02-01')];
    const begonnen = [...weg, m('sicherheitsanalyse_begonnen', '2025-03-01')];
    expect(gruende(begonnen, [], '2025-12-01')).toEqual([]);
    expect(gruende(begonnen, [], '2025-12-02')).toEqual(['analyse_offen']);
    expect(gruende([...begonnen, m('sicherheitsanalyse_abgeschlossen', '2025-11-30')], [], '2026-06-01')).toEqual([]);
  });

  it('a member without KPR stalls after more than 12 months; a KPR ends it', () => {
    const weg = [m('erstberatung', '2023-01-10'), m('kooperationsvereinbarung', '2024-05-20')];
    expect(gruende(weg, [], '2025-05-20')).toEqual([]);
    expect(gruende(weg, [], '2025-05-21')).toEqual(['mitglied_ohne_kpr']);
    expect(gruende([...weg, m('kpr_gegruendet', '2025-06-01')], [], '2025-07-01')).toEqual([]);
  });

  it('an advised Kommune with no step for more than 12 months stalls; a later step resets the wait', () => {
    expect(gruende([m('erstberatung', '2024-03-01')], [], '2025-03-01')).toEqual([]);
    expect(gruende([m('erstberatung', '2024-03-01')], [], '2025-03-02')).toEqual(['beraten_ohne_kontakt']);
    expect(gruende([m('erstberatung', '2024-03-01'), m('coaching_begonnen', '2025-01-01')], [], '2025-03-02')).toEqual(
      [],
    );
  });

  it('an approved grant without Verwendungsnachweis is due after 30 June of the next year', () => {
    const antrag: StocktAntrag = {
      id: 7,
      haushaltsjahr: 2024,
      entscheidung: { datum: '2024-02-01', art: 'bewilligt' },
      zurueckgezogenAm: null,
      verwendungsnachweisAm: null,
    };
    expect(gruende([], [antrag], '2025-06-30')).toEqual([]);
    expect(stockungen([], [antrag], '2025-07-01')).toMatchObject([
      { grund: 'verwendungsnachweis_faellig', seit: '2025-06-30', foerderantragId: 7 },
    ]);
    expect(gruende([], [{ ...antrag, verwendungsnachweisAm: '2025-05-01' }], '2025-07-01')).toEqual([]);
    expect(gruende([], [{ ...antrag, entscheidung: { datum: '2024-02-01', art: 'abgelehnt' } }], '2025-07-01')).toEqual(
      [],
    );
  });

  it('follows thresholds the LPR set', () => {
    const weg = [m('vorvereinbarung', '2025-06-04')];
    expect(gruende(weg, [], '2025-09-05', { ...STANDARD_SCHWELLEN, vorvereinbarungMonate: 3 })).toEqual([
      'vorvereinbarung_ohne_kv',
    ]);
  });
});
