import { Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * PGlite in a worker thread (`pglite-worker.js`): its statements run beside the server's event
 * loop instead of on it. PGlite has one session, so the statements of one Kysely connection — a
 * query, or a whole transaction — are sent one at a time; the next connection waits its turn here.
 */
export class PGliteThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Map<string, (payload: string) => void>();
  #nextId = 1;
  #failure: Error | undefined;
  #closing: Promise<void> | undefined;

  constructor(dataDir: string) {
    this.#worker = new Worker(new URL('./pglite-worker.js', import.meta.url), { workerData: { dataDir } });
    this.#worker.on(
      'message',
      (
        message: { id?: number; result?: unknown; error?: Record<string, unknown> } & {
          channel?: string;
          payload?: string;
        },
      ) => {
        if (message.id === undefined) return this.#listeners.get(message.channel!)?.(message.payload!);
        const pending = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        if (message.error) pending?.reject(Object.assign(new Error(String(message.error.message)), message.error));
        else pending?.resolve(message.result);
      },
    );
    // The thread died (e.g. the data directory could not be opened): every waiting call fails with it.
    const fail = (error: Error) => {
      this.#failure = error;
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', (code) => fail(new Error(`PGlite-Thread beendet (Code ${code})`)));
  }

  #call<T>(message: Record<string, unknown>): Promise<T> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      this.#worker.postMessage({ ...message, id });
    });
  }

  query(sql: string, parameters: readonly unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }> {
    return this.#call({ op: 'query', sql, parameters });
  }

  /** Resolves true when the database thread answers; it does so once its current statement ends. */
  ping(): Promise<boolean> {
    return this.#call<boolean>({ op: 'ping' });
  }

  /** LISTEN on `channel`; PGlite delivers a notification after the transaction that sent it commits. */
  async listen(channel: string, listener: (payload: string) => void): Promise<() => void> {
    this.#listeners.set(channel, listener);
    await this.#call({ op: 'listen', channel });
    return () => void this.#listeners.delete(channel);
  }

  /** Closes the database (a checkpoint to disk) and ends the thread; safe to call twice. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#call({ op: 'close' }).catch(() => undefined);
      await this.#worker.terminate();
    })();
    return this.#closing;
  }
}

/** A Kysely dialect on a `PGliteThread`: PostgreSQL's SQL, one connection at a time. */
export function pgliteThreadDialect(thread: PGliteThread): Dialect {
  return {
    createAdapter: () => new OneSessionAdapter(),
    createDriver: () => new ThreadDriver(thread),
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

/** The migration lock is the one session itself, held by the migrator for its whole run. */
class OneSessionAdapter extends PostgresAdapter {
  override get supportsMultipleConnections(): boolean {
    return false;
  }
  override async acquireMigrationLock(): Promise<void> {}
  override async releaseMigrationLock(): Promise<void> {}
}

/** After this long a lent connection is reported, with where it was taken: it holds up every request. */
const HELD_TOO_LONG_MS = 15_000;

/**
 * Kysely lends the one connection to one caller at a time (its mutex for adapters without multiple
 * connections); this driver only says who holds it when that takes suspiciously long.
 */
class ThreadDriver implements Driver {
  readonly #connection: DatabaseConnection;
  #held: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly thread: PGliteThread) {
    this.#connection = {
      executeQuery: async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
        const { rows, affectedRows } = await thread.query(query.sql, query.parameters);
        return { rows: rows as R[], numAffectedRows: affectedRows === undefined ? undefined : BigInt(affectedRows) };
      },
      streamQuery: () => {
        throw new Error('Streaming wird von PGlite nicht unterstützt.');
      },
    };
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const taken = new Error('PGlite-Verbindung ungewöhnlich lange belegt; genommen');
    this.#held = setTimeout(() => console.warn(taken.stack), HELD_TOO_LONG_MS);
    this.#held.unref();
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    clearTimeout(this.#held);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const mode = [settings.isolationLevel && `isolation level ${settings.isolationLevel}`, settings.accessMode].filter(
      Boolean,
    );
    await connection.executeQuery(CompiledQuery.raw(mode.length ? `start transaction ${mode.join(' ')}` : 'begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    await this.thread.close();
  }
}
