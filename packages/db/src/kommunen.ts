import { sql, type Kysely } from 'kysely';
import {
  deriveStatus,
  type KommuneArt,
  type KommuneSummary,
  type MilestoneKind,
  type PolizeidirektionId,
  type Scope,
} from '@asskomm/domain';
import { inScope, type Area } from './area.ts';
import type { Database } from './schema.ts';

interface KommuneWithMilestones {
  ags: string;
  name: string;
  art: KommuneArt;
  kreis_ags: string;
  polizeidirektion_id: string;
  modellkommune: boolean;
  milestones: { kind: MilestoneKind; date: string; synthetisch: boolean }[] | null;
}

/**
 * Every current Gemeinde, and every Kreis that is a partner, with its status as of `stand`.
 * The map is drawn on today's boundaries, so a Gemeinde's status includes its predecessors' milestones.
 */
export async function findKommunenAsOf(
  db: Kysely<Database>,
  scope: Scope,
  stand: string,
  area: Area = {},
): Promise<KommuneSummary[]> {
  return select(db, scope, stand, area, null);
}

/** One current Kommune as of `stand`; undefined when it does not exist or lies outside the scope. */
export async function findKommuneAsOf(
  db: Kysely<Database>,
  scope: Scope,
  ags: string,
  stand: string,
): Promise<KommuneSummary | undefined> {
  const [kommune] = await select(db, scope, stand, {}, ags);
  return kommune;
}

async function select(
  db: Kysely<Database>,
  scope: Scope,
  stand: string,
  area: Area,
  ags: string | null,
): Promise<KommuneSummary[]> {
  // Set-based (one grouped join, no per-row subquery) so the plan stays fast even without statistics.
  const { rows } = await sql<KommuneWithMilestones>`
    with recursive lineage(ags, current_ags) as (
      select ags, ags from kommune where gueltig_bis is null
      union all
      select k.ags, l.current_ags from kommune k join lineage l on k.nachfolger_ags = l.ags
    ),
    history as (
      select l.current_ags,
        json_agg(json_build_object('kind', m.kind, 'date', m.datum, 'synthetisch', m.synthetisch)) as milestones
      from lineage l join milestone m on m.kommune_ags = l.ags
      where m.datum <= ${stand}::date and m.zurueckgezogen_am is null
      group by l.current_ags
    )
    select k.ags, k.name, k.art, k.kreis_ags, k.polizeidirektion_id, k.modellkommune, h.milestones
    from kommune k left join history h on h.current_ags = k.ags
    where k.gueltig_bis is null
      and (k.art in ('Gemeinde', 'Stadt') or h.milestones is not null)
      and ${inScope('k', scope, area)}
      and (${ags}::text is null or k.ags = ${ags})
    order by k.ags`.execute(db);
  return rows.map((row) => toSummary(row, stand));
}

function toSummary(row: KommuneWithMilestones, stand: string): KommuneSummary {
  const milestones = row.milestones ?? [];
  const facts = deriveStatus(milestones, stand);
  return {
    ags: row.ags,
    name: row.name,
    art: row.art,
    kreis: row.kreis_ags,
    polizeidirektion: row.polizeidirektion_id as PolizeidirektionId,
    status: facts.status,
    kpr: facts.kpr,
    modellkommune: row.modellkommune,
    demodaten: milestones.some((m) => m.synthetisch),
  };
}
