import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DomainEvent } from '@asskomm/domain';
import { ClientFleet } from './clients.ts';
import { spread, type Spread } from './stats.ts';
import type { Target } from './targets.ts';

export interface Load {
  clients: number;
  rate: number;
  seconds: number;
  /** How long after the last write answered a delivery may still come before it counts as lost. */
  graceMs: number;
}

/** Figures of one group of clients (all of them, or those of one node). */
export interface GroupResult {
  /** From the start of the write's HTTP request to receipt. */
  latency: Spread;
  /** From the event's time stamp (`at`: the start of the committing transaction) to receipt. */
  fromStamp: Spread;
  lost: number;
}

export interface Result {
  load: Load;
  writes: number;
  failedWrites: number;
  http: Spread;
  /** Per group of client indices, e.g. { all } or { local, remote }. */
  groups: Record<string, GroupResult>;
  outOfOrder: number;
  gaps: number;
  duplicates: number;
  disconnects: number;
  heapPerConnection: number;
  serverCpu: number;
  generatorCpu: number;
  /** p99 of this process's event-loop delay during the writes: high means the generator, not the server, is late. */
  generatorLagMs: number;
  /** The first event received, and its size as JSON. */
  sample: DomainEvent | undefined;
  sampleBytes: number;
}

/** Writes at a steady `rate` for `seconds`, not waiting for earlier writes; each notes when its request started. */
export async function writeSteadily(target: Target, load: Load) {
  const total = Math.round(load.rate * load.seconds);
  const started = new Float64Array(total);
  const httpMs = new Float64Array(total).fill(NaN);
  const seqs: (number | undefined)[] = new Array(total);
  const errors: string[] = [];
  const t0 = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / load.rate;
    if (due > performance.now()) await sleep(due - performance.now());
    started[i] = performance.now();
    inFlight.push(
      target.write(i).then(
        (seq) => {
          httpMs[i] = performance.now() - started[i]!;
          seqs[i] = seq;
        },
        (error: Error) => void errors.push(error.message),
      ),
    );
  }
  await Promise.all(inFlight);
  return { started, httpMs, seqs, errors };
}

/**
 * One measurement: heap before and after connecting `load.clients` idle sockets, then writes at a
 * steady rate while every client notes each event's arrival. Latency per (client, write) is the
 * receipt time minus the start of the write's HTTP request; both are read on this process's clock.
 */
export async function measure(
  target: Target,
  load: Load,
  groupsOf: (clients: number) => Record<string, number[]> = (n) => ({ all: Array.from({ length: n }, (_, i) => i) }),
): Promise<Result> {
  const heapBefore = await target.heapBytes();
  const fleet = await ClientFleet.connect(target.urls, load.clients, target.cookie);
  try {
    await sleep(1000);
    const heapAfter = await target.heapBytes();

    const cpuBefore = target.cpuSeconds();
    const generatorBefore = process.cpuUsage();
    const wallBefore = performance.now();
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const { started, httpMs, seqs, errors } = await writeSteadily(target, load);
    const written = seqs.flatMap((seq, i) => (seq === undefined ? [] : [{ seq, i }]));
    const groups = groupsOf(load.clients);
    const everyone = Object.values(groups).flat();
    const deadline = performance.now() + load.graceMs;
    while (
      performance.now() < deadline &&
      written.some(({ seq }) => fleet.receivedBy(seq, everyone) < everyone.length)
    ) {
      await sleep(50);
    }
    lag.disable();
    const generator = process.cpuUsage(generatorBefore);
    const wallSeconds = (performance.now() - wallBefore) / 1000;
    const serverCpu = (target.cpuSeconds() - cpuBefore) / wallSeconds;
    if (errors.length) console.warn(`  ${errors.length} writes failed, first: ${errors[0]}`);

    const result = (clients: number[]): GroupResult => {
      const latencies: number[] = [];
      const fromStamp: number[] = [];
      let lost = 0;
      for (const { seq, i } of written) {
        const times = fleet.receipts.get(seq);
        const stamp = fleet.stamps.get(seq) ?? NaN;
        for (const c of clients) {
          const at = times?.[c] ?? 0;
          if (at > 0) {
            latencies.push(at - started[i]!);
            fromStamp.push(at - stamp);
          } else lost += 1;
        }
      }
      return { latency: spread(Float64Array.from(latencies)), fromStamp: spread(Float64Array.from(fromStamp)), lost };
    };
    return {
      load,
      writes: written.length,
      failedWrites: errors.length,
      http: spread(httpMs.filter((v) => !Number.isNaN(v))),
      groups: Object.fromEntries(Object.entries(groups).map(([name, clients]) => [name, result(clients)])),
      outOfOrder: fleet.outOfOrder,
      gaps: fleet.gaps,
      duplicates: fleet.duplicates,
      disconnects: fleet.disconnects,
      heapPerConnection: (heapAfter - heapBefore) / load.clients,
      serverCpu,
      generatorCpu: (generator.user + generator.system) / 1e6 / wallSeconds,
      generatorLagMs: lag.percentile(99) / 1e6,
      sampleBytes: fleet.sample ? Buffer.byteLength(JSON.stringify(fleet.sample)) : NaN,
      sample: fleet.sample,
    };
  } finally {
    fleet.close();
    await sleep(500);
  }
}
