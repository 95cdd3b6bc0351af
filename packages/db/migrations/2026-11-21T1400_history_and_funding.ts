import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Optimistic concurrency: every write names the version it saw.
  await db.schema
    .alterTable('kommune')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();

  // One signing ceremony can cover several Kommunen (e.g. a Städtebund).
  await db.schema
    .createTable('signing')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('datum', 'date', (col) => col.notNull().check(sql`datum >= date '2018-01-01'`))
    .addColumn('unterzeichner', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('notiz', 'text')
    .addColumn('quelle', 'text')
    .addColumn('synthetisch', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('erfasst_von', 'integer', (col) => col.references('app_user.id'))
    .addColumn('erfasst_am', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  // Nothing is deleted: a withdrawal keeps the record with who, when and why.
  await db.schema
    .alterTable('milestone')
    .addColumn('signing_id', 'integer', (col) => col.references('signing.id'))
    .addColumn('erfasst_von', 'integer', (col) => col.references('app_user.id'))
    .addColumn('zurueckgezogen_am', 'timestamptz')
    .addColumn('zurueckgezogen_von', 'integer', (col) => col.references('app_user.id'))
    .addColumn('zurueckgezogen_grund', 'text')
    .execute();
  await db.schema
    .createIndex('milestone_active_kind_datum_idx')
    .on('milestone')
    .columns(['kind', 'datum', 'kommune_ags'])
    .where(sql.ref('zurueckgezogen_am'), 'is', null)
    .execute();

  await db.schema.alterTable('foerderantrag').renameColumn('bewilligt_am', 'entschieden_am').execute();
  await db.schema
    .alterTable('foerderantrag')
    .addColumn('entscheidung', 'text', (col) => col.check(sql`entscheidung in ('bewilligt', 'abgelehnt')`))
    .addColumn('foerderfaehig_cent', 'bigint')
    .addColumn('handlungsfelder', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('zurueckgezogen_am', 'date')
    .addColumn('verwendungsnachweis_am', 'date')
    .addColumn('geprueft_am', 'date')
    .addColumn('zurueckgefordert_cent', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('zurueckgefordert_am', 'date')
    .addColumn('notiz', 'text')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await sql`update foerderantrag set foerderfaehig_cent = beantragt_cent,
    entscheidung = case when bewilligt_cent is not null then 'bewilligt' end`.execute(db);
  await sql`alter table foerderantrag alter column foerderfaehig_cent set not null`.execute(db);

  await db.schema
    .createTable('auszahlung')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('antrag_id', 'integer', (col) => col.notNull().references('foerderantrag.id'))
    .addColumn('datum', 'date', (col) => col.notNull())
    .addColumn('betrag_cent', 'bigint', (col) => col.notNull().check(sql`betrag_cent > 0`))
    .addColumn('synthetisch', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();
  await db.schema.createIndex('auszahlung_antrag_idx').on('auszahlung').columns(['antrag_id', 'datum']).execute();

  // The event table is the audit log of domain changes: who, and the values before and after.
  await db.schema
    .alterTable('domain_event')
    .addColumn('actor_id', 'integer', (col) => col.references('app_user.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('domain_event').dropColumn('actor_id').execute();
  await db.schema.dropTable('auszahlung').execute();
  for (const column of [
    'entscheidung',
    'foerderfaehig_cent',
    'handlungsfelder',
    'zurueckgezogen_am',
    'verwendungsnachweis_am',
    'geprueft_am',
    'zurueckgefordert_cent',
    'zurueckgefordert_am',
    'notiz',
    'version',
  ]) {
    await db.schema.alterTable('foerderantrag').dropColumn(column).execute();
  }
  await db.schema.alterTable('foerderantrag').renameColumn('entschieden_am', 'bewilligt_am').execute();
  await db.schema.dropIndex('milestone_active_kind_datum_idx').execute();
  for (const column of [
    'signing_id',
    'erfasst_von',
    'zurueckgezogen_am',
    'zurueckgezogen_von',
    'zurueckgezogen_grund',
  ]) {
    await db.schema.alterTable('milestone').dropColumn(column).execute();
  }
  await db.schema.dropTable('signing').execute();
  await db.schema.alterTable('kommune').dropColumn('version').execute();
}
