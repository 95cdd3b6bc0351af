import { io, type Socket } from 'socket.io-client';
import { invalidateAll } from '$app/navigation';
import { navigating } from '$app/state';
import {
  EventSequencer,
  type Ack,
  type ClientToServerEvents,
  type VisibleEvent,
  type ServerToClientEvents,
} from '@asskomm/domain';

import { coalesced as coalescedOhneNavigation } from './coalesced';

export type Verbindung = 'verbinde' | 'live' | 'unterbrochen';

/** Gets every applied event in seq order; `null` means: reload everything you show. */
export type EventListener = (event: VisibleEvent | null) => void;

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type ServerEvent = keyof ServerToClientEvents;
type ClientEvent = keyof ClientToServerEvents;
// The arguments of a client event before its acknowledgement, and what that acknowledges.
type RequestArgs<F> = F extends (...args: [...infer A, Ack<infer _T>]) => void ? A : never;
type RequestData<F> = F extends (...args: [...infer _A, Ack<infer T>]) => void ? T : never;
/** Client events that expect an acknowledgement. */
type RequestEvent = {
  [E in ClientEvent]: RequestArgs<ClientToServerEvents[E]> extends never ? never : E;
}[ClientEvent];
/** Client events without one. */
type EmitEvent = Exclude<ClientEvent, RequestEvent>;

/**
 * Runs a reload of the page shown once no navigation is in flight. In SvelteKit an invalidation
 * takes over a navigation in flight: a change arriving while the user follows a link would keep
 * them where they were. A page being unloaded reloads nothing; the next one loads fresh.
 */
async function nachNavigation(reload: () => unknown): Promise<void> {
  for (let unterwegs = navigating.complete; unterwegs; unterwegs = navigating.complete) {
    if (navigating.willUnload) return;
    await unterwegs.catch(() => undefined);
  }
  await reload();
}

/**
 * `coalesced` for views that reload on live events (`live.subscribe(coalesced(reload))`): its
 * reload waits for a navigation begun during its short wait or while an earlier reload ran.
 */
export function coalesced(reload: () => Promise<unknown>, waitMs?: number): () => void {
  return coalescedOhneNavigation(() => nachNavigation(reload), waitMs);
}

const REQUEST_TIMEOUT_MS = 5000;
/**
 * How long the socket outlives its last user. A client-side navigation unmounts one page before
 * the next subscribes; without this grace every navigation would reconnect and reload.
 */
const CLOSE_GRACE_MS = 3000;

/**
 * The one Socket.IO connection of the dashboard. It applies the server's committed events in seq
 * order (`EventSequencer`: gaps and reconnects are caught up with `events:since`, a client far
 * behind reloads) and hands each to the subscribers. The socket opens with the first user
 * (`subscribe`, `listen`, `onConnect`) and closes shortly after the last, so server-side rendering
 * never connects.
 *
 * What a socket receives depends on the session cookie at its handshake (the server puts it in
 * the room of the caller's scope). After a login, a logout or an admin's change of view,
 * `reconnect()` opens a fresh handshake with the new cookie.
 */
class LiveConnection {
  #status = $state<Verbindung>('verbinde');
  #socket: LiveSocket | undefined;
  #listeners = new Set<EventListener>();
  #raw = new Set<{ name: ServerEvent; handler: ServerToClientEvents[ServerEvent] }>();
  #connectCallbacks = new Set<() => void>();
  #retry: ReturnType<typeof setTimeout> | undefined;
  #closing: ReturnType<typeof setTimeout> | undefined;
  readonly #sequencer = new EventSequencer({
    apply: (event) => this.#notify(event),
    fetchSince: (seq) => this.request('events:since', seq),
    reload: () => this.#notify(null),
  });

  get status(): Verbindung {
    return this.#status;
  }

  /** Calls `listener` for every committed change in seq order (`null`: reload); returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    return this.#use(this.#listeners, listener);
  }

  /** Handles a raw server event (presence, notifications) on this and every later connection. */
  listen<E extends ServerEvent>(name: E, handler: ServerToClientEvents[E]): () => void {
    const entry = { name, handler } as { name: ServerEvent; handler: ServerToClientEvents[ServerEvent] };
    // A socket opened by this call registers the handler itself (with all others in `#raw`).
    const existing = this.#socket;
    const stop = this.#use(this.#raw, entry);
    existing?.on(name, handler as never);
    return () => {
      this.#socket?.off(name, handler as never);
      stop();
    };
  }

  /** Calls `callback` on every (re)connect, and at once when connected already (e.g. to announce presence). */
  onConnect(callback: () => void): () => void {
    const stop = this.#use(this.#connectCallbacks, callback);
    if (this.#socket?.connected) callback();
    return stop;
  }

  /** Sends a client event without acknowledgement; nothing happens while no socket is open. */
  emit<E extends EmitEvent>(name: E, ...args: Parameters<ClientToServerEvents[E]>): void {
    (this.#socket as Socket | undefined)?.emit(name, ...args);
  }

  /** Sends a client event and resolves with the data it acknowledges; rejects with a German message. */
  async request<E extends RequestEvent>(
    name: E,
    ...args: RequestArgs<ClientToServerEvents[E]>
  ): Promise<RequestData<ClientToServerEvents[E]>> {
    const socket = this.#socket as Socket | undefined;
    if (!socket) throw new Error('Keine Verbindung zum Server.');
    let reply: { data: RequestData<ClientToServerEvents[E]> } | { error: string };
    try {
      reply = await socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck(name, ...args);
    } catch {
      throw new Error('Der Server hat nicht rechtzeitig geantwortet.');
    }
    if ('error' in reply) throw new Error(reply.error);
    return reply.data;
  }

  /**
   * Disconnects and connects again, so the server derives the scope from the current cookie.
   * Does nothing while nobody listens (the next subscriber connects with the new cookie anyway).
   */
  reconnect(): void {
    clearTimeout(this.#retry);
    this.#retry = undefined;
    const socket = this.#socket;
    if (!socket) return;
    // The scope may have changed: a catch-up by sequence number would not cover that.
    this.#sequencer.reset();
    this.#status = 'verbinde';
    socket.disconnect();
    socket.connect();
  }

  /** Adds a user of the socket to `set`; returns its removal. */
  #use<T>(set: Set<T>, item: T): () => void {
    set.add(item);
    clearTimeout(this.#closing);
    this.#closing = undefined;
    this.#socket ??= this.#open();
    return () => {
      set.delete(item);
      if (this.#listeners.size + this.#raw.size + this.#connectCallbacks.size > 0) return;
      clearTimeout(this.#closing);
      this.#closing = setTimeout(() => this.#close(), CLOSE_GRACE_MS);
    };
  }

  #open(): LiveSocket {
    const socket: LiveSocket = io({ path: '/socket.io' });
    socket.on('connect', () => {
      this.#status = 'live';
      for (const callback of this.#connectCallbacks) callback();
    });
    socket.on('disconnect', (reason) => {
      this.#status = 'unterbrochen';
      // The server ends the sockets of a session that ended or changed (logout in another tab,
      // expiry, deactivation, another view): reload what this tab shows, then connect afresh.
      if (reason === 'io server disconnect') {
        clearTimeout(this.#retry);
        this.#retry = setTimeout(() => {
          this.#retry = undefined;
          if (this.#socket !== socket) return;
          this.#sequencer.reset();
          void nachNavigation(invalidateAll);
          socket.connect();
        }, 1000);
      }
    });
    socket.on('connect_error', () => (this.#status = 'unterbrochen'));
    socket.on('events:head', (seq) => this.#sequencer.head(seq));
    socket.on('domain:event', (event, prev) => this.#sequencer.receive(event, prev));
    for (const { name, handler } of this.#raw) socket.on(name, handler as never);
    return socket;
  }

  /** Listeners reload their page's data: they hear of a change once no navigation is in flight. */
  #notify(event: VisibleEvent | null): void {
    void nachNavigation(() => {
      for (const listener of this.#listeners) listener(event);
    });
  }

  #close(): void {
    clearTimeout(this.#retry);
    this.#retry = undefined;
    this.#closing = undefined;
    this.#socket?.disconnect();
    this.#socket = undefined;
    this.#sequencer.reset();
    this.#status = 'verbinde';
  }
}

export const live = new LiveConnection();
