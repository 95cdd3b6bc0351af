import { describe, expect, it } from 'vitest';
import { deriveStatus, STATUS_SCALE, statusRank } from './status.ts';

describe('deriveStatus', () => {
  it('is kein Kontakt without meilensteine', () => {
    expect(deriveStatus([], '2024-01-01')).toEqual({
      status: 'kein_kontakt',
      beraten: false,
      mitglied: false,
      kpr: false,
      coaching: false,
      sicherheitsanalyse: 'keine',
      koordinierungsstelle: false,
    });
  });

  it('climbs the scale as meilensteine accumulate, ignoring those after the day', () => {
    const meilensteine = [
      { kind: 'erstberatung', date: '2020-03-01' },
      { kind: 'vorvereinbarung', date: '2021-05-01' },
      { kind: 'kooperationsvereinbarung', date: '2023-02-23' },
      { kind: 'kpr_gegruendet', date: '2023-06-01' },
    ] as const;
    expect(deriveStatus(meilensteine, '2020-02-29').status).toBe('kein_kontakt');
    expect(deriveStatus(meilensteine, '2020-03-01').status).toBe('beraten');
    expect(deriveStatus(meilensteine, '2022-01-01').status).toBe('vorvereinbarung');
    expect(deriveStatus(meilensteine, '2023-02-23').status).toBe('mitglied');
    expect(deriveStatus(meilensteine, '2023-06-01')).toMatchObject({
      status: 'mitglied_kpr',
      beraten: true,
      mitglied: true,
      kpr: true,
    });
  });

  it('ends membership with an Austritt and restores it with a later new agreement', () => {
    const meilensteine = [
      { kind: 'erstberatung', date: '2019-03-01' },
      { kind: 'kooperationsvereinbarung', date: '2020-01-10' },
      { kind: 'austritt', date: '2022-06-30' },
      { kind: 'kooperationsvereinbarung', date: '2024-02-01' },
    ] as const;
    expect(deriveStatus(meilensteine, '2022-06-29').mitglied).toBe(true);
    expect(deriveStatus(meilensteine, '2022-06-30')).toMatchObject({ status: 'beraten', mitglied: false });
    expect(deriveStatus(meilensteine, '2024-02-01').status).toBe('mitglied');
  });

  it('counts a KPR even without contact to ASSKomm, but keeps the status scale at kein Kontakt', () => {
    expect(deriveStatus([{ kind: 'kpr_reaktiviert', date: '2018-05-01' }], '2019-01-01')).toMatchObject({
      status: 'kein_kontakt',
      beraten: false,
      mitglied: false,
      kpr: true,
    });
  });

  it('sets the flags Coaching, Sicherheitsanalyse and Koordinierungsstelle as of the day', () => {
    const meilensteine = [
      { kind: 'coaching_begonnen', date: '2021-02-01' },
      { kind: 'sicherheitsanalyse_begonnen', date: '2021-03-01' },
      { kind: 'sicherheitsanalyse_abgeschlossen', date: '2021-07-19' },
      { kind: 'koordinierungsstelle_eingerichtet', date: '2022-01-01' },
    ] as const;
    expect(deriveStatus(meilensteine, '2021-05-01')).toMatchObject({
      coaching: true,
      sicherheitsanalyse: 'begonnen',
      koordinierungsstelle: false,
    });
    expect(deriveStatus(meilensteine, '2022-01-01')).toMatchObject({
      sicherheitsanalyse: 'abgeschlossen',
      koordinierungsstelle: true,
    });
  });
});

describe('statusRank', () => {
  it('orders the scale from kein Kontakt to Mitglied mit KPR', () => {
    expect(STATUS_SCALE.map(statusRank)).toEqual([0, 1, 2, 3, 4]);
    expect(statusRank('mitglied')).toBeGreaterThan(statusRank('vorvereinbarung'));
  });
});
