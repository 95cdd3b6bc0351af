import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@asskomm/domain';

export type Verbindung = 'verbinde' | 'live' | 'unterbrochen';

type Listener = () => void;

/**
 * The one Socket.IO connection of the dashboard. It tells subscribers *that* committed data
 * changed; they reload what they show. The socket opens with the first subscriber and closes
 * with the last, so server-side rendering never connects.
 */
class LiveConnection {
  #status = $state<Verbindung>('verbinde');
  #socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
  #listeners = new Set<Listener>();
  #lastSeq = 0;
  #wasConnected = false;

  get status(): Verbindung {
    return this.#status;
  }

  /** Calls `listener` after every committed change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    this.#socket ??= this.#open();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.#close();
    };
  }

  #open(): Socket<ServerToClientEvents, ClientToServerEvents> {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ path: '/socket.io' });
    socket.on('connect', () => {
      this.#status = 'live';
      if (this.#wasConnected) this.#catchUp(socket);
      this.#wasConnected = true;
    });
    socket.on('disconnect', () => (this.#status = 'unterbrochen'));
    socket.on('connect_error', () => (this.#status = 'unterbrochen'));
    socket.on('domain:event', (event) => {
      this.#lastSeq = Math.max(this.#lastSeq, event.seq);
      this.#notify();
    });
    return socket;
  }

  /** After a reconnect: changes may have been committed while we were away. */
  #catchUp(socket: Socket<ServerToClientEvents, ClientToServerEvents>): void {
    // Without a known position we cannot ask for a gap; reloading is cheap and certainly right.
    if (this.#lastSeq === 0) return this.#notify();
    socket.emit('events:since', this.#lastSeq, (reply) => {
      if ('error' in reply) return this.#notify();
      const newest = reply.data.at(-1);
      if (!newest) return;
      this.#lastSeq = Math.max(this.#lastSeq, newest.seq);
      this.#notify();
    });
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }

  #close(): void {
    this.#socket?.disconnect();
    this.#socket = undefined;
    this.#wasConnected = false;
    this.#status = 'verbinde';
  }
}

export const live = new LiveConnection();
