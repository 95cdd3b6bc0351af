import { migrateToLatest, ping, seedDemoDataIfEmpty, seedMasterData, type DbHandle } from '@asskomm/db';
import { ensureInitialBenutzer, type InitialBenutzerOptions } from './auth/initial-benutzer.ts';

export interface DatabaseState {
  /** True once migrations and seeds have run. */
  readonly ready: boolean;
  /** Resolves when ready; rejects only when stopped before. */
  readonly whenReady: Promise<void>;
  /** Answers whether the database responds right now (within two seconds). */
  ping(): Promise<boolean>;
  stop(): void;
}

export interface PrepareOptions {
  demoMode: boolean;
  admin?: InitialBenutzerOptions['admin'];
  log: (message: string) => void;
  /** First retry delay; doubles up to 30 s. */
  retryMs?: number;
}

/**
 * Migrates and seeds the database, retrying with backoff while it is unreachable, so the server
 * can listen (and answer health 503) before the database is there.
 */
export function prepareDatabase(
  handle: DbHandle,
  { demoMode, admin, log, retryMs = 500 }: PrepareOptions,
): DatabaseState {
  let ready = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const whenReady = new Promise<void>((resolve, reject) => {
    const attempt = async (delay: number) => {
      if (stopped) return reject(new Error('gestoppt'));
      try {
        const applied = await migrateToLatest(handle.db);
        if (applied.length > 0) log(`Migrationen ausgeführt: ${applied.join(', ')}`);
        await seedMasterData(handle.db);
        // Accounts first: the demo's next steps are assigned to the demo accounts.
        await ensureInitialBenutzer(handle, { demoMode, admin, log });
        if (demoMode && (await seedDemoDataIfEmpty(handle.db))) log('Demodaten angelegt');
        ready = true;
        resolve();
      } catch (error) {
        if (stopped) return reject(new Error('gestoppt'));
        log(`Datenbank nicht bereit (${(error as Error).message}); neuer Versuch in ${delay} ms`);
        timer = setTimeout(() => void attempt(Math.min(delay * 2, 30_000)), delay);
      }
    };
    void attempt(retryMs);
  });
  whenReady.catch(() => undefined);
  return {
    get ready() {
      return ready;
    },
    whenReady,
    ping: () => ping(handle),
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
