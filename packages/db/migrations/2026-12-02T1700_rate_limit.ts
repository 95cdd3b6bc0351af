import type { Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Requests per client address and minute, counted in the database so that every node counts together.
  await db.schema
    .createTable('rate_limit')
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('window_start', 'timestamptz', (col) => col.notNull())
    .addColumn('count', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('rate_limit_pk', ['key', 'window_start'])
    .execute();
  await db.schema.createIndex('rate_limit_window_idx').on('rate_limit').column('window_start').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit').execute();
}
