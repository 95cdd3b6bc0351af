import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/postgres-adapter';
import { Server } from 'socket.io';
import { events, type DbHandle } from '@asskomm/db';
import { REPLAY_LIMIT, scopeOf, type PraesentationStand } from '@asskomm/domain';
import type { AuthService } from '../auth/auth-service.ts';
import { isSameOrigin } from '../same-origin.ts';
import { createFanOut } from './fan-out.ts';
import { attachPresence } from './presence.ts';
import { roomOf, benutzerRoom } from './rooms.ts';
import { createLine, LineFull } from '../line.ts';
import { guardSocket, tokenBucket } from './socket-guard.ts';
import type { RealtimeServer } from './types.ts';

export interface RealtimeStats {
  sockets: number;
  lastPushedSeq: number | null;
  pushedEvents: number;
}

export interface Realtime {
  io: RealtimeServer;
  /** Starts pushing committed events, beginning after the newest one committed so far. */
  startFeed(): Promise<void>;
  /** Disconnects every socket of the user at once (logout, deactivation, a changed view); clients reconnect themselves. */
  disconnectBenutzer(benutzerId: number): void;
  stats(): RealtimeStats;
  /** Through the adapter: every socket on every node, the public audience included. */
  broadcastPraesentation(stand: PraesentationStand): void;
}

/** How often open sockets re-check their session (expiry, logout on another node). */
const SESSION_CHECK_MS = 10_000;

/**
 * Sockets per node: a user has a few tabs (`SOCKETS_PER_BENUTZER`); one address may be a Fachtag's
 * venue Wi-Fi with the whole audience behind it, but not thousands (`SOCKETS_PER_ADDRESS`).
 */
export const SOCKET_LIMITS = { perBenutzer: 20, perAddress: 500 };
/** Replays (`events:since`) running at once on a node, whoever asks: the rest wait in line. */
const REPLAYS_AT_ONCE = 4;
const REPLAY_QUEUE = 200;
/**
 * Replays one socket may ask for: a client needs one after a reconnect or a gap, and when refused
 * it reloads instead (live-sync.ts). Without this, 200 anonymous sockets asking at their message
 * rate kept the replay line full and the server's loop busy with answers of 1,000 events.
 */
export const REPLAY_RATE = { perSecond: 0.1, burst: 3 };

/**
 * Socket.IO at /socket.io. The handshake checks the Origin and authenticates by the session cookie;
 * each socket joins the room of its scope, and committed events go only to the rooms allowed to see
 * them. On PostgreSQL the Socket.IO adapter connects the nodes for presence and for disconnecting a
 * user everywhere; events themselves reach every node through the database's NOTIFY.
 */
export function attachRealtime(
  httpServer: HttpServer,
  handle: DbHandle,
  auth: AuthService,
  {
    perAddress: addressLimit = SOCKET_LIMITS.perAddress,
    perBenutzer: benutzerLimit = SOCKET_LIMITS.perBenutzer,
  }: { perAddress?: number | undefined; perBenutzer?: number | undefined } = {},
): Realtime {
  const io: RealtimeServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
    allowRequest: (req, callback) => callback(null, isSameOrigin(req.headers.origin, req.headers.host)),
  });
  if (handle.pool) {
    io.adapter(
      createAdapter(handle.pool, {
        errorHandler: (error) => console.warn(`Socket.IO-Adapter: ${error.message}`),
      }),
    );
  }
  const fanOut = createFanOut(io, handle);
  const replays = createLine(
    REPLAYS_AT_ONCE,
    REPLAY_QUEUE,
    'Der Server ist ausgelastet; bitte gleich erneut versuchen.',
  );
  const perAddress = new Counter();
  const perBenutzer = new Counter();

  io.use(async (socket, next) => {
    const releases: (() => void)[] = [];
    const release = () => releases.forEach((counted) => counted());
    try {
      const { principal, session } = await auth.resolve(socket.request);
      const address = socket.handshake.address;
      if (perAddress.of(address) >= addressLimit) {
        return next(new Error('Zu viele Verbindungen von dieser Adresse'));
      }
      if (session && perBenutzer.of(session.benutzerId) >= benutzerLimit) {
        return next(new Error('Zu viele offene Verbindungen dieses Kontos'));
      }
      // Counted before the next await, so simultaneous handshakes cannot all pass the check.
      releases.push(perAddress.take(address));
      if (session) releases.push(perBenutzer.take(session.benutzerId));
      socket.once('disconnect', release);
      socket.data.connectedAt = Date.now();
      socket.data.sessionId = session?.id ?? null;
      socket.data.benutzerId = session?.benutzerId ?? null;
      socket.data.benutzer = session && {
        name: session.benutzer.name,
        role: session.benutzer.role,
        polizeidirektion: session.benutzer.polizeidirektion,
      };
      socket.data.presence = null;
      socket.data.scope = scopeOf(principal);
      await socket.join(roomOf(socket.data.scope));
      if (session) await socket.join(benutzerRoom(session.benutzerId));
      next();
    } catch {
      release();
      next(new Error('Anmeldung konnte nicht geprüft werden'));
    }
  });

  io.on('connection', (socket) => {
    // Joined its room already: everything pushed from here on follows this head.
    const head = fanOut.headOf(socket.data.scope);
    if (head !== null) socket.emit('events:head', head);
    guardSocket(socket);

    // One replay at a time per socket: a client never needs two, and a flood must not queue up
    // database work that others would wait behind.
    let replaying = false;
    const replayBudget = tokenBucket(REPLAY_RATE);
    socket.on('events:since', async (seq, ack) => {
      if (typeof ack !== 'function') return;
      if (!Number.isSafeInteger(seq) || seq < 0) return ack({ error: 'seq muss eine nicht negative ganze Zahl sein' });
      if (replaying) return ack({ error: 'Es läuft schon eine Abfrage; bitte auf ihre Antwort warten.' });
      if (!replayBudget.take()) return ack({ error: 'Zu viele Nachholabfragen; bitte die Seite neu laden.' });
      replaying = true;
      try {
        ack({ data: await replays.run(() => events.since(handle.db, socket.data.scope, seq, REPLAY_LIMIT)) });
      } catch (error) {
        ack({ error: error instanceof LineFull ? error.message : 'Datenbank nicht erreichbar' });
      } finally {
        replaying = false;
      }
    });
    attachPresence(io, handle, socket);
  });

  const checkSessions = setInterval(async () => {
    const signedIn = [...io.of('/').sockets.values()].filter((s) => s.data.sessionId);
    const ids = [...new Set(signedIn.map((s) => s.data.sessionId!))];
    const valid = new Set<string>();
    for (const id of ids) if (await auth.stillValid(id).catch(() => true)) valid.add(id);
    for (const socket of signedIn) if (!valid.has(socket.data.sessionId!)) socket.disconnect(true);
  }, SESSION_CHECK_MS);
  checkSessions.unref();

  httpServer.on('close', () => {
    fanOut.stop();
    clearInterval(checkSessions);
  });

  return {
    io,
    startFeed: async () => {
      await fanOut.start();
      // Sockets that connected before the feed knew its heads start their sequence now.
      for (const socket of io.of('/').sockets.values()) socket.emit('events:head', fanOut.headOf(socket.data.scope)!);
    },
    // Through the adapter: the user's sockets on every node.
    disconnectBenutzer: (benutzerId) => io.in(benutzerRoom(benutzerId)).disconnectSockets(true),
    broadcastPraesentation: (stand) => io.emit('praesentation:stand', stand),
    stats: () => {
      const { lastPushed, pushed } = fanOut.stats();
      return { sockets: io.of('/').sockets.size, lastPushedSeq: lastPushed, pushedEvents: pushed };
    },
  };
}

/** Open sockets per key (address, user). */
class Counter {
  readonly #open = new Map<string | number, number>();

  of(key: string | number): number {
    return this.#open.get(key) ?? 0;
  }

  /** Counts one more; the returned function counts it down again (once). */
  take(key: string | number): () => void {
    this.#open.set(key, this.of(key) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.of(key) - 1;
      if (left > 0) this.#open.set(key, left);
      else this.#open.delete(key);
    };
  }
}
