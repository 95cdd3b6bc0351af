import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { housekeeping, type DbHandle } from '@asskomm/db';
import { createApi } from './api.ts';
import { createAuthService } from './auth/auth-service.ts';
import { readSessionToken, type CookiePolicy } from './auth/session-cookie.ts';
import type { InitialBenutzerOptions } from './auth/initial-benutzer.ts';
import { prepareDatabase, type DatabaseState } from './database.ts';
import { clientIp } from './http.ts';
import { SSR_HEADERS } from '@asskomm/domain';
import { API_REQUESTS_PER_MINUTE } from './rate-limit.ts';
import { attachRealtime } from './realtime/index.ts';
import { chromiumMissing, createPdfRenderer, findChromium } from './bericht/renderer.ts';
import type { RealtimeServer } from './realtime/types.ts';

/** Starts Chromium at a lower priority; in bin/, beside src/ and dist/ (this file is in either). */
const CHROMIUM_NIEDRIG = fileURLToPath(new URL('../bin/chromium-niedrig.sh', import.meta.url));

/** A connect-style handler such as SvelteKit's adapter-node `handler`. */
export type PageHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface AppOptions {
  handle: DbHandle;
  /** Demo mode: demo data and demo accounts, session cookie without `Secure` (plain http:// works). */
  demoMode: boolean;
  admin?: InitialBenutzerOptions['admin'];
  session?: { idleMs: number; absoluteMs: number };
  /** Express's `trust proxy`, so client addresses (login throttling, audit) are right behind a proxy. */
  trustProxy?: string | boolean;
  version?: string;
  /** Lets a scraper read `/api/metrics` with `Authorization: Bearer <token>` (admins may without). */
  metricsToken?: string | undefined;
  /** Open sockets one client address may hold on this node (default 500: a venue's Wi-Fi). */
  socketsPerAddress?: number;
  /** Open sockets one user may hold on this node (default 20: a few tabs). */
  socketsPerBenutzer?: number;
  /** Anonymous API requests one address may make per minute on all nodes (default `API_REQUESTS_PER_MINUTE`). */
  requestsPerMinute?: number;
  /** The secret with which `pages` marks its loopback API requests (`ASSKOMM_SSR_TOKEN`, rate-limit.ts). */
  ssrToken?: string;
  /**
   * The Chromium that prints the Lagebericht as PDF (`CHROMIUM_PATH`); without it the usual
   * install places are tried, and without any the PDF route says what is missing (503).
   */
  chromiumPath?: string;
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

/**
 * A page rendered for a signed-in user holds staff names, notes and comments: neither a shared
 * cache nor the browser's may keep it (the API answers no-store anyway).
 */
function personalPagesUncached(cookie: CookiePolicy): PageHandler {
  return (req, res, next) => {
    if (readSessionToken(req, cookie)) res.setHeader('Cache-Control', 'private, no-store');
    next();
  };
}

/**
 * The page handler's API requests (over loopback) are counted for the visitor they render for: it
 * passes this header on with its token. Set here from the connection, so a visitor cannot name itself.
 */
const nameVisitor: express.RequestHandler = (req, _res, next) => {
  const address = clientIp(req);
  if (address) req.headers[SSR_HEADERS.client] = address;
  else delete req.headers[SSR_HEADERS.client];
  next();
};

/** The base URL under which this server answers itself (a wildcard address means loopback). */
function ownAddress(server: Server): string {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('Der Server lauscht noch nicht.');
  const host = ['0.0.0.0', '::', ''].includes(address.address)
    ? '127.0.0.1'
    : address.family === 'IPv6'
      ? `[${address.address}]`
      : address.address;
  return `http://${host}:${address.port}`;
}

/** How often expired sessions, idempotency keys and rate-limit windows are swept. */
const SWEEP_EVERY_MS = 10 * 60_000;

const DEFAULT_SESSION_LIMITS = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

/** Wires HTTP API, Socket.IO and pages onto one HTTP server. Reads no environment. */
export function createApp(options: AppOptions): App {
  const {
    handle,
    demoMode,
    admin,
    session = DEFAULT_SESSION_LIMITS,
    version = '0.0.0',
    pages,
    log = console.log,
  } = options;
  const database = prepareDatabase(handle, { demoMode, admin, log });
  const cookie: CookiePolicy = { secure: !demoMode, maxAgeSeconds: Math.round(session.absoluteMs / 1000) };
  const auth = createAuthService({ handle, limits: session, cookie, demoMode });

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', options.trustProxy ?? false);
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    // Production runs behind TLS only (its cookie is `Secure`); the demo runs on plain http://.
    if (!demoMode) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  });
  const server = createServer(app);
  const chromium = findChromium(options.chromiumPath);
  // Chromium opens the report page on this very server, over loopback.
  const renderer = chromium ? createPdfRenderer(chromium, () => ownAddress(server), CHROMIUM_NIEDRIG) : undefined;
  const realtime = attachRealtime(server, handle, auth, {
    perAddress: options.socketsPerAddress,
    perBenutzer: options.socketsPerBenutzer,
  });
  app.use(
    '/api',
    createApi({
      auth,
      database,
      version,
      startedAt: Date.now(),
      disconnectBenutzer: realtime.disconnectBenutzer,
      metrics: { token: options.metricsToken, realtime: realtime.stats },
      broadcastPraesentation: realtime.broadcastPraesentation,
      requestsPerMinute: options.requestsPerMinute ?? API_REQUESTS_PER_MINUTE,
      ssrToken: options.ssrToken,
      bericht: { renderer, missing: chromiumMissing(options.chromiumPath) },
    }),
  );
  if (pages) app.use(nameVisitor, personalPagesUncached(cookie), pages);
  app.use((_req, res) => res.status(404).type('text/plain; charset=utf-8').send('Seite nicht gefunden'));

  const ready = database.whenReady.then(() => realtime.startFeed());
  ready.catch(() => undefined);

  // Expired sessions, old idempotency keys and rate-limit windows are swept on a schedule, so no table grows without bound.
  const sweep = () =>
    void housekeeping
      .sweep(handle.db, session)
      .catch((error: Error) => log(`Aufräumen fehlgeschlagen: ${error.message}`));
  const sweeping = setInterval(sweep, SWEEP_EVERY_MS);
  sweeping.unref();
  void ready.then(sweep, () => undefined);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      database.stop();
      clearInterval(sweeping);
      await realtime.io.close().catch(() => undefined);
      await renderer?.close();
      server.closeAllConnections();
      await handle.close();
    })());
  return { server, io: realtime.io, database, ready, close };
}
