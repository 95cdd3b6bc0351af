/**
 * pnpm bench:abuse [-- --clients 1000 --rate 2 --seconds 20 --db pglite|postgres --grace 5
 *                   --server apps/server/dist/index.js --postgres postgres://…/postgres]
 *
 * The legitimate work of a day — an LPR colleague writing at `rate`/s while `clients` signed-in
 * screens listen — measured twice on one server: quiet, then under attack. The attack, all at once:
 * 200 hostile anonymous sockets asking for replays at their per-socket limit, 50 anonymous requests
 * always in flight with the largest ranges every read endpoint allows (each from another address,
 * as from a botnet, so that the per-address limit does not simply refuse them), and 30 wrong logins
 * always in flight. Meanwhile /api/health is asked every 100 ms and, halfway, a correct login is timed.
 * Prints health p99, the live commit→receive p99 and the write p99 of both runs, the correct login's
 * time and the number of 500 answers, against the targets of issue 11.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { io as connect, type Socket } from 'socket.io-client';
import { KREISE, POLIZEIDIREKTIONEN } from '@asskomm/geo';
import { measure, type Load, type Result } from './measure.ts';
import { createPostgresDatabase, dropPostgresDatabase } from './postgres.ts';
import { benchFlags, pinLoadGenerator, PINNING, startNode, type Spawned } from './processes.ts';
import { ms, spread, table } from './stats.ts';
import { login, oursTarget } from './targets.ts';

const TARGET = { healthP99Ms: 250, liveRatio: 2, loginMs: 2_000 };
const HOSTILE_SOCKETS = 200;
const HEAVY_IN_FLIGHT = 50;
const WRONG_LOGINS_IN_FLIGHT = 30;

const flags = benchFlags({ clients: '1000', rate: '2', seconds: '20', db: 'pglite' });
if (flags.db !== 'pglite' && flags.db !== 'postgres') throw new Error('--db takes pglite or postgres');
const load: Load = {
  clients: Number(flags.clients),
  rate: Number(flags.rate),
  seconds: Number(flags.seconds),
  graceMs: Number(flags.grace) * 1000,
};
if (![load.clients, load.rate, load.seconds, load.graceMs].every((n) => n > 0)) {
  throw new Error('--clients, --rate, --seconds and --grace take numbers > 0');
}
pinLoadGenerator();

/** Status codes of every request the bench made in a run, legitimate and hostile. */
class Answers {
  readonly byStatus = new Map<number, number>();
  note(status: number): void {
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
  }
  /** Internal errors; a 503 „ausgelastet“ is an answer the server chose, and is listed apart. */
  get internalErrors(): number {
    return this.byStatus.get(500) ?? 0;
  }
}

/** Asks /api/health every 100 ms until stopped; answers the times in ms. */
function probeHealth(url: string, answers: Answers): { stop(): Promise<Float64Array> } {
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(30_000) }).catch(() => null);
      times.push(performance.now() - started);
      answers.note(response?.status ?? 599);
      await response?.body?.cancel();
      await sleep(Math.max(0, 100 - (performance.now() - started)));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return Float64Array.from(times);
    },
  };
}

const randomAddress = () => `10.${randomBytes(3).join('.')}`;
const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);

/** The largest ranges each anonymous read allows, with filters and days that defeat every cache. */
function heavyRead(i: number): string {
  const pd = POLIZEIDIREKTIONEN[i % POLIZEIDIREKTIONEN.length]!.id;
  const kreis = KREISE[i % KREISE.length]!.ags;
  const reads = [
    `/api/kpi/verlauf?bis=${day(0)}&pd=${pd}`,
    `/api/kpi/verlauf?bis=${day(i % 30)}&kreis=${kreis}`,
    `/api/kpi?stand=2099-12-31&kreis=${kreis}`,
    `/api/kommunen?stand=${day(i % 2000)}`,
    `/api/foerderung?stand=2099-12-31&pd=${pd}`,
    `/api/foerderung?jahr=${2019 + (i % 9)}&stand=${day(i % 1500)}`,
  ];
  return reads[i % reads.length]!;
}

/** `inFlight` loops that each send `request` again as soon as the last one answered. */
function keepInFlight(inFlight: number, request: (i: number) => Promise<Response>, answers: Answers) {
  let running = true;
  let sent = 0;
  const loops = Array.from({ length: inFlight }, async () => {
    while (running) {
      const response = await request(sent++).catch(() => null);
      answers.note(response?.status ?? 599);
      await response?.body?.cancel();
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return sent;
    },
  };
}

/** Anonymous sockets that ask for a replay of everything at their per-socket rate limit. */
async function hostileSockets(url: string): Promise<{ stop(): number }> {
  const sockets: Socket[] = [];
  let asked = 0;
  for (let i = 0; i < HOSTILE_SOCKETS; i++) {
    const socket = connect(url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { origin: url },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    sockets.push(socket);
  }
  const timer = setInterval(() => {
    for (const socket of sockets) {
      socket.emit('events:since', 0, () => undefined);
      asked += 1;
    }
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      for (const socket of sockets) socket.disconnect();
      return asked;
    },
  };
}

/** A colleague signing in during the attack: ms until the session is there, or Infinity if refused. */
async function timedLogin(url: string): Promise<number> {
  const started = performance.now();
  try {
    await login(url);
    return performance.now() - started;
  } catch (error) {
    console.warn(`  the correct login failed: ${(error as Error).message}`);
    return Number.POSITIVE_INFINITY;
  }
}

interface Run {
  /** Missing when the server did not even take the listening screens' connections. */
  result: Result | undefined;
  health: Float64Array;
  answers: Answers;
  loginMs?: number;
  attack?: { heavy: number; wrongLogins: number; replays: number };
}

async function run(server: Spawned, cookie: string, metricsToken: string, attacked: boolean): Promise<Run> {
  const answers = new Answers();
  const health = probeHealth(server.url, answers);
  const target = await oursTarget({ writeTo: server, nodes: [server], cookie, metricsToken, tag: 'abuse' });
  if (!attacked) {
    const result = await measure(target, load);
    return { result, health: await health.stop(), answers };
  }
  const sockets = await hostileSockets(server.url);
  const heavy = keepInFlight(
    HEAVY_IN_FLIGHT,
    (i) =>
      fetch(`${server.url}${heavyRead(i)}`, {
        headers: { 'x-forwarded-for': randomAddress() },
        signal: AbortSignal.timeout(30_000),
      }),
    answers,
  );
  const wrongLogins = keepInFlight(
    WRONG_LOGINS_IN_FLIGHT,
    (i) =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { origin: server.url, 'content-type': 'application/json', 'x-forwarded-for': randomAddress() },
        body: JSON.stringify({ email: `angreifer${i % 50}@example.invalid`, password: 'falsch-falsch-falsch' }),
      }),
    answers,
  );
  const loginHalfway = sleep((load.seconds * 1000) / 2 + 1500).then(() => timedLogin(server.url));
  const result = await measure(target, load).catch((error: Error) => {
    console.warn(`  the listening screens could not connect under attack: ${error.message}`);
    return undefined;
  });
  const loginMs = await loginHalfway;
  const attack = { heavy: await heavy.stop(), wrongLogins: await wrongLogins.stop(), replays: sockets.stop() };
  return { result, health: await health.stop(), answers, loginMs, attack };
}

const load1 = () => loadavg()[0]!.toFixed(2);
console.log(`load average (1 min) at start: ${load1()}`);
const dataDir = mkdtempSync(join(tmpdir(), 'asskomm-bench-abuse-'));
const metricsToken = randomBytes(16).toString('hex');
let databaseUrl: string | undefined;
let server: Spawned | undefined;
try {
  if (flags.db === 'postgres') databaseUrl = await createPostgresDatabase(flags.postgres);
  console.log(`starting the server on a fresh ${flags.db} database (migrations and demo data) …`);
  server = await startNode([flags.server], {
    env: {
      DATA_DIR: dataDir,
      METRICS_TOKEN: metricsToken,
      // The attack's requests name their (random) address like a proxy would; the limits per
      // address are lifted by startNode, since the listening screens all come from 127.0.0.1.
      TRUST_PROXY: 'loopback',
      ...(databaseUrl && { DATABASE_URL: databaseUrl }),
    },
    readyPath: '/api/health',
    label: `server (${flags.db})`,
  });
  const cookie = await login(server.url);
  console.log(`quiet: ${load.clients} listening screens, ${load.rate} writes/s for ${load.seconds} s …`);
  const quiet = await run(server, cookie, metricsToken, false);
  console.log(`attacked: the same, with the attack …`);
  const attacked = await run(server, cookie, metricsToken, true);

  const row = (name: string, r: Run) => {
    const live = r.result?.groups.all;
    return [
      name,
      ms(spread(r.health).p99),
      ms(live?.fromStamp.p99 ?? NaN),
      ms(live?.latency.p99 ?? NaN),
      ms(r.result?.http.p99 ?? NaN),
      String(live?.lost ?? 'n/a'),
      String(r.answers.internalErrors),
    ];
  };
  console.log(
    `\n${table(
      ['run', 'health p99', 'live p99 (stamp)', 'live p99 (request)', 'write p99', 'lost', '500'],
      [row('quiet', quiet), row('attacked', attacked)],
    )}`,
  );
  const statuses = [...attacked.answers.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
  console.log(
    `\nattack: ${attacked.attack!.heavy} heavy reads, ${attacked.attack!.wrongLogins} wrong logins, ` +
      `${attacked.attack!.replays} replay requests from ${HOSTILE_SOCKETS} sockets; answers ${statuses.join(', ')}`,
  );
  const healthP99 = spread(attacked.health).p99;
  const stampP99 = (r: Run) => r.result?.groups.all?.fromStamp.p99 ?? Number.POSITIVE_INFINITY;
  const liveRatio = stampP99(attacked) / stampP99(quiet);
  const verdict = (ok: boolean) => (ok ? 'pass' : 'MISS');
  console.log(
    [
      `\ntargets (${flags.db}):`,
      `  health p99 under attack ${ms(healthP99)} ≤ ${TARGET.healthP99Ms} ms: ${verdict(healthP99 <= TARGET.healthP99Ms)}`,
      `  live p99 under attack ${liveRatio.toFixed(2)}× the quiet run ≤ ${TARGET.liveRatio}×: ${verdict(liveRatio <= TARGET.liveRatio)}`,
      `  a correct login under attack ${ms(attacked.loginMs!)} ≤ ${TARGET.loginMs} ms: ${verdict(attacked.loginMs! <= TARGET.loginMs)}`,
      `  500 answers ${quiet.answers.internalErrors + attacked.answers.internalErrors} = 0: ${verdict(quiet.answers.internalErrors + attacked.answers.internalErrors === 0)}`,
      `\n${PINNING} Load average (1 min) at the end: ${load1()}.`,
    ].join('\n'),
  );
} finally {
  await server?.stop();
  if (databaseUrl) await dropPostgresDatabase(flags.postgres, databaseUrl);
  rmSync(dataDir, { recursive: true, force: true });
}
