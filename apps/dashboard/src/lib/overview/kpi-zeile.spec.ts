import { describe, expect, it } from 'vitest';
import type { KpiSnapshot } from '@asskomm/domain';
import { kpiZeile } from './kpi-zeile';

const kpi = {
  stand: '2026-11-30',
  polizeidirektion: null,
  kreis: null,
  beraten: 198,
  mitglieder: 71,
  mitgliedGemeinden: 71,
  kpr: 41,
  koordinierungsstellen: 25,
  sicherheitsanalysenBegonnen: 36,
  sicherheitsanalysenAbgeschlossen: 33,
  gemeinden: 418,
  demodaten: true,
  foerderung: {
    haushaltsjahr: 2026,
    budgetCent: 130_000_000,
    beantragtCent: 1,
    bewilligtCent: 105_412_800,
    ausgezahltCent: 0,
    zurueckgefordertCent: 0,
    oeffentlichAm: null,
    verborgen: false,
  },
} as KpiSnapshot;

describe('the KPI line to copy', () => {
  it('says area, Stand and every tile in German', () => {
    // Numbers and units are joined by no-break spaces, as everywhere in the UI.
    expect(kpiZeile(kpi, 'Sachsen').replace(/\u00a0/g, ' ')).toBe(
      'Sachsen, Stand 30.11.2026: 71 Mitglieder; 198 beratene Kommunen; 41 Kommunale Präventionsräte; ' +
        '25 Koordinierungsstellen; 36 Sicherheitsanalysen begonnen, 33 abgeschlossen; ' +
        'Abdeckung 17 % (71 von 418 Gemeinden); Fördermittel 2026 bewilligt 1.054.128 € von 1.300.000 €. (Demodaten)',
    );
  });

  it('leaves out funding the tiles hide', () => {
    const verborgen = { ...kpi, foerderung: { ...kpi.foerderung, verborgen: true } } as unknown as KpiSnapshot;
    expect(kpiZeile(verborgen, 'Polizeidirektion Görlitz')).not.toContain('Fördermittel');
  });
});
