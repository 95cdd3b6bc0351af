import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('milestone')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('kommune_ags', 'text', (col) => col.notNull().references('kommune.ags'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('datum', 'date', (col) => col.notNull().check(sql`datum >= date '2018-01-01'`))
    .addColumn('notiz', 'text')
    .addColumn('quelle', 'text')
    .addColumn('synthetisch', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('erfasst_am', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('milestone_kind_datum_idx')
    .on('milestone')
    .columns(['kind', 'datum', 'kommune_ags'])
    .execute();
  await db.schema.createIndex('milestone_kommune_idx').on('milestone').columns(['kommune_ags', 'datum']).execute();

  await db.schema
    .createTable('haushaltsjahr')
    .addColumn('jahr', 'integer', (col) => col.primaryKey())
    .addColumn('budget_cent', 'bigint', (col) => col.notNull().check(sql`budget_cent >= 0`))
    .execute();

  await db.schema
    .createTable('foerderantrag')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('kommune_ags', 'text', (col) => col.notNull().references('kommune.ags'))
    .addColumn('haushaltsjahr', 'integer', (col) => col.notNull())
    .addColumn('zweck', 'text', (col) => col.notNull())
    .addColumn('eingereicht_am', 'date', (col) => col.notNull())
    .addColumn('beantragt_cent', 'bigint', (col) => col.notNull().check(sql`beantragt_cent > 0`))
    .addColumn('bewilligt_am', 'date')
    .addColumn('bewilligt_cent', 'bigint')
    .addColumn('synthetisch', 'boolean', (col) => col.notNull().defaultTo(false))
    .addCheckConstraint(
      'foerderantrag_bewilligt_le_beantragt',
      sql`bewilligt_cent is null or bewilligt_cent <= beantragt_cent`,
    )
    .execute();
  await db.schema.createIndex('foerderantrag_jahr_idx').on('foerderantrag').columns(['haushaltsjahr']).execute();

  await db.schema
    .createTable('domain_event')
    .addColumn('seq', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('payload', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('domain_event').execute();
  await db.schema.dropTable('foerderantrag').execute();
  await db.schema.dropTable('haushaltsjahr').execute();
  await db.schema.dropTable('milestone').execute();
}
