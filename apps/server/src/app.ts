import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import express from 'express';
import type { DbHandle } from '@asskomm/db';
import { createApi } from './api.ts';
import { prepareDatabase, type DatabaseState } from './database.ts';
import { attachRealtime, type RealtimeServer } from './realtime.ts';

/** A connect-style handler such as SvelteKit's adapter-node `handler`. */
export type PageHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface AppOptions {
  handle: DbHandle;
  demoData: boolean;
  version?: string;
  /** Serves every path outside /api and /socket.io; without it those answer 404. */
  pages?: PageHandler;
  log?: (message: string) => void;
}

export interface App {
  server: Server;
  io: RealtimeServer;
  database: DatabaseState;
  /** Resolves once the database is migrated and seeded and live events flow. */
  ready: Promise<void>;
  /** Stops accepting work, disconnects sockets, closes the database. */
  close(): Promise<void>;
}

/** Wires HTTP API, Socket.IO and pages onto one HTTP server. Reads no environment. */
export function createApp({ handle, demoData, version = '0.0.0', pages, log = console.log }: AppOptions): App {
  const database = prepareDatabase(handle, { demoData, log });
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    next();
  });
  app.use('/api', createApi({ handle, database, version, startedAt: Date.now() }));
  if (pages) app.use(pages);
  app.use((_req, res) => res.status(404).type('text/plain; charset=utf-8').send('Seite nicht gefunden'));

  const server = createServer(app);
  const realtime = attachRealtime(server, handle);
  const ready = database.whenReady.then(() => realtime.startFeed());
  ready.catch(() => undefined);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      database.stop();
      await realtime.io.close().catch(() => undefined);
      server.closeAllConnections();
      await handle.close();
    })());
  return { server, io: realtime.io, database, ready, close };
}
