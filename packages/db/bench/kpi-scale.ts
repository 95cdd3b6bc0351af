// Germany scale: 11,000 synthetic Kommunen and 1,000,000 milestones on PostgreSQL (TEST_DATABASE_URL),
// then the Land KPI snapshot as of random dates (p50/p95 over 50 queries) and its query plan.
// Usage: TEST_DATABASE_URL=postgres://… pnpm bench:kpi-scale
import { sql } from 'kysely';
import { kpi, migrateToLatest, seedMasterData } from '../src/index.ts';
import * as fakten from '../src/fakten.ts';
import { createTestDatabase } from '../src/testing.ts';

const KREISE = 100;
const GEMEINDEN_PER_KREIS = 110;
const MEILENSTEINE_PER_GEMEINDE = 91;
const RUNS = 50;
const LAND = { kind: 'land' } as const;

// A million milestones go in with one statement each: far more than a request's budget.
const test = await createTestDatabase('postgres', { statementTimeoutMs: 0 });
try {
  await migrateToLatest(test.db);
  await seedMasterData(test.db);
  let started = performance.now();
  // Synthetic Kreise 14800–14899 (outside Saxony's real keys), each with 110 Gemeinden.
  await sql`insert into kommune (ags, name, art, kreis_ags, polizeidirektion_id)
    select '14' || (800 + k), 'Kreis ' || k, 'Landkreis', '14' || (800 + k),
      (array['chemnitz','dresden','goerlitz','leipzig','zwickau'])[1 + k % 5]
    from generate_series(0, ${KREISE - 1}) k`.execute(test.db);
  await sql`insert into kommune (ags, name, art, kreis_ags, polizeidirektion_id)
    select '14' || (800 + k) || lpad(g::text, 3, '0'), 'Gemeinde ' || k || '/' || g, 'Gemeinde', '14' || (800 + k),
      (array['chemnitz','dresden','goerlitz','leipzig','zwickau'])[1 + k % 5]
    from generate_series(0, ${KREISE - 1}) k, generate_series(1, ${GEMEINDEN_PER_KREIS}) g`.execute(test.db);
  await sql`insert into meilenstein (kommune_ags, kind, datum, synthetisch)
    select k.ags,
      (array['erstberatung','vorvereinbarung','kooperationsvereinbarung','coaching_begonnen','sicherheitsanalyse_begonnen',
        'sicherheitsanalyse_abgeschlossen','kpr_gegruendet','kpr_reaktiviert','koordinierungsstelle_eingerichtet',
        'praeventionskonzept_beschlossen','beratungsordner_uebergeben','austritt'])[1 + floor(random() * 12)::int],
      date '2018-01-01' + floor(random() * 3240)::int, true
    from kommune k, generate_series(1, ${MEILENSTEINE_PER_GEMEINDE})
    where k.kreis_ags like '148%' and length(k.ags) = 8`.execute(test.db);
  await fakten.refresh(test.db);
  await sql`analyze`.execute(test.db);
  const counts = await sql<{ kommunen: number; meilensteine: number }>`
    select (select count(*)::int from kommune) as kommunen, (select count(*)::int from meilenstein) as meilensteine`.execute(
    test.db,
  );
  console.log(`Loaded ${JSON.stringify(counts.rows[0])} in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const dates = Array.from({ length: RUNS + 5 }, () =>
    new Date(Date.parse('2019-02-06') + Math.random() * (Date.parse('2026-11-21') - Date.parse('2019-02-06')))
      .toISOString()
      .slice(0, 10),
  );
  for (const date of dates.slice(0, 5)) await kpi.snapshot(test.db, LAND, date);
  const measure = async (label: string, run: (date: string) => Promise<unknown>) => {
    const times: number[] = [];
    for (const date of dates.slice(5)) {
      started = performance.now();
      await run(date);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!.toFixed(0);
    console.log(`postgres ${label}, Germany scale (${RUNS} random dates): p50 ${at(50)} ms, p95 ${at(95)} ms`);
  };
  await measure('Land KPI snapshot', (date) => kpi.snapshot(test.db, LAND, date));
  await measure('  of which the counts', (date) => kpi.countsOn(test.db, LAND, [date]));

  // The plan of the counting query: every scan node, with how often it ran.
  const plan = await sql<{
    'QUERY PLAN': string;
  }>`explain (analyze, costs off) ${kpi.countsQuery(LAND, ['2024-06-30'])}`.execute(test.db);
  const lines = plan.rows.map((r) => r['QUERY PLAN']);
  console.log('Scans in the plan (loops = how often each ran):');
  for (const line of lines.filter((l) => /Scan/.test(l))) console.log(`  ${line.trim()}`);
  const perKommuneSeqScan = lines.some((l) => /Seq Scan on meilenstein/.test(l) && /loops=(\d{2,})/.test(l));
  console.log(
    perKommuneSeqScan
      ? 'WARNING: meilensteine are scanned sequentially per Kommune'
      : 'No sequential scan of meilensteine per Kommune.',
  );
} finally {
  await test.drop();
}
