import { describe, expect, it } from 'vitest';
import type { KommuneSummary, KpiPoint, PolizeidirektionId, Status } from '@asskomm/domain';
import { gebietsTabelle, kommunenListe, quartalsenden, veraenderungen } from './bericht';

function kommune(ags: string, name: string, pd: PolizeidirektionId, status: Status): KommuneSummary {
  return {
    ags,
    name,
    art: 'Gemeinde',
    kreis: ags.slice(0, 5),
    polizeidirektion: pd,
    status,
    kpr: status === 'mitglied_kpr',
    modellkommune: false,
    demodaten: false,
  };
}

const vorher = [
  kommune('14626110', 'Görlitz', 'goerlitz', 'beraten'),
  kommune('14626010', 'Bad Muskau', 'goerlitz', 'kein_kontakt'),
  kommune('14625020', 'Bautzen', 'goerlitz', 'mitglied'),
  kommune('14713000', 'Leipzig', 'leipzig', 'beraten'),
];
const jetzt = [
  kommune('14626110', 'Görlitz', 'goerlitz', 'mitglied_kpr'),
  kommune('14626010', 'Bad Muskau', 'goerlitz', 'beraten'),
  kommune('14625020', 'Bautzen', 'goerlitz', 'mitglied'),
  kommune('14713000', 'Leipzig', 'leipzig', 'mitglied'),
  // Formed by a merger after the comparison day.
  kommune('14626999', 'Neustadt', 'goerlitz', 'kein_kontakt'),
];

describe('the Lagebericht’s tables', () => {
  it('counts a Polizeidirektion’s Kommunen per Kreis and status, with the sum', () => {
    const tabelle = gebietsTabelle(jetzt, { pd: 'goerlitz', kreis: null });
    expect(tabelle?.teil).toBe('Kreis');
    expect(tabelle?.zeilen.map((z) => [z.name, z.kommunen])).toEqual([
      ['Landkreis Bautzen', 1],
      ['Landkreis Görlitz', 3],
    ]);
    expect(tabelle?.summe.nachStatus).toEqual({
      kein_kontakt: 1,
      beraten: 1,
      vorvereinbarung: 0,
      mitglied: 1,
      mitglied_kpr: 1,
    });
  });

  it('counts the Land per Polizeidirektion, and a Kreis has no parts', () => {
    const land = gebietsTabelle(jetzt, { pd: null, kreis: null });
    expect(land?.zeilen).toHaveLength(5);
    expect(land?.summe.kommunen).toBe(5);
    expect(gebietsTabelle(jetzt, { pd: 'goerlitz', kreis: '14626' })).toBeNull();
  });

  it('lists new members apart from the other changes, only of the area', () => {
    const { neueMitglieder, weitere } = veraenderungen(vorher, jetzt, { pd: 'goerlitz', kreis: null });
    expect(neueMitglieder.map((v) => [v.kommune.name, v.vorher])).toEqual([['Görlitz', 'beraten']]);
    // Bautzen did not change; Neustadt is new but without contact, which is no change to report.
    expect(weitere.map((v) => [v.kommune.name, v.vorher])).toEqual([['Bad Muskau', 'kein_kontakt']]);
  });

  it('lists every Kommune of a Polizeidirektion, but of the Land only those in the programme', () => {
    expect(kommunenListe(jetzt, { pd: 'goerlitz', kreis: null }).map((k) => k.name)).toEqual([
      'Bautzen',
      'Bad Muskau',
      'Görlitz',
      'Neustadt',
    ]);
    expect(kommunenListe(jetzt, { pd: null, kreis: null }).map((k) => k.name)).not.toContain('Neustadt');
  });

  it('thins the growth series to quarter ends and keeps the report’s day', () => {
    const punkt = (stand: string) => ({ stand }) as KpiPoint;
    const reihe = ['2025-09-30', '2025-10-31', '2025-11-30', '2025-12-31', '2026-01-31', '2026-02-14'].map(punkt);
    expect(quartalsenden(reihe).map((p) => p.stand)).toEqual(['2025-09-30', '2025-12-31', '2026-02-14']);
  });
});
