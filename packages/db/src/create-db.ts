import { EventEmitter } from 'node:events';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DbConfig {
  /** postgres://… to use PostgreSQL; otherwise PGlite is embedded. */
  databaseUrl?: string | undefined;
  /** PGlite data directory, or 'memory://' for a throw-away database. */
  dataDir?: string | undefined;
}

export interface DbHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Tells this process's listeners that events were committed (call after the commit, never before). */
  notifyCommitted(): void;
  /** Registers a listener for committed events; returns a function that removes it. */
  onCommitted(listener: () => void): () => void;
  /** Closes every connection; safe to call twice. */
  close(): Promise<void>;
}

const DATE_OID = 1082;

/**
 * Opens the database: PostgreSQL through `pg` when `databaseUrl` is set, else embedded PGlite.
 * Dates are returned as 'YYYY-MM-DD' strings on both, so no time zone can shift a day.
 */
export function createDb(config: DbConfig): DbHandle {
  if (config.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 10,
      connectionTimeoutMillis: 5_000,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === DATE_OID
            ? (value: string) => value
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client losing its server must not crash the process; the next query reconnects.
    pool.on('error', (error) => console.warn(`PostgreSQL-Verbindung verloren: ${error.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', ...committedSignal(), close: once(() => db.destroy()) };
  }
  const pglite = new PGlite(config.dataDir ?? 'memory://', {
    parsers: { [DATE_OID]: (value: string) => value },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return { db, kind: 'pglite', ...committedSignal(), close: once(() => db.destroy()) };
}

/** In-process signal of committed events: enough for one node; several nodes need PostgreSQL NOTIFY. */
function committedSignal(): Pick<DbHandle, 'notifyCommitted' | 'onCommitted'> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    notifyCommitted: () => emitter.emit('committed'),
    onCommitted: (listener) => {
      emitter.on('committed', listener);
      return () => emitter.off('committed', listener);
    },
  };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
