import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createDb } from '@asskomm/db';

/** Runs one statement on the maintenance database (CREATE/DROP DATABASE cannot run inside the target). */
async function onMaintenance(
  maintenanceUrl: string,
  statement: (db: ReturnType<typeof createDb>['db']) => Promise<unknown>,
) {
  const handle = createDb({ databaseUrl: maintenanceUrl });
  try {
    await statement(handle.db);
  } finally {
    await handle.close();
  }
}

/** A fresh, empty database next to the maintenance one; returns its URL. */
export async function createPostgresDatabase(maintenanceUrl: string): Promise<string> {
  const name = `asskomm_bench_live_${randomBytes(4).toString('hex')}`;
  await onMaintenance(maintenanceUrl, (db) => sql`create database ${sql.id(name)}`.execute(db));
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPostgresDatabase(maintenanceUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await onMaintenance(maintenanceUrl, (db) => sql`drop database if exists ${sql.id(name)} with (force)`.execute(db));
}
