/**
 * pnpm bench:live [-- --clients 100,1000,5000 --rate 10 --seconds 10 --db pglite,postgres --two-nodes 1000
 *                     --grace 5 --server apps/server/dist/index.js --postgres postgres://…/postgres]
 *
 * Commit → client latency of live events (issue 5): N Socket.IO clients signed in as the LPR user
 * (Land scope) while M writes per second go through the HTTP API, on PGlite and PostgreSQL, against
 * the built server (`pnpm build` first). In the same run, with the same N and payload, a bare
 * Socket.IO server is measured the same way as the baseline. On PostgreSQL also two nodes on one
 * database: writes to node A, half the clients on A, half on B. Server processes run on core 0, this
 * load generator on core 1. Exits non-zero only on errors, never for a missed target.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, type Load, type Result } from './measure.ts';
import { createPostgresDatabase, dropPostgresDatabase } from './postgres.ts';
import { benchFlags, pinLoadGenerator, PINNING, startBare, startNode, type Spawned } from './processes.ts';
import { kib, ms, ratio, table } from './stats.ts';
import { bareTarget, login, oursTarget } from './targets.ts';

const TARGET = { clients: 1000, rate: 10, p99Ms: 50, ratio: 1.5, heapBytes: 15 * 1024, remoteDeltaMs: 10 };

const flags = benchFlags({
  clients: '100,1000,5000',
  rate: '10',
  seconds: '10',
  db: 'pglite,postgres',
  'two-nodes': '1000',
});
const SERVER_ENTRY = flags.server;
const clientCounts = flags.clients.split(',').map(Number);
const databases = flags.db.split(',') as ('pglite' | 'postgres')[];
const twoNodeClients = Number(flags['two-nodes']);
const loadFor = (clients: number): Load => ({
  clients,
  rate: Number(flags.rate),
  seconds: Number(flags.seconds),
  graceMs: Number(flags.grace) * 1000,
});
if (clientCounts.some((n) => !(n > 0)) || databases.some((d) => d !== 'pglite' && d !== 'postgres')) {
  throw new Error('--clients takes numbers > 0, --db pglite and/or postgres');
}

pinLoadGenerator();

interface Row {
  db: string;
  nodes: string;
  server: 'ours' | 'bare';
  result: Result;
  group: string;
}
const rows: Row[] = [];

function print(row: Row): void {
  const { result: r } = row;
  const g = r.groups[row.group]!;
  console.log(
    `  ${row.db} ${row.nodes} ${row.server} N=${r.load.clients} ${row.group}: p50 ${ms(g.latency.p50)}, p95 ${ms(g.latency.p95)},` +
      ` p99 ${ms(g.latency.p99)} (from stamp p99 ${ms(g.fromStamp.p99)}), lost ${g.lost}, out of order ${r.outOfOrder}, gaps ${r.gaps},` +
      ` HTTP p50 ${ms(r.http.p50)}, heap/conn ${kib(r.heapPerConnection)}, CPU server ${pct(r.serverCpu)} generator ${pct(r.generatorCpu)} (lag p99 ${ms(r.generatorLagMs)})`,
  );
}
const pct = (share: number) => `${Math.round(share * 100)} %`;

async function runDatabase(kind: 'pglite' | 'postgres', bare: Spawned): Promise<void> {
  const metricsToken = randomBytes(16).toString('hex');
  const dataDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'asskomm-bench-live-')) : undefined;
  const databaseUrl = kind === 'postgres' ? await createPostgresDatabase(flags.postgres) : undefined;
  const env = {
    DEMO: 'true',
    METRICS_TOKEN: metricsToken,
    ...(dataDir ? { DATA_DIR: dataDir } : { DATABASE_URL: databaseUrl }),
  };
  const started: Spawned[] = [];
  const startServer = async (label: string) => {
    const node = await startNode([SERVER_ENTRY], { env, readyPath: '/api/health', label });
    started.push(node);
    return node;
  };
  try {
    console.log(`\n${kind}: starting the server (migrations and demo data on first start) …`);
    const nodeA = await startServer(`server (${kind})`);
    const cookie = await login(nodeA.url);
    const tag = randomBytes(3).toString('hex');
    const ours = await oursTarget({ writeTo: nodeA, nodes: [nodeA], cookie, metricsToken, tag });
    for (const clients of clientCounts) {
      const load = loadFor(clients);
      const oursResult = await measure(ours, load);
      rows.push({ db: kind, nodes: '1', server: 'ours', result: oursResult, group: 'all' });
      print(rows.at(-1)!);
      if (!oursResult.sample) throw new Error('no event reached any client; nothing to give the baseline');
      const bareResult = await measure(bareTarget(bare, oursResult.sample), load);
      rows.push({ db: kind, nodes: '1', server: 'bare', result: bareResult, group: 'all' });
      print(rows.at(-1)!);
    }
    if (kind === 'postgres' && twoNodeClients > 0) {
      console.log(`\npostgres: a second node on the same database …`);
      const nodeB = await startServer('server node B (postgres)');
      const twoNodes = await oursTarget({ writeTo: nodeA, nodes: [nodeA, nodeB], cookie, metricsToken, tag });
      const result = await measure(twoNodes, loadFor(twoNodeClients), (n) => ({
        local: Array.from({ length: n }, (_, i) => i).filter((i) => i % 2 === 0),
        remote: Array.from({ length: n }, (_, i) => i).filter((i) => i % 2 === 1),
      }));
      for (const group of ['local', 'remote']) {
        rows.push({ db: kind, nodes: '2', server: 'ours', result, group });
        print(rows.at(-1)!);
      }
    }
  } finally {
    for (const node of started.reverse()) await node.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (databaseUrl) await dropPostgresDatabase(flags.postgres, databaseUrl);
  }
}

/** The two ways latency is measured, both ending at receipt on the client. */
const MEASURES = [
  { key: 'latency', label: 'request start → client' },
  { key: 'fromStamp', label: 'event stamp → client' },
] as const;

const bareFor = (ours: Row) =>
  rows.find((b) => b.server === 'bare' && b.db === ours.db && b.result.load === ours.result.load)!;

function report(): void {
  const header = ['db', 'nodes', 'clients', 'server', 'clients of', 'writes'];
  for (const { label } of MEASURES) header.push(`${label}: p50`, 'p95', 'p99', 'max');
  header.push(
    'lost',
    'out of order',
    'gaps',
    'dup',
    'HTTP p50',
    'HTTP p99',
    'heap/idle conn',
    'CPU srv',
    'CPU gen',
    'gen lag p99',
  );
  const cells = rows.map(({ db, nodes, server, result: r, group }) => {
    const g = r.groups[group]!;
    const latencies = MEASURES.flatMap(({ key }) => [g[key].p50, g[key].p95, g[key].p99, g[key].max].map(ms));
    return [db, nodes, String(r.load.clients), server, group, `${r.writes}/${r.writes + r.failedWrites}`]
      .concat(latencies)
      .concat([String(g.lost), String(r.outOfOrder), String(r.gaps), String(r.duplicates)])
      .concat([ms(r.http.p50), ms(r.http.p99), nodes === '1' ? kib(r.heapPerConnection) : '–'])
      .concat([pct(r.serverCpu), pct(r.generatorCpu), ms(r.generatorLagMs)]);
  });
  console.log(`\nLive event latency, ${flags.rate} writes/s for ${flags.seconds} s per row\n`);
  console.log(table(header, cells));

  const ratios = rows
    .filter((r) => r.server === 'ours' && r.nodes === '1')
    .map((ours) => {
      const bare = bareFor(ours);
      return [ours.db, String(ours.result.load.clients)].concat(
        MEASURES.flatMap(({ key }) => {
          const [o, b] = [ours.result.groups.all![key], bare.result.groups.all![key]];
          return [ratio(o.p50, b.p50), ratio(o.p95, b.p95), ratio(o.p99, b.p99)];
        }),
      );
    });
  console.log(`\nRatio ours / bare Socket.IO (same N, same payload, same cores)\n`);
  const ratioHeader = ['db', 'clients'];
  for (const { label } of MEASURES) ratioHeader.push(`${label}: p50`, 'p95', 'p99');
  console.log(table(ratioHeader, ratios));

  const sample = rows.find((r) => r.result.sampleBytes > 0)?.result.sampleBytes;
  console.log(
    `\nPayload: one meilenstein:corrected event, ${sample ?? '?'} bytes as JSON; the baseline emits the same event.` +
      `\nThe server does not say when a write committed, so two upper bounds of commit → client are shown:` +
      `\n- request start → client: from the start of the write's HTTP request (includes the whole write; HTTP` +
      `\n  p50/p99 show its share). The baseline's "write" is a bare POST, so this ratio also charges us the` +
      `\n  database transaction.` +
      `\n- event stamp → client: from the event's own time stamp \`at\` (the start of the committing transaction,` +
      `\n  millisecond resolution, the same machine's wall clock); the baseline stamps just before its emit.` +
      `\nLost = (client, write) deliveries not received ${flags.grace} s after the last write; out of order = a seq` +
      `\nlower than one the client already had; gaps = a \`prev\` other than the last seq the client had.` +
      `\nHeap per idle connection = (heap after connecting N idle sockets − before) / N, both after a full GC.` +
      `\nCPU = share of one core from the first write until the last delivery (server: all its nodes;` +
      `\ngenerator: this process); gen lag p99 = this process's event-loop delay: when it is high, the` +
      `\nclients here notice events late and the figures measure the generator, not the server.` +
      `\n${PINNING}`,
  );
  printTargets();
}

function printTargets(): void {
  console.log(`\nTargets (issue 5)`);
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  const at = (r: Row) => r.result.load.clients === TARGET.clients && r.result.load.rate === TARGET.rate;
  for (const ours of rows.filter((r) => r.server === 'ours' && r.nodes === '1' && at(r))) {
    const o = ours.result.groups.all!;
    const b = bareFor(ours).result.groups.all!;
    for (const { key, label } of MEASURES) {
      const p99Ratio = o[key].p99 / b[key].p99;
      console.log(`  ${verdict(o[key].p99 <= TARGET.p99Ms)} ${ours.db}, ${label}: p99 ${ms(o[key].p99)} ≤ 50 ms`);
      console.log(
        `  ${verdict(p99Ratio <= TARGET.ratio)} ${ours.db}, ${label}: p99 ratio to bare ${p99Ratio.toFixed(2)} ≤ 1.5`,
      );
    }
    const ok = o.lost === 0 && ours.result.failedWrites === 0;
    console.log(`  ${verdict(ok)} ${ours.db}: ${o.lost} lost, ${ours.result.failedWrites} failed writes, 0 wanted`);
  }
  for (const ours of rows.filter((r) => r.server === 'ours' && r.nodes === '1')) {
    const perConnection = ours.result.heapPerConnection;
    console.log(
      `  ${Number.isFinite(perConnection) ? verdict(perConnection <= TARGET.heapBytes) : 'n/a '} ${ours.db}, ` +
        `${ours.result.load.clients} idle connections: heap ${kib(perConnection)} per connection ≤ 15 KiB`,
    );
  }
  const local = rows.find((r) => r.nodes === '2' && r.group === 'local');
  const remote = rows.find((r) => r.nodes === '2' && r.group === 'remote');
  if (local && remote) {
    for (const { key, label } of MEASURES) {
      const [l, r] = [local.result.groups.local![key].p99, remote.result.groups.remote![key].p99];
      const lost = local.result.groups.local!.lost + remote.result.groups.remote!.lost;
      console.log(
        `  ${verdict(r - l <= TARGET.remoteDeltaMs && lost === 0)} two nodes, ${local.result.load.clients} clients, ${label}: ` +
          `remote p99 ${ms(r)} − local p99 ${ms(l)} = ${ms(r - l)} ≤ 10 ms (lost ${lost})`,
      );
    }
  }
  if (!rows.some(at)) console.log(`  (1,000 clients at 10 writes/s not in this run: no latency verdicts)`);
}

const bare = await startBare();
let failed = false;
try {
  for (const kind of databases) await runDatabase(kind, bare);
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await bare.stop();
}
if (rows.length) report();
process.exit(failed ? 1 : 0);
