import type { Kysely, Transaction } from 'kysely';
import type { MeilensteinKind, MeilensteinRecord } from '@asskomm/domain';
import * as fakten from './fakten.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface MeilensteinInput {
  ags: string;
  kind: MeilensteinKind;
  date: string;
  notiz?: string | null;
  quelle?: string | null;
  unterzeichnungId?: number | null;
  erfasstVon?: number | null;
}

/** Columns and joins every read of milestones shares, mapped by `toRecord`. */
function selectRecords(db: Db) {
  return db
    .selectFrom('meilenstein as m')
    .leftJoin('benutzer as erfasser', 'erfasser.id', 'm.erfasst_von')
    .leftJoin('benutzer as zurueckzieher', 'zurueckzieher.id', 'm.zurueckgezogen_von')
    .select([
      'm.id',
      'm.kommune_ags',
      'm.kind',
      'm.datum',
      'm.notiz',
      'm.quelle',
      'm.unterzeichnung_id',
      'm.synthetisch',
      'm.erfasst_am',
      'erfasser.name as erfasst_von',
      'm.zurueckgezogen_am',
      'zurueckzieher.name as zurueckgezogen_von',
      'm.zurueckgezogen_grund',
    ]);
}

type RecordRow = Awaited<ReturnType<ReturnType<typeof selectRecords>['executeTakeFirstOrThrow']>>;

function toRecord(row: RecordRow): MeilensteinRecord {
  return {
    id: row.id,
    ags: row.kommune_ags,
    kind: row.kind as MeilensteinKind,
    date: row.datum,
    notiz: row.notiz,
    quelle: row.quelle,
    unterzeichnungId: row.unterzeichnung_id,
    synthetisch: row.synthetisch,
    erfasstAm: row.erfasst_am.toISOString(),
    erfasstVon: row.erfasst_von,
    zurueckgezogen: row.zurueckgezogen_am
      ? { am: row.zurueckgezogen_am.toISOString(), von: row.zurueckgezogen_von, grund: row.zurueckgezogen_grund ?? '' }
      : null,
  };
}

/** Every milestone of the Kommunen, withdrawn ones included, oldest first. */
export async function listOf(db: Db, agsList: readonly string[]): Promise<MeilensteinRecord[]> {
  if (agsList.length === 0) return [];
  const rows = await selectRecords(db)
    .where('m.kommune_ags', 'in', agsList)
    .orderBy('m.datum')
    .orderBy('m.id')
    .execute();
  return rows.map(toRecord);
}

export async function findById(db: Db, id: number): Promise<MeilensteinRecord | undefined> {
  const row = await selectRecords(db).where('m.id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

/** The milestones in force (not withdrawn) of one Kommune, as the rules see them. */
export async function activeOf(db: Db, ags: string): Promise<{ id: number; kind: MeilensteinKind; date: string }[]> {
  const rows = await db
    .selectFrom('meilenstein')
    .select(['id', 'kind', 'datum'])
    .where('kommune_ags', '=', ags)
    .where('zurueckgezogen_am', 'is', null)
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as MeilensteinKind, date: r.datum }));
}

export async function insert(trx: Transaction<Database>, input: MeilensteinInput): Promise<MeilensteinRecord> {
  const { id } = await trx
    .insertInto('meilenstein')
    .values({
      kommune_ags: input.ags,
      kind: input.kind,
      datum: input.date,
      notiz: input.notiz ?? null,
      quelle: input.quelle ?? null,
      unterzeichnung_id: input.unterzeichnungId ?? null,
      erfasst_von: input.erfasstVon ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await fakten.refresh(trx, [input.ags]);
  return (await findById(trx, id))!;
}

export async function correct(
  trx: Transaction<Database>,
  id: number,
  changes: { date?: string | undefined; notiz?: string | null | undefined; quelle?: string | null | undefined },
): Promise<MeilensteinRecord> {
  await trx
    .updateTable('meilenstein')
    .set({
      ...(changes.date !== undefined && { datum: changes.date }),
      ...(changes.notiz !== undefined && { notiz: changes.notiz }),
      ...(changes.quelle !== undefined && { quelle: changes.quelle }),
    })
    .where('id', '=', id)
    .execute();
  const corrected = (await findById(trx, id))!;
  await fakten.refresh(trx, [corrected.ags]);
  return corrected;
}

export async function withdraw(
  trx: Transaction<Database>,
  id: number,
  by: number | null,
  grund: string,
): Promise<MeilensteinRecord> {
  await trx
    .updateTable('meilenstein')
    .set({ zurueckgezogen_am: new Date(), zurueckgezogen_von: by, zurueckgezogen_grund: grund })
    .where('id', '=', id)
    .execute();
  const withdrawn = (await findById(trx, id))!;
  await fakten.refresh(trx, [withdrawn.ags]);
  return withdrawn;
}
