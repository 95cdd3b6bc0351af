import { describe, expect, it } from 'vitest';
import {
  checkFoerderantrag,
  checkMeilensteine,
  computeKpiCounts,
  foerderbetraegeAsOf,
  type KommuneLineage,
} from '@asskomm/domain';
import { VORGAENGER } from '@asskomm/geo';
import { REAL_SIGNINGS, TARGETS } from './demo-data.ts';
import { demoDataFor } from './seed-demo.ts';

const TODAY = '2026-11-21';
const demo = demoDataFor(TODAY);
const lineage = new Map<string, KommuneLineage>(
  VORGAENGER.map((v) => [v.ags, { ags: v.ags, gueltigBis: v.gueltigBis, nachfolger: v.nachfolger }]),
);

describe('demo data', () => {
  it('is the same on every run', () => {
    expect(demoDataFor(TODAY)).toEqual(demo);
  });

  it('contains every public unterzeichnung on its real date, not flagged synthetic', () => {
    const real = demo.meilensteine.filter((m) => m.kind === 'kooperationsvereinbarung' && !m.synthetisch);
    expect(real.map((m) => m.date).sort()).toEqual(REAL_SIGNINGS.map((s) => s.date).sort());
    expect(new Set(real.map((m) => m.ags)).size).toBe(REAL_SIGNINGS.length);
  });

  it('reproduces the public totals on their dates', () => {
    for (const metric of ['beraten', 'mitglieder', 'kpr'] as const) {
      for (const { date, value } of TARGETS[metric]) {
        expect({ metric, date, value: computeKpiCounts(demo.meilensteine, lineage, date)[metric] }).toEqual({
          metric,
          date,
          value,
        });
      }
    }
  });

  it('matches the press figures quoted in docs/domain.md', () => {
    expect(computeKpiCounts(demo.meilensteine, lineage, '2021-09-01')).toMatchObject({ beraten: 121, kpr: 25 });
    expect(computeKpiCounts(demo.meilensteine, lineage, '2021-12-01').mitglieder).toBe(30);
    expect(computeKpiCounts(demo.meilensteine, lineage, '2023-02-23').mitglieder).toBe(47);
    expect(computeKpiCounts(demo.meilensteine, lineage, '2023-09-14').mitglieder).toBe(54);
  });

  it('gives every Kommune a history that follows the meilenstein rules', () => {
    for (const ags of new Set(demo.meilensteine.map((m) => m.ags))) {
      const own = demo.meilensteine.filter((m) => m.ags === ags);
      expect({ ags, problems: checkMeilensteine(own, TODAY) }).toEqual({ ags, problems: [] });
    }
  });

  it('groups real unterzeichnungen of one day and Polizeidirektion into one unterzeichnung', () => {
    const silberberg = demo.meilensteine.filter((m) => m.unterzeichnung === '2021-12-17|chemnitz');
    expect(silberberg).toHaveLength(5);
  });

  it('advises every member at least four months before it signs, and dates nothing after today', () => {
    const advised = new Map(demo.meilensteine.filter((m) => m.kind === 'erstberatung').map((m) => [m.ags, m.date]));
    for (const m of demo.meilensteine.filter((x) => x.kind === 'kooperationsvereinbarung')) {
      const first = advised.get(m.ags);
      expect(first, m.ags).toBeDefined();
      expect(Date.parse(m.date) - Date.parse(first!)).toBeGreaterThanOrEqual(120 * 86_400_000);
    }
    expect(demo.meilensteine.every((m) => m.date <= TODAY && m.date >= '2018-01-01')).toBe(true);
  });

  it('keeps every foerderung application within the RL KommPräv rules', () => {
    const advised = new Map(demo.meilensteine.filter((m) => m.kind === 'erstberatung').map((m) => [m.ags, m.date]));
    expect(demo.foerderantraege.length).toBeGreaterThan(50);
    for (const f of demo.foerderantraege) {
      expect(checkFoerderantrag(f, { today: TODAY, erstberatungAm: advised.get(f.ags) ?? null })).toEqual([]);
    }
    const approved2022 = demo.foerderantraege
      .filter((f) => f.haushaltsjahr === 2022)
      .reduce((sum, f) => sum + foerderbetraegeAsOf(f, TODAY).bewilligtCent, 0);
    expect(approved2022).toBeGreaterThan(0.7 * 130_000_000);
    expect(approved2022).toBeLessThanOrEqual(130_000_000);
  });
});

describe('demo Koordinierungsstellen', () => {
  it('start 60 days after the first approved Koordinierungsstelle grant, one per Kommune', () => {
    const established = demo.meilensteine.filter((m) => m.kind === 'koordinierungsstelle_eingerichtet');
    const firstGrant = new Map<string, string>();
    for (const f of demo.foerderantraege) {
      if (f.zweck !== 'koordinierungsstelle' || f.entscheidung?.art !== 'bewilligt' || firstGrant.has(f.ags)) continue;
      firstGrant.set(f.ags, f.entscheidung.datum);
    }
    const expected = [...firstGrant]
      .map(([ags, datum]) => ({ ags, date: new Date(Date.parse(datum) + 60 * 86_400_000).toISOString().slice(0, 10) }))
      .filter((m) => m.date <= TODAY);
    expect(expected.length).toBeGreaterThan(10);
    const sortKey = (m: { ags: string; date: string }) => `${m.ags}|${m.date}`;
    expect(established.map(sortKey).sort()).toEqual(expected.map(sortKey).sort());
  });
});

describe('demo applications of the coming year', () => {
  it('request about one budget, not every advised Kommune at once', () => {
    const next = demo.foerderantraege.filter((f) => f.haushaltsjahr === 2027);
    const requested = next.reduce((sum, f) => sum + f.beantragtCent, 0);
    expect(next.length).toBeGreaterThan(0);
    expect(requested).toBeLessThan(1.5 * 130_000_000);
  });
});
