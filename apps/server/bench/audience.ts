/**
 * pnpm bench:audience [-- --clients 1000 --steps 20 --rate 2 --grace 5 --db pglite|postgres
 *                          --server apps/server/dist/index.js --postgres postgres://…/postgres]
 *
 * The Fachtag audience (issue 6): N anonymous sockets (public scope, like phones on /live) on one
 * node of the built server (`pnpm build` first) on a fresh PGlite (or PostgreSQL database) with the demo data. Signed in as
 * the LPR, the bench steps the presentation `steps` times at `rate` steps/s (PUT /api/praesentation,
 * cycling through the scenes with dates), then records one Kooperationsvereinbarung for a Gemeinde
 * that is not yet a member (the celebration, a public `domain:event`). Latency per (socket, message)
 * is its receipt minus the start of the HTTP request that caused it. In the same run a bare
 * Socket.IO server gets the same N sockets and emits the same payloads, each after a POST, measured
 * the same way. Server processes run on core 0, this load generator on core 1. Exits non-zero only
 * on errors, never for a missed target.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  statusRank,
  SZENEN,
  todayInSaxony,
  type DomainEvent,
  type KommuneDetail,
  type KommuneSummary,
  type PraesentationSetzen,
  type PraesentationStand,
} from '@asskomm/domain';
import { ClientFleet } from './clients.ts';
import { createPostgresDatabase, dropPostgresDatabase } from './postgres.ts';
import { writeSteadily, type Load } from './measure.ts';
import { benchFlags, pinLoadGenerator, PINNING, startBare, startNode, type Spawned } from './processes.ts';
import { kib, ms, ratio, spread, table, type Spread } from './stats.ts';
import { bareTarget, json, login, metricsHeap, type Target } from './targets.ts';

const TARGET = { clients: 1000, p99Ms: 100, ratio: 1.5 };

const flags = benchFlags({
  clients: '1000',
  steps: '20',
  /** Scene steps per second. */
  rate: '2',
  db: 'pglite',
});
if (flags.db !== 'pglite' && flags.db !== 'postgres') throw new Error('--db takes pglite or postgres');
const load: Load = {
  clients: Number(flags.clients),
  rate: Number(flags.rate),
  seconds: Number(flags.steps) / Number(flags.rate),
  graceMs: Number(flags.grace) * 1000,
};
if (![load.clients, load.rate, load.seconds, load.graceMs].every((n) => n > 0)) {
  throw new Error('--clients, --steps, --rate and --grace take numbers > 0');
}

pinLoadGenerator();

/** Step `index` of the talk: the scenes in turn, each with a date a month later, so every payload has a date. */
function stepOfTalk(index: number): PraesentationSetzen {
  const stand = new Date(Date.UTC(2019, 2 + index, 1)).toISOString().slice(0, 10);
  return { szene: SZENEN[index % SZENEN.length]!, stand };
}

/** A server the audience listens to: `write(i)` makes scene step i and resolves with its version. */
interface Stage extends Target {
  /** Records the celebration; resolves with the seq of its event. */
  celebrate(): Promise<number>;
}

interface Delivery {
  /** From the start of the HTTP request that caused the message to its receipt, over all (socket, message). */
  latency: Spread;
  /**
   * From the message's own time stamp to its receipt: ours stamps at the write's last statement
   * (`geaendertAm`, the event's `at`), the baseline just before its emit; same machine clock.
   */
  fromStamp: Spread;
  sent: number;
  /** Duration of the HTTP requests that caused the messages. */
  http: Spread;
  /** (socket, message) pairs not received `grace` s after the celebration was answered. */
  lost: number;
}

interface Run {
  scenes: Delivery;
  celebration: Delivery;
  failedSteps: number;
  duplicates: number;
  disconnects: number;
  heapPerConnection: number;
  serverCpu: number;
  generatorLagMs: number;
  /** The celebration event as the audience received it. */
  celebrationEvent: DomainEvent | undefined;
}

interface Sent {
  receipts: Map<number, Float64Array>;
  /** The message's own stamp per key, on the performance.now() clock. */
  stamps: Map<number, number>;
  key: number;
  started: number;
}

const receivedCount = ({ receipts, key }: Sent) => receipts.get(key)?.filter((at) => at > 0).length ?? 0;

function delivery(messages: Sent[], httpMs: Float64Array): Delivery {
  const latencies: number[] = [];
  const fromStamp: number[] = [];
  let lost = 0;
  for (const { receipts, stamps, key, started } of messages) {
    const times = receipts.get(key) ?? new Float64Array(load.clients);
    const stamp = stamps.get(key) ?? NaN;
    for (const at of times) {
      if (at > 0) {
        latencies.push(at - started);
        fromStamp.push(at - stamp);
      } else lost += 1;
    }
  }
  return {
    latency: spread(Float64Array.from(latencies)),
    fromStamp: spread(Float64Array.from(fromStamp)),
    sent: messages.length,
    http: spread(httpMs),
    lost,
  };
}

/**
 * Heap before and after connecting the audience, then the scene steps at a steady rate (not waiting
 * for earlier ones), then the celebration once the last step was answered; waits until every socket
 * has every message or the grace time is over.
 */
async function measureStage(stage: Stage): Promise<Run> {
  const heapBefore = await stage.heapBytes();
  const fleet = await ClientFleet.connect(stage.urls, load.clients, undefined);
  try {
    const scenes = fleet.track<PraesentationStand>('praesentation:stand', (stand) => stand.version);
    const sceneStamps = new Map<number, number>();
    fleet.sockets[0]?.on('praesentation:stand', (stand: PraesentationStand) =>
      sceneStamps.set(stand.version, Date.parse(stand.geaendertAm) - performance.timeOrigin),
    );
    await sleep(1000);
    const heapAfter = await stage.heapBytes();

    const cpuBefore = stage.cpuSeconds();
    const wallBefore = performance.now();
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const steps = await writeSteadily(stage, load);
    if (steps.errors.length) console.warn(`  ${steps.errors.length} steps failed, first: ${steps.errors[0]}`);
    const sentScenes = steps.seqs.flatMap((version, i) =>
      version === undefined
        ? []
        : [{ receipts: scenes, stamps: sceneStamps, key: version, started: steps.started[i]! }],
    );
    const celebrationStarted = performance.now();
    const sentCelebration = {
      receipts: fleet.receipts,
      stamps: fleet.stamps,
      key: await stage.celebrate(),
      started: celebrationStarted,
    };
    const celebrationHttpMs = performance.now() - celebrationStarted;

    const all = [...sentScenes, sentCelebration];
    const deadline = performance.now() + load.graceMs;
    while (performance.now() < deadline && all.some((sent) => receivedCount(sent) < load.clients)) await sleep(50);
    lag.disable();
    const wallSeconds = (performance.now() - wallBefore) / 1000;
    return {
      scenes: delivery(
        sentScenes,
        steps.httpMs.filter((v) => !Number.isNaN(v)),
      ),
      celebration: delivery([sentCelebration], Float64Array.of(celebrationHttpMs)),
      failedSteps: steps.errors.length,
      duplicates: fleet.duplicates,
      disconnects: fleet.disconnects,
      heapPerConnection: (heapAfter - heapBefore) / load.clients,
      serverCpu: (stage.cpuSeconds() - cpuBefore) / wallSeconds,
      generatorLagMs: lag.percentile(99) / 1e6,
      celebrationEvent: fleet.sample,
    };
  } finally {
    fleet.close();
    await sleep(500);
  }
}

/**
 * Our server, stepped by the LPR; keeps each answered state so the baseline can send the same
 * payloads. One step and one signing (of another Gemeinde) are made before the audience connects,
 * so the measured ones do not pay for code paths run for the first time since the start.
 */
async function ourStage(server: Spawned, metricsToken: string) {
  const cookie = await login(server.url);
  const headers = { origin: server.url, cookie, 'content-type': 'application/json' };
  const request = <T>(path: string, method = 'GET', body?: object) =>
    json<T>(`${server.url}/api${path}`, { method, headers, ...(body && { body: JSON.stringify(body) }) }).then(
      (answer) => answer.body,
    );
  const step = (index: number) => request<PraesentationStand>('/praesentation', 'PUT', stepOfTalk(index));
  const versionOf = async (ags: string) => (await request<KommuneDetail>(`/kommunen/${ags}`)).version;
  const sign = (ags: string, version: number) =>
    request<{ seq: number }>(`/kommunen/${ags}/meilensteine`, 'POST', {
      kind: 'kooperationsvereinbarung',
      date: todayInSaxony(),
      version,
    });

  const [warmUp, gemeinde] = (await request<KommuneSummary[]>('/kommunen')).filter(
    (k) => k.art === 'Gemeinde' && statusRank(k.status) < statusRank('mitglied'),
  );
  if (!warmUp || !gemeinde) throw new Error('fewer than two Gemeinden that are not yet members');
  await step(0);
  await sign(warmUp.ags, await versionOf(warmUp.ags));
  // Read now, so the measured request is the signing alone; nothing in between writes this Gemeinde.
  const version = await versionOf(gemeinde.ags);

  const stands: PraesentationStand[] = [];
  const stage: Stage = {
    urls: [server.url],
    cookie: undefined,
    write: async (index) => {
      stands[index] = await step(index);
      return stands[index].version;
    },
    celebrate: async () => (await sign(gemeinde.ags, version)).seq,
    heapBytes: () => metricsHeap(server.url, metricsToken),
    cpuSeconds: () => server.cpuSeconds(),
  };
  return { stage, stands, gemeinde };
}

/** The bare Socket.IO server emitting what our audience received: the same states and the same celebration event. */
function bareStage(bare: Spawned, stands: readonly PraesentationStand[], celebration: DomainEvent): Stage {
  const emit = (name: string, stamp: string, payload: object) =>
    json(`${bare.url}/emit/${encodeURIComponent(name)}?stamp=${stamp}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
  return {
    ...bareTarget(bare, celebration),
    write: async (index) => {
      const ours = stands[index];
      if (!ours) throw new Error(`our step ${index} failed, so the baseline has no payload for it`);
      await emit('praesentation:stand', 'geaendertAm', ours);
      return ours.version;
    },
    celebrate: async () => {
      await emit('domain:event', 'at', celebration);
      return celebration.seq;
    },
  };
}

const pct = (share: number) => `${Math.round(share * 100)} %`;
const load1 = () => loadavg()[0]!.toFixed(2);

function report(ours: Run, bare: Run, payloadBytes: number, gemeinde: KommuneSummary): void {
  const header = ['server', 'message', 'sent', 'p50', 'p95', 'p99', 'max', 'lost', 'received all'];
  header.push('HTTP p50', 'heap/conn', 'dup', 'disconnects', 'CPU srv', 'gen lag p99');
  const rows = (
    [
      ['ours', ours],
      ['bare', bare],
    ] as const
  ).flatMap(([name, run]) =>
    (
      [
        ['scene change', run.scenes],
        ['celebration', run.celebration],
      ] as const
    ).map(([message, d]) =>
      [name, message, String(d.sent), ...[d.latency.p50, d.latency.p95, d.latency.p99, d.latency.max].map(ms)]
        .concat([String(d.lost), d.lost === 0 && d.sent > 0 ? 'yes' : 'no'])
        .concat([ms(d.http.p50), kib(run.heapPerConnection), String(run.duplicates), String(run.disconnects)])
        .concat([pct(run.serverCpu), ms(run.generatorLagMs)]),
    ),
  );
  console.log(
    `\nFachtag audience: ${load.clients} anonymous sockets on one node (${flags.db}), ${flags.steps} scene steps` +
      ` at ${flags.rate}/s, then one celebration\n`,
  );
  console.log(table(header, rows));

  console.log(`\nRatio ours / bare Socket.IO (same N, same payloads, same cores)\n`);
  console.log(
    table(
      ['message', 'measured from', 'p50', 'p95', 'p99', 'ours p99', 'bare p99'],
      (
        [
          ['scene change', ours.scenes, bare.scenes],
          ['celebration', ours.celebration, bare.celebration],
        ] as const
      ).flatMap(([message, o, b]) =>
        (['latency', 'fromStamp'] as const).map((measure) => {
          const [x, y] = [o[measure], b[measure]];
          const from = measure === 'latency' ? 'request start' : 'stamp';
          return [message, from, ratio(x.p50, y.p50), ratio(x.p95, y.p95), ratio(x.p99, y.p99), ms(x.p99), ms(y.p99)];
        }),
      ),
    ),
  );

  const celebrationBytes = ours.celebrationEvent ? Buffer.byteLength(JSON.stringify(ours.celebrationEvent)) : NaN;
  console.log(
    `\nPayloads: a scene change is a PraesentationStand, ${payloadBytes} bytes as JSON (\`praesentation:stand\`);` +
      `\nthe celebration is the public meilenstein:recorded event of a Kooperationsvereinbarung for ${gemeinde.name}` +
      ` (${gemeinde.ags}), ${celebrationBytes} bytes.` +
      `\nThe baseline emits the same JSON under the same event names, each after a POST to it.` +
      `\nLatency = receipt on the socket − start of the HTTP request that caused the message (PUT` +
      `\n/api/praesentation, POST …/meilensteine; at the baseline the bare POST), so ours includes the` +
      `\nwhole write with its database transaction (HTTP p50 shows that share). "Stamp" measures from the` +
      `\nmessage's own time stamp instead: ours at the write's last statement (\`geaendertAm\`, the event's` +
      `\n\`at\`), the baseline just before its emit — commit → socket, as \`bench:live\` does.` +
      `\nLost = (socket, message) pairs not received ${flags.grace} s after the celebration was answered.` +
      `\nHeap/conn = (heap after connecting N sockets − before) / N, both after a full GC.` +
      `\nCPU srv = share of one core from the first step until the last delivery; gen lag p99 = this` +
      `\nprocess's event-loop delay (high: the generator, not the server, notices messages late).` +
      `\n${PINNING}`,
  );

  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  const of1000 = load.clients === TARGET.clients ? '' : ` (target is for ${TARGET.clients} sockets)`;
  console.log(`\nTargets (issue 6), ${load.clients} sockets${of1000}`);
  for (const [message, o, b] of [
    ['scene changes', ours.scenes, bare.scenes],
    ['celebration', ours.celebration, bare.celebration],
  ] as const) {
    for (const [measure, from] of [
      ['latency', 'request start'],
      ['fromStamp', 'stamp'],
    ] as const) {
      const p99Ratio = o[measure].p99 / b[measure].p99;
      console.log(
        `  ${verdict(o[measure].p99 <= TARGET.p99Ms)} ${message}, from ${from}: p99 ${ms(o[measure].p99)} ≤ 100 ms`,
      );
      console.log(
        `  ${verdict(p99Ratio <= TARGET.ratio)} ${message}, from ${from}: p99 ratio to bare ${p99Ratio.toFixed(2)} ≤ 1.5`,
      );
    }
  }
  const all = ours.scenes.lost === 0 && ours.failedSteps === 0;
  console.log(
    `  ${verdict(all)} every audience socket received every scene change: received all: ${all ? 'yes' : 'no'}` +
      ` (${ours.scenes.lost} lost, ${ours.failedSteps} failed steps)`,
  );
}

console.log(`load average (1 min) at start: ${load1()}`);
const bare = await startBare();
const dataDir = mkdtempSync(join(tmpdir(), 'asskomm-bench-audience-'));
const metricsToken = randomBytes(16).toString('hex');
let server: Spawned | undefined;
let databaseUrl: string | undefined;
let failed = false;
try {
  console.log(`starting the server on a fresh ${flags.db} database (migrations and demo data) …`);
  if (flags.db === 'postgres') databaseUrl = await createPostgresDatabase(flags.postgres);
  server = await startNode([flags.server], {
    env: {
      DEMO: 'true',
      METRICS_TOKEN: metricsToken,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir }),
    },
    readyPath: '/api/health',
    label: `server (${flags.db})`,
  });
  const { stage, stands, gemeinde } = await ourStage(server, metricsToken);
  console.log(`ours: ${load.clients} sockets, ${flags.steps} steps …`);
  const ours = await measureStage(stage);
  if (!ours.celebrationEvent) throw new Error('the celebration reached no socket; nothing to give the baseline');
  console.log(`bare Socket.IO: ${load.clients} sockets, the same ${flags.steps} states and the celebration …`);
  const bareRun = await measureStage(bareStage(bare, stands, ours.celebrationEvent));
  report(ours, bareRun, Buffer.byteLength(JSON.stringify(stands.find(Boolean))), gemeinde);
  console.log(`\nload average (1 min) at end: ${load1()}`);
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await server?.stop();
  await bare.stop();
  if (databaseUrl) await dropPostgresDatabase(flags.postgres, databaseUrl);
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
