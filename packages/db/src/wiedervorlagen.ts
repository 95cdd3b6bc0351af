import { sql, type Kysely, type Transaction } from 'kysely';
import type { MeilensteinKind, Scope, Wiedervorlage, WiedervorlageZeile } from '@asskomm/domain';
import { inScope, type Area } from './area.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The most a list answers: a week's work of the whole Land many times over, and a bounded query. */
export const LISTE_HOECHSTENS = 1000;

function selectRecords(db: Db) {
  return db
    .selectFrom('wiedervorlage as w')
    .innerJoin('kommune as k', 'k.ags', 'w.kommune_ags')
    .leftJoin('benutzer as z', 'z.id', 'w.zustaendig_id')
    .leftJoin('benutzer as e', 'e.id', 'w.erledigt_von')
    .leftJoin('benutzer as s', 's.id', 'w.erstellt_von')
    .selectAll('w')
    .select([
      'k.name as kommune_name',
      'k.polizeidirektion_id',
      'z.name as zustaendig_name',
      'e.name as erledigt_von_name',
      's.name as erstellt_von_name',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectRecords>['executeTakeFirstOrThrow']>>;

function toRecord(row: Row): WiedervorlageZeile {
  return {
    id: row.id,
    ags: row.kommune_ags,
    kommuneName: row.kommune_name,
    polizeidirektion: row.polizeidirektion_id,
    was: row.was,
    faelligAm: row.faellig_am,
    zustaendig: row.zustaendig_id === null ? null : { id: row.zustaendig_id, name: row.zustaendig_name ?? '' },
    meilensteinKind: row.meilenstein_kind as MeilensteinKind | null,
    erledigt: row.erledigt_am !== null,
    erledigtAm: row.erledigt_am,
    erledigtVon: row.erledigt_von_name,
    erstelltVon: row.erstellt_von_name,
    erstelltAm: row.erstellt_am.toISOString(),
    synthetisch: row.synthetisch,
    version: row.version,
  };
}

/** The record as events and answers carry it (without the list's Kommune name and area). */
function alsEintrag({ kommuneName: _name, polizeidirektion: _pd, ...w }: WiedervorlageZeile): Wiedervorlage {
  return w;
}

export interface WiedervorlagenFilter extends Area {
  ags?: string | undefined;
  zustaendigId?: number | undefined;
  erledigt?: boolean | undefined;
}

/**
 * The next steps the scope sees, overdue and open ones first (by due date), then the done ones,
 * most recently done first; at most `LISTE_HOECHSTENS`.
 */
export async function list(db: Db, scope: Scope, filter: WiedervorlagenFilter): Promise<WiedervorlageZeile[]> {
  let query = selectRecords(db).where(inScope('k', scope, filter));
  if (filter.ags !== undefined) query = query.where('w.kommune_ags', '=', filter.ags);
  if (filter.zustaendigId !== undefined) query = query.where('w.zustaendig_id', '=', filter.zustaendigId);
  if (filter.erledigt !== undefined) query = query.where('w.erledigt_am', filter.erledigt ? 'is not' : 'is', null);
  const rows = await query
    .orderBy(sql`w.erledigt_am is not null`)
    .orderBy(sql`case when w.erledigt_am is null then w.faellig_am end`)
    .orderBy('w.erledigt_am', 'desc')
    .orderBy('w.id')
    .limit(LISTE_HOECHSTENS)
    .execute();
  return rows.map(toRecord);
}

export async function findById(db: Db, id: number): Promise<Wiedervorlage | undefined> {
  const row = await selectRecords(db).where('w.id', '=', id).executeTakeFirst();
  return row && alsEintrag(toRecord(row));
}

/** A next step's values as they are stored. */
export interface WiedervorlageWerte {
  was: string;
  faelligAm: string;
  zustaendigId: number | null;
  meilensteinKind: MeilensteinKind | null;
  erledigtAm: string | null;
  erledigtVon: number | null;
}

export async function insert(
  trx: Transaction<Database>,
  ags: string,
  werte: WiedervorlageWerte,
  { von, synthetisch = false }: { von: number | null; synthetisch?: boolean },
): Promise<Wiedervorlage> {
  const { id } = await trx
    .insertInto('wiedervorlage')
    .values({
      kommune_ags: ags,
      was: werte.was,
      faellig_am: werte.faelligAm,
      zustaendig_id: werte.zustaendigId,
      meilenstein_kind: werte.meilensteinKind,
      erledigt_am: werte.erledigtAm,
      erledigt_von: werte.erledigtVon,
      erstellt_von: von,
      synthetisch,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await findById(trx, id))!;
}

/** Replaces the next step's values; its version moves on. */
export async function update(
  trx: Transaction<Database>,
  id: number,
  werte: WiedervorlageWerte,
): Promise<Wiedervorlage> {
  await trx
    .updateTable('wiedervorlage')
    .set((eb) => ({
      was: werte.was,
      faellig_am: werte.faelligAm,
      zustaendig_id: werte.zustaendigId,
      meilenstein_kind: werte.meilensteinKind,
      erledigt_am: werte.erledigtAm,
      erledigt_von: werte.erledigtVon,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
  return (await findById(trx, id))!;
}
