import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { events, type DbHandle } from '@asskomm/db';
import {
  scopeOf,
  toPublicEvent,
  type ClientToServerEvents,
  type InterServerEvents,
  type Scope,
  type ServerToClientEvents,
  type SocketData,
} from '@asskomm/domain';
import type { AuthService } from './auth/auth-service.ts';
import { isSameOrigin } from './same-origin.ts';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface Realtime {
  io: RealtimeServer;
  /** Starts pushing committed events, beginning after the newest one committed so far. */
  startFeed(): Promise<void>;
  /** Disconnects every socket of the user at once (logout, deactivation, a changed view); clients reconnect themselves. */
  disconnectUser(userId: number): void;
}

/** Most events a client may ask to replay at once; further ones it asks for again. */
const REPLAY_LIMIT = 1000;
/** How often open sockets re-check their session (expiry, logout on another node). */
const SESSION_CHECK_MS = 10_000;

/** The one room of each scope; an event goes to the rooms whose scope covers it. */
export function roomOf(scope: Scope): string {
  return scope.kind === 'polizeidirektion' ? `scope:pd:${scope.polizeidirektion}` : `scope:${scope.kind}`;
}
const userRoom = (userId: number) => `user:${userId}`;

/**
 * Socket.IO at /socket.io. The handshake checks the Origin and authenticates by the session cookie;
 * each socket joins the room of its scope, and committed events go only to the rooms allowed to see them.
 */
export function attachRealtime(httpServer: HttpServer, handle: DbHandle, auth: AuthService): Realtime {
  const io: RealtimeServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
    allowRequest: (req, callback) => callback(null, isSameOrigin(req.headers.origin, req.headers.host)),
  });

  io.use(async (socket, next) => {
    try {
      const { principal, session } = await auth.resolve(socket.request);
      socket.data.connectedAt = Date.now();
      socket.data.sessionId = session?.id ?? null;
      socket.data.userId = session?.userId ?? null;
      socket.data.scope = scopeOf(principal);
      await socket.join(roomOf(socket.data.scope));
      if (session) await socket.join(userRoom(session.userId));
      next();
    } catch {
      next(new Error('Anmeldung konnte nicht geprüft werden'));
    }
  });

  io.on('connection', (socket) => {
    socket.on('events:since', async (seq, ack) => {
      if (typeof ack !== 'function') return;
      if (!Number.isSafeInteger(seq) || seq < 0) return ack({ error: 'seq muss eine nicht negative ganze Zahl sein' });
      try {
        const replay = await events.since(handle.db, socket.data.scope, seq, REPLAY_LIMIT);
        ack({ data: socket.data.scope.kind === 'public' ? replay.map(toPublicEvent) : replay });
      } catch {
        ack({ error: 'Datenbank nicht erreichbar' });
      }
    });
  });

  // Pushes strictly in order: one read at a time, always from the last pushed number on.
  let pushed: number | undefined;
  let running: Promise<void> = Promise.resolve();
  const pushCommitted = () => {
    running = running.then(async () => {
      if (pushed === undefined) return;
      try {
        for (const { event, polizeidirektion } of await events.routedSince(handle.db, pushed, REPLAY_LIMIT)) {
          io.to(roomOf({ kind: 'land' })).emit('domain:event', event);
          if (polizeidirektion)
            io.to(roomOf({ kind: 'polizeidirektion', polizeidirektion })).emit('domain:event', event);
          io.to(roomOf({ kind: 'public' })).emit('domain:event', toPublicEvent(event));
          pushed = event.seq;
        }
      } catch (error) {
        console.warn(`Ereignisse konnten nicht gelesen werden: ${(error as Error).message}`);
      }
    });
  };
  const unsubscribe = handle.onCommitted(pushCommitted);

  const checkSessions = setInterval(async () => {
    const signedIn = [...io.of('/').sockets.values()].filter((s) => s.data.sessionId);
    const ids = [...new Set(signedIn.map((s) => s.data.sessionId!))];
    const valid = new Set<string>();
    for (const id of ids) if (await auth.stillValid(id).catch(() => true)) valid.add(id);
    for (const socket of signedIn) if (!valid.has(socket.data.sessionId!)) socket.disconnect(true);
  }, SESSION_CHECK_MS);
  checkSessions.unref();

  httpServer.on('close', () => {
    unsubscribe();
    clearInterval(checkSessions);
  });

  return {
    io,
    startFeed: async () => {
      pushed = await events.lastSeq(handle.db);
      pushCommitted();
    },
    disconnectUser: (userId) => io.in(userRoom(userId)).disconnectSockets(true),
  };
}
