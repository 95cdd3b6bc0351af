import { io, type Socket } from 'socket.io-client';
import { invalidateAll } from '$app/navigation';
import type { ClientToServerEvents, ServerToClientEvents } from '@asskomm/domain';

export type Verbindung = 'verbinde' | 'live' | 'unterbrochen';

type Listener = () => void;

/**
 * The one Socket.IO connection of the dashboard. It tells subscribers *that* committed data
 * changed; they reload what they show. The socket opens with the first subscriber and closes
 * with the last, so server-side rendering never connects.
 *
 * What a socket receives depends on the session cookie at its handshake (the server puts it in
 * the room of the caller's scope). After a login, a logout or an admin's change of view,
 * `reconnect()` opens a fresh handshake with the new cookie.
 */
class LiveConnection {
  #status = $state<Verbindung>('verbinde');
  #socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
  #listeners = new Set<Listener>();
  #lastSeq = 0;
  #wasConnected = false;
  #retry: ReturnType<typeof setTimeout> | undefined;

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
    this.#lastSeq = 0;
    this.#status = 'verbinde';
    socket.disconnect();
    socket.connect();
  }

  #open(): Socket<ServerToClientEvents, ClientToServerEvents> {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ path: '/socket.io' });
    socket.on('connect', () => {
      this.#status = 'live';
      if (this.#wasConnected) this.#catchUp(socket);
      this.#wasConnected = true;
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
          this.#lastSeq = 0;
          void invalidateAll();
          socket.connect();
        }, 1000);
      }
    });
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
    clearTimeout(this.#retry);
    this.#retry = undefined;
    this.#socket?.disconnect();
    this.#socket = undefined;
    this.#wasConnected = false;
    this.#status = 'verbinde';
  }
}

export const live = new LiveConnection();
