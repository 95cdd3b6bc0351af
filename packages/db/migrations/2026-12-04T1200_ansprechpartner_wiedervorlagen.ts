import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Contact persons of a Kommune. Personal data: the legal basis (and the day of consent) is kept
  // with each; a version of its own, so different contacts of one Kommune never conflict.
  await db.schema
    .createTable('ansprechpartner')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('kommune_ags', 'text', (col) => col.notNull().references('kommune.ags'))
    .addColumn('rolle', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('organisation', 'text')
    .addColumn('telefon', 'text')
    .addColumn('email', 'text')
    .addColumn('notiz', 'text')
    .addColumn('seit', 'date')
    .addColumn('bis', 'date')
    .addColumn('oeffentlich', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('rechtsgrundlage', 'text', (col) => col.notNull())
    .addColumn('einwilligung_am', 'date')
    .addColumn('benutzer_id', 'integer', (col) => col.references('benutzer.id').onDelete('set null'))
    .addColumn('synthetisch', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('geaendert_von', 'integer', (col) => col.references('benutzer.id').onDelete('set null'))
    .addColumn('geaendert_am', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'ansprechpartner_oeffentlich_mit_einwilligung',
      sql`not oeffentlich or einwilligung_am is not null`,
    )
    .execute();
  await db.schema.createIndex('ansprechpartner_kommune').on('ansprechpartner').column('kommune_ags').execute();

  // Next steps: what, by when, who; done with day and who.
  await db.schema
    .createTable('wiedervorlage')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('kommune_ags', 'text', (col) => col.notNull().references('kommune.ags'))
    .addColumn('was', 'text', (col) => col.notNull())
    .addColumn('faellig_am', 'date', (col) => col.notNull())
    .addColumn('zustaendig_id', 'integer', (col) => col.references('benutzer.id').onDelete('set null'))
    .addColumn('meilenstein_kind', 'text')
    .addColumn('erledigt_am', 'date')
    .addColumn('erledigt_von', 'integer', (col) => col.references('benutzer.id').onDelete('set null'))
    .addColumn('erstellt_von', 'integer', (col) => col.references('benutzer.id').onDelete('set null'))
    .addColumn('erstellt_am', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('synthetisch', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('wiedervorlage_kommune').on('wiedervorlage').column('kommune_ags').execute();
  await db.schema.createIndex('wiedervorlage_zustaendig').on('wiedervorlage').column('zustaendig_id').execute();
  await db.schema
    .createIndex('wiedervorlage_offen')
    .on('wiedervorlage')
    .column('faellig_am')
    .where(sql.ref('erledigt_am'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('wiedervorlage').execute();
  await db.schema.dropTable('ansprechpartner').execute();
}
