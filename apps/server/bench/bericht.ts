/**
 * pnpm bench:bericht [-- --runs 5 --clients 1000 --rate 10 --seconds 10 --server apps/server/dist/index.js]
 *
 * The Lagebericht PDF (issue 12) against the built server on PGlite with demo data: first render
 * and cached answer for the Land and each Polizeidirektion, five different reports at once, and the
 * live commit → client p99 for N viewers with and without reports being rendered meanwhile. Also
 * the Kommunen list as XLSX, and the export path with a Germany-scale table (export-deutschland.ts).
 * Prints figures and PASS/MISS per target; exits non-zero only on errors.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { POLIZEIDIREKTION_IDS, type KommuneSummary } from '@asskomm/domain';
import { DEUTSCHLAND, deutschlandExport, type ExportMessung } from './export-deutschland.ts';
import { measure, type Result } from './measure.ts';
import { benchFlags, pinLoadGenerator, PINNING, startNode } from './processes.ts';
import { ms, ratio } from './stats.ts';
import { login, oursTarget } from './targets.ts';

const TARGET = {
  firstMs: 3000,
  cachedMs: 100,
  fiveMs: 10_000,
  liveRatio: 1.2,
  xlsxMs: 300,
  grossMs: 3000,
  grossMib: 100,
};

const flags = benchFlags({ runs: '5', clients: '1000', rate: '10', seconds: '10' });
const runs = Number(flags.runs);
pinLoadGenerator();

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** One request's duration; fails on anything but 200 with the expected type. */
async function timed(url: string, cookie: string, type: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const bytes = await response.arrayBuffer();
  const took = performance.now() - start;
  if (response.status !== 200 || !response.headers.get('content-type')?.startsWith(type)) {
    throw new Error(`${url}: ${response.status} ${Buffer.from(bytes).toString('utf8').slice(0, 300)}`);
  }
  return took;
}

/** A different past day per call: a report nobody asked for yet, so it is rendered, not cached. */
let tage = 0;
function neuerTag(): string {
  const day = new Date(Date.UTC(2025, 11, 31) - tage++ * 86_400_000);
  return day.toISOString().slice(0, 10);
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

const dataDir = mkdtempSync(join(tmpdir(), 'asskomm-bench-bericht-'));
const metricsToken = randomBytes(16).toString('hex');
const server = await startNode([flags.server], {
  env: { DEMO: 'true', DATA_DIR: dataDir, METRICS_TOKEN: metricsToken },
  readyPath: '/api/health',
  label: 'server (pglite)',
});
try {
  const cookie = await login(server.url);
  const bericht = (query: string) => `${server.url}/api/bericht?${query}`;
  // Chromium starts with the first report; that start is part of no figure below.
  await timed(bericht(`stand=${neuerTag()}`), cookie, 'application/pdf');

  console.log(`\nLagebericht PDF (LPR user), ${runs} runs each, median and worst`);
  const gebiete = [['Sachsen', ''], ...POLIZEIDIREKTION_IDS.map((pd) => [`PD ${pd}`, `&pd=${pd}`])] as const;
  const erste: number[] = [];
  const gecacht: number[] = [];
  for (const [name, area] of gebiete) {
    const first: number[] = [];
    const cached: number[] = [];
    for (let run = 0; run < runs; run++) {
      const url = bericht(`stand=${neuerTag()}${area}`);
      first.push(await timed(url, cookie, 'application/pdf'));
      cached.push(await timed(url, cookie, 'application/pdf'));
    }
    erste.push(...first);
    gecacht.push(...cached);
    console.log(
      `  ${name.padEnd(16)} first: median ${ms(median(first))}, worst ${ms(Math.max(...first))}; ` +
        `cached: median ${ms(median(cached))}, worst ${ms(Math.max(...cached))}`,
    );
  }

  const fuenf: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await Promise.all(
      gebiete.slice(0, 5).map(([, area]) => timed(bericht(`stand=${neuerTag()}${area}`), cookie, 'application/pdf')),
    );
    fuenf.push(performance.now() - start);
  }
  console.log(`  5 different reports at once: median ${ms(median(fuenf))}, worst ${ms(Math.max(...fuenf))} all told`);

  const xlsx: number[] = [];
  for (let run = 0; run < runs; run++) {
    xlsx.push(
      await timed(
        `${server.url}/api/kommunen?stand=${neuerTag()}&format=xlsx`,
        cookie,
        'application/vnd.openxmlformats',
      ),
    );
  }
  console.log(`  Kommunen list as XLSX: median ${ms(median(xlsx))}, worst ${ms(Math.max(...xlsx))}`);

  // In this process (the load generator's core), while the server is idle: see export-deutschland.ts.
  const saechsische = (await (
    await fetch(`${server.url}/api/kommunen`, { headers: { cookie } })
  ).json()) as KommuneSummary[];
  const gross = await deutschlandExport(saechsische, runs);
  const zeile = (name: string, m: ExportMessung[]) =>
    `  ${name}: median ${ms(median(m.map((x) => x.ms)))}, worst ${ms(Math.max(...m.map((x) => x.ms)))}, ` +
    `${(m[0]!.bytes / 2 ** 20).toFixed(1)} MiB, RSS growth worst ${Math.max(...m.map((x) => x.mib)).toFixed(1)} MiB`;
  console.log(`\nGermany-scale export, ${DEUTSCHLAND.toLocaleString('en')} Kommunen, streamed, ${runs} runs each`);
  console.log(zeile('CSV ', gross.csv));
  console.log(zeile('XLSX', gross.xlsx));
  const alleGross = [...gross.csv, ...gross.xlsx];

  // Live pushes with and without rendering: the same writes and viewers; meanwhile one new report
  // after the other (two at a time, the renderer's limit) until the measurement ends.
  const load = {
    clients: Number(flags.clients),
    rate: Number(flags.rate),
    seconds: Number(flags.seconds),
    graceMs: 5000,
  };
  const ours = await oursTarget({
    writeTo: server,
    nodes: [server],
    cookie,
    metricsToken,
    tag: randomBytes(3).toString('hex'),
  });
  const ohne = await measure(ours, load);
  let laeuft = true;
  let gerendert = 0;
  const rendern = async () => {
    while (laeuft) {
      await timed(bericht(`stand=${neuerTag()}`), cookie, 'application/pdf');
      gerendert++;
    }
  };
  const renderer = [rendern(), rendern()];
  let mit: Result;
  try {
    mit = await measure(ours, load);
  } finally {
    laeuft = false;
    await Promise.all(renderer);
  }
  const p99 = (r: Result) => r.groups.all!.fromStamp.p99;
  const lost = (r: Result) => r.groups.all!.lost;
  console.log(
    `\nLive, ${load.clients} viewers, ${load.rate} writes/s for ${load.seconds} s (event stamp → client):` +
      `\n  without rendering: p50 ${ms(ohne.groups.all!.fromStamp.p50)}, p99 ${ms(p99(ohne))}, lost ${lost(ohne)}` +
      `\n  with rendering (${gerendert} reports meanwhile): p50 ${ms(mit.groups.all!.fromStamp.p50)}, p99 ${ms(p99(mit))}, lost ${lost(mit)}` +
      `\n  ratio p99 with / without: ${ratio(p99(mit), p99(ohne))}` +
      `\n${PINNING} Chromium is started by the server and so runs on the server's core too.`,
  );

  console.log(`\nTargets (issue 12)`);
  console.log(
    `  ${verdict(Math.max(...erste) <= TARGET.firstMs)} first render ≤ 3 s (worst ${ms(Math.max(...erste))})`,
  );
  console.log(
    `  ${verdict(Math.max(...gecacht) <= TARGET.cachedMs)} cached ≤ 100 ms (worst ${ms(Math.max(...gecacht))})`,
  );
  console.log(
    `  ${verdict(Math.max(...fuenf) <= TARGET.fiveMs)} 5 at once ≤ 10 s all told (worst ${ms(Math.max(...fuenf))})`,
  );
  console.log(`  ${verdict(p99(mit) <= TARGET.liveRatio * p99(ohne))} live p99 with rendering ≤ 1.2 × without`);
  console.log(
    `  ${verdict(Math.max(...xlsx) <= TARGET.xlsxMs)} Kommunen XLSX ≤ 300 ms (worst ${ms(Math.max(...xlsx))})`,
  );
  const grossMs = Math.max(...alleGross.map((m) => m.ms));
  const grossMib = Math.max(...alleGross.map((m) => m.mib));
  console.log(
    `  ${verdict(grossMs <= TARGET.grossMs && grossMib <= TARGET.grossMib)} Germany-scale export ≤ 3 s, ≤ 100 MB growth ` +
      `(worst ${ms(grossMs)}, ${grossMib.toFixed(1)} MiB)`,
  );
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
