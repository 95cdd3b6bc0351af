import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Land-wide settings the LPR keeps, one JSON value per key (first: the thresholds of „Stockt“).
  await db.schema
    .createTable('einstellung')
    .addColumn('schluessel', 'text', (col) => col.primaryKey())
    .addColumn('wert', 'jsonb', (col) => col.notNull())
    .addColumn('geaendert_von', 'integer', (col) => col.references('benutzer.id').onDelete('set null'))
    .addColumn('geaendert_am', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('einstellung').execute();
}
