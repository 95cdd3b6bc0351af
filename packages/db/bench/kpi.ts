// Land KPI snapshot as of random dates on the Saxony demo data, on PGlite and (with
// TEST_DATABASE_URL) on PostgreSQL: p50/p95/max over 200 queries after 20 warm-up queries.
// Usage: pnpm bench:kpi (from the repository root)
import { cpus, totalmem } from 'node:os';
import { kpi } from '../src/index.ts';
import { createSeededTestDatabase, TEST_DATABASE_KINDS } from '../src/testing.ts';

const RUNS = 200;
const WARMUP = 20;
const LAND = { kind: 'land' } as const;

function randomDate(): string {
  const from = Date.parse('2019-02-06');
  const to = Date.parse('2026-11-21');
  return new Date(from + Math.random() * (to - from)).toISOString().slice(0, 10);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
for (const kind of TEST_DATABASE_KINDS) {
  const test = await createSeededTestDatabase(kind, { demo: true });
  for (let i = 0; i < WARMUP; i++) await kpi.snapshot(test.db, LAND, randomDate());
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await kpi.snapshot(test.db, LAND, randomDate());
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  console.log(
    `${kind.padEnd(8)} Land KPI snapshot (${RUNS} random dates): p50 ${fmt(percentile(times, 50))}, p95 ${fmt(percentile(times, 95))}, max ${fmt(times.at(-1)!)}`,
  );
  await test.drop();
}
