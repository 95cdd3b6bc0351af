import { sql, type Kysely, type Transaction } from 'kysely';
import {
  deriveStatus,
  publicMeilenstein,
  type KommuneArt,
  type KommuneDetail,
  type KommuneSummary,
  type OeffentlicheKommuneDetail,
  type MeilensteinKind,
  type PolizeidirektionId,
  type Scope,
  type StaffScope,
} from '@asskomm/domain';
import { inScope, type Area } from './area.ts';
import * as foerderantraege from './foerderantraege.ts';
import * as meilensteine from './meilensteine.ts';
import * as unterzeichnungen from './unterzeichnungen.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A current Kommune with the milestones in force up to a day, its predecessors' included. */
export interface KommuneWithMeilensteine {
  ags: string;
  name: string;
  art: KommuneArt;
  kreis_ags: string;
  polizeidirektion_id: PolizeidirektionId;
  modellkommune: boolean;
  meilensteine: { kind: MeilensteinKind; date: string; synthetisch: boolean }[] | null;
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
  return (await withMeilensteine(db, scope, stand, area, ags)).map((row) => toSummary(row, stand));
}

/**
 * Every current Gemeinde (and partner Kreis) of the scope and area with its milestones in force up
 * to `stand`, predecessors' included: what status, KPIs and the stalled rules are derived from.
 */
export async function withMeilensteine(
  db: Kysely<Database>,
  scope: Scope,
  stand: string,
  area: Area = {},
  ags: string | null = null,
): Promise<KommuneWithMeilensteine[]> {
  // Set-based (one grouped join, no per-row subquery) so the plan stays fast even without statistics.
  const { rows } = await sql<KommuneWithMeilensteine>`
    with recursive lineage(ags, current_ags) as (
      select ags, ags from kommune where gueltig_bis is null
      union all
      select k.ags, l.current_ags from kommune k join lineage l on k.nachfolger_ags = l.ags
    ),
    history as (
      select l.current_ags,
        json_agg(json_build_object('kind', m.kind, 'date', m.datum, 'synthetisch', m.synthetisch)) as meilensteine
      from lineage l join meilenstein m on m.kommune_ags = l.ags
      where m.datum <= ${stand}::date and m.zurueckgezogen_am is null
      group by l.current_ags
    )
    select k.ags, k.name, k.art, k.kreis_ags, k.polizeidirektion_id, k.modellkommune, h.meilensteine
    from kommune k left join history h on h.current_ags = k.ags
    where k.gueltig_bis is null
      and (k.art in ('Gemeinde', 'Stadt') or h.meilensteine is not null)
      and ${inScope('k', scope, area)}
      and (${ags}::text is null or k.ags = ${ags})
    order by k.ags`.execute(db);
  return rows;
}

function toSummary(row: KommuneWithMeilensteine, stand: string): KommuneSummary {
  const meilensteine = row.meilensteine ?? [];
  const facts = deriveStatus(meilensteine, stand);
  return {
    ags: row.ags,
    name: row.name,
    art: row.art,
    kreis: row.kreis_ags,
    polizeidirektion: row.polizeidirektion_id,
    status: facts.status,
    kpr: facts.kpr,
    modellkommune: row.modellkommune,
    demodaten: meilensteine.some((m) => m.synthetisch),
  };
}

export interface LockedKommune {
  ags: string;
  name: string;
  version: number;
  polizeidirektion: PolizeidirektionId;
  gueltigBis: string | null;
}

/**
 * Locks the Kommune's row until the transaction ends (so concurrent writers queue up), if it is in
 * the scope. Every write to a Kommune's data goes through here and then `bumpVersion`.
 */
export async function lockInScope(
  trx: Transaction<Database>,
  scope: Scope,
  ags: string,
): Promise<LockedKommune | undefined> {
  const row = await trx
    .selectFrom('kommune as k')
    .select(['k.ags', 'k.name', 'k.version', 'k.polizeidirektion_id', 'k.gueltig_bis'])
    .where('k.ags', '=', ags)
    .where(inScope('k', scope))
    .forUpdate()
    .executeTakeFirst();
  return (
    row && {
      ags: row.ags,
      name: row.name,
      version: row.version,
      polizeidirektion: row.polizeidirektion_id,
      gueltigBis: row.gueltig_bis,
    }
  );
}

export async function bumpVersion(trx: Transaction<Database>, ags: string): Promise<number> {
  const { version } = await trx
    .updateTable('kommune')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('ags', '=', ags)
    .returning('version')
    .executeTakeFirstOrThrow();
  return version;
}

/** Details of a current Kommune beyond its summary: version, formation date, predecessors. */
async function detailsOf(db: Kysely<Database>, ags: string) {
  const kommune = await db
    .selectFrom('kommune')
    .select(['version', 'gueltig_ab'])
    .where('ags', '=', ags)
    .executeTakeFirstOrThrow();
  const vorgaenger = await db
    .selectFrom('kommune')
    .select(['ags', 'name', 'gueltig_bis'])
    .where('nachfolger_ags', '=', ags)
    .orderBy('ags')
    .execute();
  return {
    version: kommune.version,
    gueltigAb: kommune.gueltig_ab,
    vorgaenger: vorgaenger.map((v) => ({ ags: v.ags, name: v.name, gueltigBis: v.gueltig_bis! })),
  };
}

/** True when the Kommune (current or dissolved) lies in the scope. */
export async function existsInScope(db: Db, scope: Scope, ags: string): Promise<boolean> {
  return (await polizeidirektionIn(db, scope, ags)) !== undefined;
}

/** The Polizeidirektion of a Kommune (current or dissolved) that lies in the scope; undefined otherwise. */
export async function polizeidirektionIn(db: Db, scope: Scope, ags: string): Promise<PolizeidirektionId | undefined> {
  const row = await db
    .selectFrom('kommune as k')
    .select('k.polizeidirektion_id')
    .where('k.ags', '=', ags)
    .where(inScope('k', scope))
    .executeTakeFirst();
  return row?.polizeidirektion_id;
}

/**
 * A current Kommune with everything the scope may see of it (`GET /api/kommunen/:ags`, a 409's
 * `aktuell`); undefined outside the scope. The public gets milestones through `publicMeilenstein`,
 * no withdrawn ones, no version and no applications.
 */
export async function findDetail(
  db: Kysely<Database>,
  scope: StaffScope,
  ags: string,
  stand: string,
): Promise<KommuneDetail | undefined>;
export async function findDetail(
  db: Kysely<Database>,
  scope: Scope,
  ags: string,
  stand: string,
): Promise<KommuneDetail | OeffentlicheKommuneDetail | undefined>;
export async function findDetail(
  db: Kysely<Database>,
  scope: Scope,
  ags: string,
  stand: string,
): Promise<KommuneDetail | OeffentlicheKommuneDetail | undefined> {
  const summary = await findKommuneAsOf(db, scope, ags, stand);
  if (!summary) return undefined;
  const details = await detailsOf(db, ags);
  const history = await meilensteine.listOf(db, [ags, ...details.vorgaenger.map((v) => v.ags)]);
  const facts = deriveStatus(
    history.filter((m) => !m.zurueckgezogen && m.date <= stand),
    stand,
  );
  const signed = history.flatMap((m) => (m.unterzeichnungId === null || m.zurueckgezogen ? [] : [m.unterzeichnungId]));
  const common = {
    ...summary,
    ...details,
    unterzeichnungen: await unterzeichnungen.withIds(db, scope, [...new Set(signed)]),
    flags: {
      coaching: facts.coaching,
      sicherheitsanalyse: facts.sicherheitsanalyse,
      koordinierungsstelle: facts.koordinierungsstelle,
    },
  };
  if (scope.kind === 'public') {
    return {
      ...common,
      version: null,
      meilensteine: history.filter((m) => !m.zurueckgezogen).map(publicMeilenstein),
      foerderantraege: [],
    };
  }
  return { ...common, meilensteine: history, foerderantraege: await foerderantraege.list(db, scope, stand, { ags }) };
}
