import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Actor, Role } from '@asskomm/domain';
import { createDb, type DatabaseKind, type DbConfig, type DbHandle } from './create-db.ts';
import { migrateToLatest } from './migrate.ts';
import { seedDemoDataIfEmpty } from './seed-demo.ts';
import { seedMasterData } from './seed-master-data.ts';

export interface TestDatabase extends DbHandle {
  /** postgres://… of the throw-away database, undefined on PGlite. */
  url: string | undefined;
  /** Closes the connections and drops the database. */
  drop(): Promise<void>;
}

/** The databases every integration suite runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const TEST_DATABASE_KINDS: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A fresh, empty database of that kind, created for one test run. A loader of bulk data may lift the
 * statement budget (`statementTimeoutMs: 0`).
 */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: Pick<DbConfig, 'statementTimeoutMs'> = {},
): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const handle = createDb({ dataDir: 'memory://' });
    return { ...handle, url: undefined, drop: handle.close };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL ist nicht gesetzt');
  const name = `asskomm_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = createDb({ ...options, databaseUrl: url.toString() });
  return {
    ...handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await withAdmin(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** A fresh database with schema, master data and (optionally) the demo data. */
export async function createSeededTestDatabase(kind: DatabaseKind, options: { demo: boolean }): Promise<TestDatabase> {
  const test = await createTestDatabase(kind);
  await migrateToLatest(test.db);
  await seedMasterData(test.db);
  if (options.demo) await seedDemoDataIfEmpty(test.db, '2026-11-21');
  return test;
}

async function withAdmin(url: string, fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

/** A user of that role (polizei: in PD Görlitz) created for the test, as the actor of commands. */
export async function createTestActor(handle: DbHandle, role: Role = 'lpr'): Promise<Actor> {
  const name = `Test ${role} ${randomBytes(3).toString('hex')}`;
  const polizeidirektion = role === 'polizei' ? 'goerlitz' : null;
  const { id } = await handle.db
    .insertInto('benutzer')
    .values({
      email: `${name.replaceAll(' ', '-').toLowerCase()}@example.org`,
      name,
      role,
      polizeidirektion_id: polizeidirektion,
      password_hash: 'unbenutzbar',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { principal: { benutzerId: id, role, polizeidirektion, readOnly: false }, name };
}
