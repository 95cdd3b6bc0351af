import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Every committed event wakes every server node, carrying only its number: NOTIFY is delivered
  // at commit and never for a rolled-back transaction, so nothing uncommitted is ever pushed.
  await sql`create function notify_domain_event() returns trigger language plpgsql as $$
    begin
      perform pg_notify('domain_event', new.seq::text);
      return new;
    end $$`.execute(db);
  await sql`create trigger domain_event_notify after insert on domain_event
    for each row execute function notify_domain_event()`.execute(db);

  await db.schema
    .createTable('kommentar')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('ags', 'text', (col) => col.notNull().references('kommune.ags'))
    .addColumn('autor_id', 'integer', (col) => col.references('app_user.id'))
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('kommentar_ags_idx').on('kommentar').columns(['ags', 'id']).execute();

  // One row per @mention: the mention itself and the mentioned user's notification.
  await db.schema
    .createTable('erwaehnung')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('kommentar_id', 'integer', (col) => col.notNull().references('kommentar.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (col) => col.notNull().references('app_user.id'))
    .addColumn('gelesen_am', 'timestamptz')
    .addUniqueConstraint('erwaehnung_once', ['kommentar_id', 'user_id'])
    .execute();
  await db.schema.createIndex('erwaehnung_user_idx').on('erwaehnung').columns(['user_id', 'id']).execute();

  // A Kommune's history reads its newest events (the feed of an area has domain_event_pd_idx).
  await sql`create index domain_event_ags_idx on domain_event ((payload->>'ags'), seq)`.execute(db);

  // Payloads of the Socket.IO PostgreSQL adapter above NOTIFY's 8000-byte limit (presence across nodes).
  await sql`create table socket_io_attachments (
    id bigserial unique, created_at timestamptz default now(), payload bytea)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('socket_io_attachments').execute();
  await sql`drop index domain_event_ags_idx`.execute(db);
  await db.schema.dropTable('erwaehnung').execute();
  await db.schema.dropTable('kommentar').execute();
  await sql`drop trigger domain_event_notify on domain_event`.execute(db);
  await sql`drop function notify_domain_event()`.execute(db);
}
