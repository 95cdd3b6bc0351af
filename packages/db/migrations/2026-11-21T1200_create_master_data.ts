import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('polizeidirektion')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('kommune')
    .addColumn('ags', 'text', (col) => col.primaryKey().check(sql`ags ~ '^14[0-9]{3}([0-9]{3})?$'`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('art', 'text', (col) =>
      col.notNull().check(sql`art in ('Gemeinde', 'Stadt', 'Landkreis', 'Kreisfreie Stadt')`),
    )
    .addColumn('kreis_ags', 'text', (col) => col.notNull())
    .addColumn('polizeidirektion_id', 'text', (col) => col.notNull().references('polizeidirektion.id'))
    .addColumn('gueltig_ab', 'date')
    .addColumn('gueltig_bis', 'date')
    .addColumn('nachfolger_ags', 'text', (col) => col.references('kommune.ags'))
    .addColumn('modellkommune', 'boolean', (col) => col.notNull().defaultTo(false))
    .addCheckConstraint('kommune_merger_complete', sql`(gueltig_bis is null) = (nachfolger_ags is null)`)
    .execute();
  await db.schema.createIndex('kommune_kreis_idx').on('kommune').column('kreis_ags').execute();
  await db.schema.createIndex('kommune_pd_idx').on('kommune').column('polizeidirektion_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('kommune').execute();
  await db.schema.dropTable('polizeidirektion').execute();
}
