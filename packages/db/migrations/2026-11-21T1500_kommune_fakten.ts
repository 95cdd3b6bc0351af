import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Per Kommune, the dates of its facts from the milestones in force: a KPI snapshot then reads one
  // row per Kommune instead of aggregating the whole history (Germany scale: a million milestones).
  await db.schema
    .createTable('kommune_fakten')
    .addColumn('ags', 'text', (col) => col.primaryKey().references('kommune.ags'))
    .addColumn('beraten_ab', 'date')
    .addColumn('kpr_ab', 'date')
    .addColumn('koordinierungsstelle_ab', 'date')
    .addColumn('analyse_begonnen_ab', 'date')
    .addColumn('analyse_abgeschlossen_ab', 'date')
    .addColumn('kv_daten', sql`date[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('austritt_daten', sql`date[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .execute();
  await sql`insert into kommune_fakten (ags, beraten_ab, kpr_ab, koordinierungsstelle_ab, analyse_begonnen_ab,
      analyse_abgeschlossen_ab, kv_daten, austritt_daten)
    select kommune_ags,
      min(datum) filter (where kind = 'erstberatung'),
      min(datum) filter (where kind in ('kpr_gegruendet', 'kpr_reaktiviert')),
      min(datum) filter (where kind = 'koordinierungsstelle_eingerichtet'),
      min(datum) filter (where kind in ('sicherheitsanalyse_begonnen', 'sicherheitsanalyse_abgeschlossen')),
      min(datum) filter (where kind = 'sicherheitsanalyse_abgeschlossen'),
      coalesce(array_agg(datum order by datum) filter (where kind = 'kooperationsvereinbarung'), '{}'),
      coalesce(array_agg(datum order by datum) filter (where kind = 'austritt'), '{}')
    from milestone where zurueckgezogen_am is null group by kommune_ags`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('kommune_fakten').execute();
}
