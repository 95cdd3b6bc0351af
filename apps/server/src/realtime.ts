import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { events, type DbHandle } from '@asskomm/db';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from '@asskomm/domain';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface Realtime {
  io: RealtimeServer;
  /** Starts pushing committed events, beginning after the newest one committed so far. */
  startFeed(): Promise<void>;
}

/** Most events a client may ask to replay at once; further ones it asks for again. */
const REPLAY_LIMIT = 1000;

/**
 * Socket.IO at /socket.io: pushes every committed domain event in sequence order and answers
 * `events:since` so a client can close a gap or catch up after a reconnect.
 */
export function attachRealtime(httpServer: HttpServer, handle: DbHandle): Realtime {
  const io: RealtimeServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
  });

  io.on('connection', (socket) => {
    socket.data.connectedAt = Date.now();
    socket.on('events:since', async (seq, ack) => {
      if (typeof ack !== 'function') return;
      if (!Number.isSafeInteger(seq) || seq < 0) return ack({ error: 'seq muss eine nicht negative ganze Zahl sein' });
      try {
        ack({ data: await events.since(handle.db, seq, REPLAY_LIMIT) });
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
        for (const event of await events.since(handle.db, pushed, REPLAY_LIMIT)) {
          io.emit('domain:event', event);
          pushed = event.seq;
        }
      } catch (error) {
        console.warn(`Ereignisse konnten nicht gelesen werden: ${(error as Error).message}`);
      }
    });
  };
  const unsubscribe = handle.onCommitted(pushCommitted);
  httpServer.on('close', unsubscribe);
  return {
    io,
    startFeed: async () => {
      pushed = await events.lastSeq(handle.db);
      pushCommitted();
    },
  };
}
