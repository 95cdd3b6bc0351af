import { performance } from 'node:perf_hooks';
import { io as connect, type Socket } from 'socket.io-client';
import type { DomainEvent } from '@asskomm/domain';

/** Sockets connecting at once; more only queue up in the server's accept backlog. */
const CONNECT_CONCURRENCY = 100;

/**
 * N socket clients, client i on `urls[i % urls.length]`, all with the same session cookie. Each
 * notes when it received which seq (performance.now(), the clock the writer uses too) and checks
 * the order: a seq lower than one it already had is out of order; a `prev` other than the seq it
 * last had is a gap in the sequence the server meant to send.
 */
export class ClientFleet {
  readonly sockets: Socket[] = [];
  /** Per seq, the receipt time at each client; 0 = not received. */
  readonly receipts = new Map<number, Float64Array>();
  /** Per seq, the event's own time stamp (`at`) on the performance.now() clock. */
  readonly stamps = new Map<number, number>();
  outOfOrder = 0;
  gaps = 0;
  duplicates = 0;
  disconnects = 0;
  /** The first event received, to give the baseline a payload of the same shape and size. */
  sample: DomainEvent | undefined;

  private constructor(readonly size: number) {}

  static async connect(urls: string[], size: number, cookie: string | undefined): Promise<ClientFleet> {
    const fleet = new ClientFleet(size);
    let next = 0;
    const worker = async () => {
      while (next < size) {
        const index = next++;
        await fleet.open(index, urls[index % urls.length]!, cookie);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, size) }, worker));
    } catch (error) {
      fleet.close();
      throw error;
    }
    return fleet;
  }

  private async open(index: number, url: string, cookie: string | undefined): Promise<void> {
    const socket = connect(url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { origin: url, ...(cookie && { cookie }) },
    });
    this.sockets.push(socket);
    let last: number | undefined;
    socket.on('events:head', (seq: number) => (last ??= seq));
    socket.on('domain:event', (event: DomainEvent, prev?: number) => {
      if (this.note(this.receipts, event.seq, index)) {
        // Server and generator share the machine's wall clock.
        this.stamps.set(event.seq, Date.parse(event.at) - performance.timeOrigin);
      }
      if (last !== undefined) {
        if (event.seq < last) this.outOfOrder += 1;
        if (prev !== undefined && prev !== last) this.gaps += 1;
      }
      last = Math.max(last ?? event.seq, event.seq);
      this.sample ??= event;
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', (error) => reject(new Error(`socket ${index} → ${url}: ${error.message}`)));
    });
    socket.on('disconnect', () => (this.disconnects += 1));
  }

  /**
   * Notes when each client receives `event` too, per `key(payload)` (e.g. the presentation's
   * version), in a map of its own. Call before the first such event is sent.
   */
  track<T>(event: string, key: (payload: T) => number): Map<number, Float64Array> {
    const receipts = new Map<number, Float64Array>();
    this.sockets.forEach((socket, index) => socket.on(event, (payload: T) => this.note(receipts, key(payload), index)));
    return receipts;
  }

  /** Notes that client `index` received `key` now; true when no client had it before. */
  private note(receipts: Map<number, Float64Array>, key: number, index: number): boolean {
    const now = performance.now();
    let times = receipts.get(key);
    const first = !times;
    if (!times) receipts.set(key, (times = new Float64Array(this.size)));
    if (times[index]) this.duplicates += 1;
    else times[index] = now;
    return first;
  }

  /** How many of `clients` have received `seq`. */
  receivedBy(seq: number, clients: readonly number[]): number {
    const times = this.receipts.get(seq);
    return times ? clients.filter((i) => times[i]! > 0).length : 0;
  }

  close(): void {
    for (const socket of this.sockets) {
      socket.removeAllListeners();
      socket.disconnect();
    }
  }
}
