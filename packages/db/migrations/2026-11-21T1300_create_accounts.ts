import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_user')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('admin', 'lpr', 'ministerium', 'polizei')`))
    .addColumn('polizeidirektion_id', 'text', (col) => col.references('polizeidirektion.id'))
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('demo', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_login_at', 'timestamptz')
    .addCheckConstraint('app_user_pd_for_polizei', sql`(role = 'polizei') = (polizeidirektion_id is not null)`)
    .execute();

  await db.schema
    .createTable('session')
    // SHA-256 of the cookie's token: a leaked table does not hand out sessions.
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'integer', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('view_as_role', 'text')
    .addColumn('view_as_pd', 'text', (col) => col.references('polizeidirektion.id'))
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'integer', (col) => col.references('app_user.id'))
    .addColumn('target_id', 'integer', (col) => col.references('app_user.id'))
    .addColumn('email', 'text')
    .addColumn('ip', 'text')
    .addColumn('details', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema
    .createIndex('audit_log_throttle_email_idx')
    .on('audit_log')
    .columns(['action', 'email', 'at'])
    .execute();
  await db.schema.createIndex('audit_log_throttle_ip_idx').on('audit_log').columns(['action', 'ip', 'at']).execute();

  await db.schema
    .alterTable('domain_event')
    .addColumn('polizeidirektion_id', 'text', (col) => col.references('polizeidirektion.id'))
    .execute();
  await db.schema
    .createIndex('domain_event_pd_idx')
    .on('domain_event')
    .columns(['polizeidirektion_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('domain_event').dropColumn('polizeidirektion_id').execute();
  await db.schema.dropTable('audit_log').execute();
  await db.schema.dropTable('session').execute();
  await db.schema.dropTable('app_user').execute();
}
