import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Recomputes `kommune_fakten` from the milestones in force, for the given Kommunen or for all.
 * Called in the same transaction as every write to milestones, so the summary never lags.
 */
export async function refresh(
  db: Kysely<Database> | Transaction<Database>,
  agsList?: readonly string[],
): Promise<void> {
  const only = agsList === undefined ? sql`true` : sql`kommune_ags = any(${sql.val([...agsList])}::text[])`;
  const target = agsList === undefined ? sql`true` : sql`ags = any(${sql.val([...agsList])}::text[])`;
  await sql`delete from kommune_fakten where ${target}`.execute(db);
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
    from meilenstein where zurueckgezogen_am is null and ${only} group by kommune_ags`.execute(db);
}
