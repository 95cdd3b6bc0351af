import { describe, expect, it } from 'vitest';
import { ownerAsOf, type KommuneLineage } from './kommune.ts';
import { computeKpiCounts } from './kpi.ts';
import type { MilestoneFact } from './milestones.ts';

// Hand-built fixture: Ostrau (14522430) and Zschaitz-Ottewig (14522620) merge into Jahnatal (14522275)
// on 2023-01-01; Görlitz stays as it is.
const lineage = new Map<string, KommuneLineage>([
  ['14522430', { ags: '14522430', gueltigBis: '2023-01-01', nachfolger: '14522275' }],
  ['14522620', { ags: '14522620', gueltigBis: '2023-01-01', nachfolger: '14522275' }],
  ['14522275', { ags: '14522275', gueltigBis: null, nachfolger: null }],
  ['14626110', { ags: '14626110', gueltigBis: null, nachfolger: null }],
]);

const milestones: MilestoneFact[] = [
  { ags: '14522430', kind: 'erstberatung', date: '2021-03-01' },
  { ags: '14522620', kind: 'erstberatung', date: '2021-04-01' },
  { ags: '14522430', kind: 'kooperationsvereinbarung', date: '2022-05-01' },
  { ags: '14522620', kind: 'kpr_gegruendet', date: '2022-09-01' },
  { ags: '14626110', kind: 'erstberatung', date: '2019-02-06' },
  { ags: '14626110', kind: 'kooperationsvereinbarung', date: '2020-07-01' },
  { ags: '14626110', kind: 'kpr_gegruendet', date: '2023-02-23' },
];

describe('ownerAsOf', () => {
  it('keeps a Gemeinde itself before its merger and hands it to the successor from the merger day', () => {
    expect(ownerAsOf('14522430', '2022-12-31', lineage)).toBe('14522430');
    expect(ownerAsOf('14522430', '2023-01-01', lineage)).toBe('14522275');
    expect(ownerAsOf('14626110', '2030-01-01', lineage)).toBe('14626110');
  });
});

describe('computeKpiCounts', () => {
  it('counts nothing before the first milestone', () => {
    expect(computeKpiCounts(milestones, lineage, '2019-01-01')).toEqual({ beraten: 0, mitglieder: 0, kpr: 0 });
  });

  it('counts each old Gemeinde for itself before the merger', () => {
    // beraten: Ostrau, Zschaitz-Ottewig, Görlitz; Mitglieder: Ostrau, Görlitz; KPR: Zschaitz-Ottewig.
    expect(computeKpiCounts(milestones, lineage, '2022-12-31')).toEqual({ beraten: 3, mitglieder: 2, kpr: 1 });
  });

  it('counts the successor once from the merger day, with the milestones of both', () => {
    // Jahnatal inherits Ostrau's membership and Zschaitz-Ottewig's KPR; Görlitz gets its KPR.
    expect(computeKpiCounts(milestones, lineage, '2023-02-23')).toEqual({ beraten: 2, mitglieder: 2, kpr: 2 });
  });
});
