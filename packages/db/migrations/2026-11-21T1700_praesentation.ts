import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The one Fachtag presentation: where it stands, so a reloaded screen returns to the same scene.
  await db.schema
    .createTable('praesentation')
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('szene', 'text', (col) => col.notNull())
    .addColumn('stand', 'date')
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('geaendert_am', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`insert into praesentation (id, szene, stand, version) values (1, 'karte', null, 0)`.execute(db);

  // Links for venue screens: only the token's SHA-256 is stored; revoking takes effect at once.
  await db.schema
    .createTable('kiosk_link')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    // What the LPR lets this screen show beyond the public scope.
    .addColumn('zeigt_kleine_foerderzahlen', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('erstellt_von', 'integer', (col) => col.references('app_user.id'))
    .addColumn('erstellt_am', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('widerrufen_am', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('kiosk_link').execute();
  await db.schema.dropTable('praesentation').execute();
}
