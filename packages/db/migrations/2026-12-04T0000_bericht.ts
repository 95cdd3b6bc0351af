import type { Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Every Lagebericht PDF handed out: what it showed (area, Stand, comparison day, the newest
  // event it includes), its SHA-256, who made it and when. Its id is printed in the PDF.
  await db.schema
    .createTable('bericht')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('polizeidirektion_id', 'text')
    .addColumn('kreis', 'text')
    .addColumn('stand', 'text', (col) => col.notNull())
    .addColumn('seit', 'text', (col) => col.notNull())
    .addColumn('seq', 'bigint', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('oeffentlich', 'boolean', (col) => col.notNull())
    .addColumn('benutzer_id', 'integer', (col) => col.references('benutzer.id').onDelete('set null'))
    .addColumn('erstellt_von', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(db.fn('now')))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bericht').execute();
}
