import { sql, type Kysely, type RawBuilder } from 'kysely';
import {
  DEFAULT_BUDGET_CENT,
  EMPTY_KPI_COUNTS,
  type FoerderungKpiZahlen,
  type KpiPoint,
  type KpiSnapshot,
  type Scope,
} from '@asskomm/domain';
import { inScope, type Area } from './area.ts';
import type { Database } from './schema.ts';

type CountsRow = KpiPoint;

/**
 * The KPI counts on each of `dates`, computed in SQL from `kommune_fakten`. Mirrors
 * `computeKpiCounts` of @asskomm/domain: a milestone of a merged Gemeinde counts for its successor
 * from the merger date on.
 */
export async function countsOn(
  db: Kysely<Database>,
  scope: Scope,
  dates: readonly string[],
  area: Area = {},
): Promise<KpiPoint[]> {
  const { rows } = await countsQuery(scope, dates, area).execute(db);
  return rows;
}

/** The SQL behind `countsOn`, exported so benchmarks can look at its plan. */
export function countsQuery(scope: Scope, dates: readonly string[], area: Area = {}): RawBuilder<CountsRow> {
  return sql<CountsRow>`
    with recursive stichtag(d) as (select unnest(${sql.val(dates)}::date[])),
    chain(d, ags, owner_ags) as (
      select s.d, k.ags, k.ags from stichtag s cross join kommune k
      union all
      select c.d, c.ags, k.nachfolger_ags from chain c join kommune k on k.ags = c.owner_ags
       where k.gueltig_bis <= c.d
    ),
    owner as (
      select c.d, c.ags, c.owner_ags from chain c join kommune k on k.ags = c.owner_ags
       where k.gueltig_bis is null or k.gueltig_bis > c.d
    ),
    -- One row per Kommune from kommune_fakten (kept in step with every meilenstein write), so the cost
    -- grows with the number of Kommunen, not with the length of their history.
    per_kommune as (
      select o.d, o.owner_ags,
        bool_or(f.beraten_ab <= o.d) as beraten,
        bool_or(f.kpr_ab <= o.d) as kpr,
        bool_or(f.koordinierungsstelle_ab <= o.d) as koordinierungsstelle,
        bool_or(f.analyse_begonnen_ab <= o.d) as analyse_begonnen,
        bool_or(f.analyse_abgeschlossen_ab <= o.d) as analyse_abgeschlossen,
        max((select max(x) from unnest(f.kv_daten) x where x <= o.d)) as joined,
        max((select max(x) from unnest(f.austritt_daten) x where x <= o.d)) as left_at
      from owner o join kommune_fakten f on f.ags = o.ags
      group by o.d, o.owner_ags
    ),
    in_area as (
      select p.* from per_kommune p join kommune k on k.ags = p.owner_ags where ${inScope('k', scope, area)}
    )
    select to_char(s.d, 'YYYY-MM-DD') as stand,
      (count(*) filter (where a.beraten))::int as beraten,
      (count(*) filter (where a.mitglied))::int as mitglieder,
      (count(*) filter (where a.mitglied and length(a.owner_ags) = 8))::int as "mitgliedGemeinden",
      (count(*) filter (where a.kpr))::int as kpr,
      (count(*) filter (where a.koordinierungsstelle))::int as koordinierungsstellen,
      (count(*) filter (where a.analyse_begonnen))::int as "sicherheitsanalysenBegonnen",
      (count(*) filter (where a.analyse_abgeschlossen))::int as "sicherheitsanalysenAbgeschlossen"
    from stichtag s
    left join (
      select *, joined is not null and (left_at is null or left_at < joined) as mitglied from in_area
    ) a on a.d = s.d
    group by s.d order by s.d`;
}

/** A KPI snapshot before the public-figures rule: funding amounts always present. */
export type KpiZahlen = Omit<KpiSnapshot, 'foerderung'> & { foerderung: FoerderungKpiZahlen };

/** All KPIs for one area on one day. */
export async function snapshot(db: Kysely<Database>, scope: Scope, stand: string, area: Area = {}): Promise<KpiZahlen> {
  const [counts, gemeinden, foerderung, demodaten] = await Promise.all([
    countsOn(db, scope, [stand], area),
    gemeindenOn(db, scope, stand, area),
    foerderungOn(db, scope, stand, area),
    hasSyntheticRecords(db, scope, area),
  ]);
  const { stand: _, ...kpis } = counts[0] ?? { stand, ...EMPTY_KPI_COUNTS };
  return {
    stand,
    polizeidirektion: area.polizeidirektion ?? (scope.kind === 'polizeidirektion' ? scope.polizeidirektion : null),
    kreis: area.kreis ?? null,
    ...kpis,
    gemeinden,
    foerderung,
    demodaten,
  };
}

async function gemeindenOn(db: Kysely<Database>, scope: Scope, stand: string, area: Area): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from kommune k
    where k.art in ('Gemeinde', 'Stadt')
      and (k.gueltig_ab is null or k.gueltig_ab <= ${stand}::date)
      and (k.gueltig_bis is null or k.gueltig_bis > ${stand}::date)
      and ${inScope('k', scope, area)}`.execute(db);
  return rows[0]?.n ?? 0;
}

async function foerderungOn(
  db: Kysely<Database>,
  scope: Scope,
  stand: string,
  area: Area,
): Promise<FoerderungKpiZahlen> {
  const haushaltsjahr = Number(stand.slice(0, 4));
  // The SQL twin of foerderbetraegeAsOf (@asskomm/domain): every stage counts from its date on;
  // mirrored-rules.spec.ts holds the two equal.
  const { rows } = await sql<{
    budget: string | null;
    beantragt: string;
    bewilligt: string;
    ausgezahlt: string;
    zurueckgefordert: string;
  }>`
    select
      (select budget_cent from haushaltsjahr where jahr = ${haushaltsjahr}) as budget,
      coalesce(sum(f.beantragt_cent) filter (where f.eingereicht_am <= ${stand}::date), 0) as beantragt,
      coalesce(sum(f.bewilligt_cent) filter (
        where f.entscheidung = 'bewilligt' and f.entschieden_am <= ${stand}::date
          and (f.zurueckgezogen_am is null or f.zurueckgezogen_am > ${stand}::date)), 0) as bewilligt,
      coalesce(sum((select sum(a.betrag_cent) from auszahlung a where a.antrag_id = f.id and a.datum <= ${stand}::date)), 0) as ausgezahlt,
      coalesce(sum(f.zurueckgefordert_cent) filter (where f.zurueckgefordert_am <= ${stand}::date), 0) as zurueckgefordert
    from foerderantrag f join kommune k on k.ags = f.kommune_ags
    where f.haushaltsjahr = ${haushaltsjahr} and ${inScope('k', scope, area)}`.execute(db);
  const row = rows[0];
  return {
    haushaltsjahr,
    budgetCent: row?.budget == null ? DEFAULT_BUDGET_CENT : Number(row.budget),
    beantragtCent: Number(row?.beantragt ?? 0),
    bewilligtCent: Number(row?.bewilligt ?? 0),
    ausgezahltCent: Number(row?.ausgezahlt ?? 0),
    zurueckgefordertCent: Number(row?.zurueckgefordert ?? 0),
    oeffentlichAm: null,
  };
}

async function hasSyntheticRecords(db: Kysely<Database>, scope: Scope, area: Area): Promise<boolean> {
  const { rows } = await sql<{ any: boolean }>`
    select exists (
      select 1 from meilenstein m join kommune k on k.ags = m.kommune_ags
      where m.synthetisch and m.zurueckgezogen_am is null and ${inScope('k', scope, area)}
    ) or exists (
      select 1 from foerderantrag f join kommune k on k.ags = f.kommune_ags
      where f.synthetisch and ${inScope('k', scope, area)}
    ) as any`.execute(db);
  return rows[0]?.any ?? false;
}
