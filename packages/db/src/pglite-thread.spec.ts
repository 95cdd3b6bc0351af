import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from './create-db.ts';

/** A statement that keeps PGlite busy for about `seconds`. */
const busy = (handle: DbHandle, seconds: number) => sql`select pg_sleep(${seconds})`.execute(handle.db);

describe('PGlite on its own thread', () => {
  let handle: DbHandle;

  beforeAll(async () => {
    handle = createDb({ dataDir: 'memory://' });
    await sql`create table probe (n int primary key)`.execute(handle.db);
  });
  afterAll(() => handle?.close());

  it('leaves the server’s event loop running while a statement runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    await busy(handle, 1);
    clearInterval(timer);
    // About 100 ticks of 10 ms; on the server's thread a statement let none through.
    expect(ticks).toBeGreaterThan(30);
  });

  it('runs one connection at a time: a statement outside a transaction waits for it instead of joining it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = handle.db.transaction().execute(async (trx) => {
      await sql`insert into probe values (1)`.execute(trx);
      await held;
      throw new Error('zurückgerollt');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const outside = sql<{ n: number }>`select count(*)::int as n from probe`.execute(handle.db);
    release();
    await expect(transaction).rejects.toThrow('zurückgerollt');
    // It ran after the rollback: the row it would have seen inside the transaction is not there.
    expect((await outside).rows[0]!.n).toBe(0);
  });

  it('answers a ping between statements, not behind every statement queued for the connection', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = handle.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      await held;
    });
    const queued = sql`select 1`.execute(handle.db);
    await expect(handle.answers()).resolves.toBe(true);
    release();
    await transaction;
    await queued;
  });

  it('keeps the SQLSTATE of an error, so that callers tell a conflict from a fault', async () => {
    await sql`insert into probe values (7)`.execute(handle.db);
    await expect(sql`insert into probe values (7)`.execute(handle.db)).rejects.toMatchObject({
      code: '23505',
      constraint: 'probe_pkey',
    });
  });

  it('keeps what was committed when opened again from its directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'asskomm-pglite-thread-'));
    try {
      const first = createDb({ dataDir });
      await sql`create table kept (n int)`.execute(first.db);
      await first.db.transaction().execute((trx) => sql`insert into kept values (42)`.execute(trx));
      await first.close();
      const second = createDb({ dataDir });
      expect((await sql<{ n: number }>`select n from kept`.execute(second.db)).rows).toEqual([{ n: 42 }]);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('fails every call with the reason when the database cannot be opened', async () => {
    const broken = createDb({ dataDir: '/proc/asskomm-kein-verzeichnis' });
    await expect(sql`select 1`.execute(broken.db)).rejects.toThrow();
    await broken.close();
  });
});
