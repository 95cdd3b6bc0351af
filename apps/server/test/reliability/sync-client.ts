import { io as connect } from 'socket.io-client';
import { EventSequencer, type KommuneDetail, type VisibleEvent } from '@asskomm/domain';
import type { LiveSocket } from '../test-client.ts';

const CONNECT_TIMEOUT_MS = 3_000;
const RETRY_MS = 250;
const ACK_TIMEOUT_MS = 5_000;

/**
 * A live client as the dashboard is one, reduced to what can be compared: the version of each
 * Kommune it knows. It speaks the real protocol through the shared `EventSequencer` (`events:head`,
 * `domain:event` with `prev`, `events:since`) and reloads its snapshot over the API when the
 * sequencer says so. Given several server nodes, it moves to the next one when its node goes
 * away, as a load balancer would send a reconnecting browser to a live node.
 */
export class SyncClient {
  /** AGS → Kommune version, as this client shows it. */
  readonly versions = new Map<string, number>();
  /** Every event applied, in the order applied. */
  readonly applied: VisibleEvent[] = [];
  /** How often the snapshot was (re)loaded; once at the start is the normal case. */
  reloads = 0;
  /** The seq of the first `events:head`: the applied events are exactly those after it. */
  startSeq: number | undefined;
  readonly #sequencer: EventSequencer;
  #node = 0;
  #socket: LiveSocket | undefined;
  /** False while deliberately disconnected or closed: no failover then. */
  #wanted = false;
  #closed = false;
  #reloading: Promise<void> | undefined;

  /**
   * @param urls server nodes, the first one preferred
   * @param cookie a session cookie (`name=value`), valid on every node of one database
   * @param kommunen AGS of the Kommunen the snapshot covers
   */
  constructor(
    readonly urls: string[],
    readonly cookie: string,
    readonly kommunen: string[],
  ) {
    this.#sequencer = new EventSequencer({
      apply: (event) => this.#apply(event),
      fetchSince: (seq) => this.#fetchSince(seq),
      reload: () => void this.#reload(),
    });
  }

  /** The node this client is connected to, or undefined between connections. */
  get node(): string | undefined {
    return this.#socket?.connected ? this.urls[this.#node] : undefined;
  }

  /** Connects (again) and resolves once the sequence position is known and no reload is pending. */
  async connect(): Promise<void> {
    this.#wanted = true;
    await this.#connectToSomeNode();
    await waitFor(() => this.#sequencer.lastApplied !== null && this.#reloading === undefined, 20_000);
  }

  /** Drops the connection, like a laptop closing its lid; events pushed meanwhile are missed. */
  disconnect(): void {
    this.#wanted = false;
    this.#socket?.disconnect();
    this.#socket = undefined;
  }

  close(): void {
    this.#closed = true;
    this.disconnect();
  }

  async #connectToSomeNode(): Promise<void> {
    for (;;) {
      if (!this.#wanted) return;
      const url = this.urls[this.#node]!;
      const socket: LiveSocket = connect(url, {
        path: '/socket.io',
        transports: ['websocket'],
        reconnection: false,
        timeout: CONNECT_TIMEOUT_MS,
        extraHeaders: { origin: url, cookie: this.cookie },
      });
      // Listeners and `#socket` before the handshake ends: `events:head` follows it at once, and its catch-up asks through `#socket`.
      this.#socket = socket;
      socket.on('events:head', (seq) => {
        this.startSeq ??= seq;
        this.#sequencer.head(seq);
      });
      socket.on('domain:event', (event, prev) => this.#sequencer.receive(event, prev));
      const connected = await new Promise<boolean>((resolve) => {
        socket.once('connect', () => resolve(true));
        socket.once('connect_error', () => resolve(false));
      });
      if (connected && this.#wanted && this.#socket === socket) {
        socket.once('disconnect', (reason) => {
          if (this.#socket !== socket || reason === 'io client disconnect') return;
          this.#socket = undefined;
          void this.#connectToSomeNode();
        });
        return;
      }
      if (this.#socket === socket) this.#socket = undefined;
      socket.close();
      this.#node = (this.#node + 1) % this.urls.length;
      await sleep(RETRY_MS);
    }
  }

  #apply(event: VisibleEvent): void {
    this.applied.push(event);
    if (event.type === 'demo:reset') void this.#reload();
    else if (event.ags !== null && event.version !== null) this.#see(event.ags, event.version);
  }

  async #fetchSince(seq: number): Promise<VisibleEvent[]> {
    if (!this.#socket) throw new Error('nicht verbunden');
    const reply = await this.#socket.timeout(ACK_TIMEOUT_MS).emitWithAck('events:since', seq);
    if ('error' in reply) throw new Error(reply.error);
    return reply.data;
  }

  /** Loads every covered Kommune from the node's API, retrying until it answers. */
  #reload(): Promise<void> {
    this.reloads += 1;
    const run = async () => {
      while (!this.#closed) {
        try {
          const url = this.urls[this.#node]!;
          for (const ags of this.kommunen) {
            const response = await fetch(`${url}/api/kommunen/${ags}`, { headers: { cookie: this.cookie } });
            if (!response.ok) throw new Error(`GET /api/kommunen/${ags}: ${response.status}`);
            this.#see(ags, ((await response.json()) as KommuneDetail).version);
          }
          return;
        } catch {
          await sleep(RETRY_MS);
        }
      }
    };
    const reloading = (this.#reloading ?? Promise.resolve()).then(run);
    this.#reloading = reloading;
    void reloading.then(() => {
      if (this.#reloading === reloading) this.#reloading = undefined;
    });
    return reloading;
  }

  /** Versions only grow; a snapshot that left before a pushed event arrives after it must not undo it. */
  #see(ags: string, version: number): void {
    this.versions.set(ags, Math.max(version, this.versions.get(ags) ?? 0));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Zeitüberschreitung beim Warten auf den Live-Client');
    await sleep(50);
  }
}
