import { EventEmitter } from 'node:events';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { RoutedEvent } from './events.ts';
import { PGliteThread, pgliteThreadDialect } from './pglite-thread.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DbConfig {
  /** postgres://… to use PostgreSQL; otherwise PGlite is embedded. */
  databaseUrl?: string | undefined;
  /** PGlite data directory, or 'memory://' for a throw-away database. */
  dataDir?: string | undefined;
  /** PostgreSQL only: the budget of one statement, lock waits included (default `STATEMENT_TIMEOUT_MS`; 0: none). */
  statementTimeoutMs?: number;
}

/**
 * No request may hold a connection for long: PostgreSQL cancels a statement after this (lock waits
 * included) and the API answers 503. About twenty times the slowest read measured: the KPI history over
 * every month since 2019, uncached, 0.54 s on PostgreSQL at load average 4.7 on the 2-core machine.
 */
export const STATEMENT_TIMEOUT_MS = 10_000;

export interface DbHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /**
   * Registers a listener for committed events, in this process or any other on the same database
   * (NOTIFY from a trigger, so it fires only after commit). It gets the committed seq, or nothing
   * when events may have been missed (the listening connection was re-established). Returns a
   * function that removes it.
   */
  onCommitted(listener: (seq?: number) => void): () => void;
  /**
   * Resolves true when the database takes a statement: on PostgreSQL `select 1` on a connection of
   * its own, on PGlite when its thread has finished the statement it is running (not the ones queued
   * behind it). The health check's question (ping.ts adds the time limit).
   */
  answers(): Promise<boolean>;
  /** The pg pool on PostgreSQL (for the Socket.IO adapter), null on PGlite. */
  pool: pg.Pool | null;
  /**
   * Events this process appended, by seq, until they are pushed: the node that made a change
   * pushes it without reading it back (other nodes, and anything not found here, read the table).
   * Entries of rolled-back transactions are never asked for and are dropped as the feed moves on.
   */
  appended: Map<number, RoutedEvent>;
  /** Closes every connection; safe to call twice. */
  close(): Promise<void>;
}

const DATE_OID = 1082;

/**
 * Opens the database: PostgreSQL through `pg` when `databaseUrl` is set, else embedded PGlite.
 * Dates are returned as 'YYYY-MM-DD' strings on both (the PGlite thread sets its own parser), so no
 * time zone can shift a day.
 */
export function createDb(config: DbConfig): DbHandle {
  if (config.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 10,
      connectionTimeoutMillis: 5_000,
      statement_timeout: config.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === DATE_OID
            ? (value: string) => value
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client losing its server must not crash the process; the next query reconnects.
    const lost = (error: Error) => console.warn(`PostgreSQL-Verbindung verloren: ${error.message}`);
    pool.on('error', lost);
    // Also for clients held outside the pool's idle list (the Socket.IO adapter keeps one for LISTEN):
    // an 'error' without a listener would end the process.
    pool.on('connect', (client) => client.on('error', lost));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const feed = postgresFeed(config.databaseUrl);
    return {
      db,
      kind: 'postgres',
      answers: async () => (await sql`select 1`.execute(db), true),
      pool,
      appended: new Map(),
      onCommitted: feed.onCommitted,
      close: once(async () => {
        await feed.close();
        await db.destroy();
      }),
    };
  }
  // On a thread of its own, so that a slow statement does not stop the server (pglite-thread.ts).
  const thread = new PGliteThread(config.dataDir ?? 'memory://');
  const db = new Kysely<Database>({ dialect: pgliteThreadDialect(thread) });
  const feed = committedFeed((emit) => thread.listen(CHANNEL, (payload) => emit(Number(payload))));
  return {
    db,
    kind: 'pglite',
    answers: () => thread.ping(),
    pool: null,
    appended: new Map(),
    onCommitted: feed.onCommitted,
    close: once(async () => {
      await feed.close();
      await db.destroy();
    }),
  };
}

/** The channel the domain_event trigger notifies with each committed seq. */
const CHANNEL = 'domain_event';
const RELISTEN_MS = [250, 500, 1000, 2000, 5000];

type Emit = (seq?: number) => void;

/**
 * Fans notifications out to this process's listeners. `start` begins listening with the first
 * listener (a process that never pushes, e.g. a seed script, never holds a connection for it)
 * and returns how to stop.
 */
function committedFeed(start: (emit: Emit) => Promise<() => Promise<void> | void>) {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let stop: Promise<() => Promise<void> | void> | undefined;
  const emit: Emit = (seq) => emitter.emit('committed', seq);
  return {
    onCommitted: (listener: Emit) => {
      emitter.on('committed', listener);
      stop ??= start(emit);
      return () => void emitter.off('committed', listener);
    },
    close: async () => {
      emitter.removeAllListeners();
      if (stop) await (await stop)();
    },
  };
}

/**
 * LISTEN on a dedicated connection (a pooled one could be handed back and lose it). When the
 * connection breaks — PostgreSQL restarted, network gone — it is re-established with backoff,
 * and listeners are told to catch up, since notifications sent meanwhile are lost.
 */
function postgresFeed(connectionString: string) {
  return committedFeed(async (emit) => {
    let closed = false;
    let client: pg.Client | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const listen = async (attempt: number): Promise<void> => {
      const next = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
      next.on('error', () => {}); // 'end' follows and handles it
      next.on('notification', (msg) => emit(Number(msg.payload)));
      next.on('end', () => {
        if (closed || client !== next) return;
        client = undefined;
        console.warn('LISTEN-Verbindung zu PostgreSQL verloren; wird neu aufgebaut');
        retry = setTimeout(() => void listen(0), RELISTEN_MS[0]);
      });
      try {
        await next.connect();
        await next.query(`LISTEN ${CHANNEL}`);
        if (closed) return void (await next.end());
        client = next;
        emit();
      } catch {
        await next.end().catch(() => {});
        if (closed) return;
        retry = setTimeout(() => void listen(attempt + 1), RELISTEN_MS[Math.min(attempt, RELISTEN_MS.length - 1)]);
      }
    };
    await listen(0);
    return async () => {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    };
  });
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
