import { describe, expect, it } from 'vitest';
import { ownerAsOf, type KommuneLineage } from './kommune.ts';
import { computeKpiCounts, EMPTY_KPI_COUNTS } from './kpi.ts';
import type { MeilensteinFact } from './meilensteine.ts';

// Hand-built fixture: Ostrau (14522430) and Zschaitz-Ottewig (14522620) merge into Jahnatal (14522275)
// on 2023-01-01; Görlitz stays as it is.
const lineage = new Map<string, KommuneLineage>([
  ['14522430', { ags: '14522430', gueltigBis: '2023-01-01', nachfolger: '14522275' }],
  ['14522620', { ags: '14522620', gueltigBis: '2023-01-01', nachfolger: '14522275' }],
  ['14522275', { ags: '14522275', gueltigBis: null, nachfolger: null }],
  ['14626110', { ags: '14626110', gueltigBis: null, nachfolger: null }],
]);

const meilensteine: MeilensteinFact[] = [
  { ags: '14522430', kind: 'erstberatung', date: '2021-03-01' },
  { ags: '14522620', kind: 'erstberatung', date: '2021-04-01' },
  { ags: '14522430', kind: 'kooperationsvereinbarung', date: '2022-05-01' },
  { ags: '14522620', kind: 'kpr_gegruendet', date: '2022-09-01' },
  { ags: '14626110', kind: 'erstberatung', date: '2019-02-06' },
  { ags: '14626110', kind: 'kooperationsvereinbarung', date: '2020-07-01' },
  { ags: '14626110', kind: 'kpr_gegruendet', date: '2023-02-23' },
  { ags: '14626110', kind: 'sicherheitsanalyse_begonnen', date: '2021-01-15' },
  { ags: '14626110', kind: 'sicherheitsanalyse_abgeschlossen', date: '2021-06-04' },
  { ags: '14522430', kind: 'sicherheitsanalyse_begonnen', date: '2022-10-01' },
  { ags: '14626110', kind: 'koordinierungsstelle_eingerichtet', date: '2022-03-01' },
  // The Landkreis Görlitz (a Kreis, 5 digits) as a member: a Kommune, but not a Gemeinde.
  { ags: '14626', kind: 'erstberatung', date: '2021-05-01' },
  { ags: '14626', kind: 'kooperationsvereinbarung', date: '2022-11-30' },
];

describe('ownerAsOf', () => {
  it('keeps a Gemeinde itself before its merger and hands it to the successor from the merger day', () => {
    expect(ownerAsOf('14522430', '2022-12-31', lineage)).toBe('14522430');
    expect(ownerAsOf('14522430', '2023-01-01', lineage)).toBe('14522275');
    expect(ownerAsOf('14626110', '2030-01-01', lineage)).toBe('14626110');
  });
});

describe('computeKpiCounts', () => {
  it('counts nothing before the first meilenstein', () => {
    expect(computeKpiCounts(meilensteine, lineage, '2019-01-01')).toEqual(EMPTY_KPI_COUNTS);
  });

  it('counts each old Gemeinde for itself before the merger', () => {
    // beraten: Ostrau, Zschaitz-Ottewig, Görlitz, LK Görlitz; Mitglieder: Ostrau, Görlitz, LK Görlitz (2 of them
    // Gemeinden); KPR: Zschaitz-Ottewig; Koordinierungsstelle: Görlitz; Analysen begonnen: Görlitz, Ostrau.
    expect(computeKpiCounts(meilensteine, lineage, '2022-12-31')).toEqual({
      beraten: 4,
      mitglieder: 3,
      mitgliedGemeinden: 2,
      kpr: 1,
      koordinierungsstellen: 1,
      sicherheitsanalysenBegonnen: 2,
      sicherheitsanalysenAbgeschlossen: 1,
    });
  });

  it('counts the successor once from the merger day, with the meilensteine of both', () => {
    // Jahnatal inherits Ostrau's membership and analysis and Zschaitz-Ottewig's KPR; Görlitz gets its KPR.
    expect(computeKpiCounts(meilensteine, lineage, '2023-02-23')).toEqual({
      beraten: 3,
      mitglieder: 3,
      mitgliedGemeinden: 2,
      kpr: 2,
      koordinierungsstellen: 1,
      sicherheitsanalysenBegonnen: 2,
      sicherheitsanalysenAbgeschlossen: 1,
    });
  });
});
