import { sql, type Kysely, type Transaction } from 'kysely';
import {
  ANSPRECHPARTNER_ROLLEN,
  ohnePerson,
  type Ansprechpartner,
  type AnsprechpartnerEingabe,
  type AnsprechpartnerRolle,
  type Rechtsgrundlage,
} from '@asskomm/domain';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Columns and joins every read of contacts shares, mapped by `toRecord`. */
function selectRecords(db: Db) {
  return db
    .selectFrom('ansprechpartner as a')
    .leftJoin('benutzer as g', 'g.id', 'a.geaendert_von')
    .selectAll('a')
    .select('g.name as geaendert_von_name');
}

type Row = Awaited<ReturnType<ReturnType<typeof selectRecords>['executeTakeFirstOrThrow']>>;

function toRecord(row: Row): Ansprechpartner {
  return {
    id: row.id,
    ags: row.kommune_ags,
    rolle: row.rolle as AnsprechpartnerRolle,
    name: row.name,
    organisation: row.organisation,
    telefon: row.telefon,
    email: row.email,
    notiz: row.notiz,
    seit: row.seit,
    bis: row.bis,
    oeffentlich: row.oeffentlich,
    rechtsgrundlage: row.rechtsgrundlage as Rechtsgrundlage,
    einwilligungAm: row.einwilligung_am,
    benutzerId: row.benutzer_id,
    synthetisch: row.synthetisch,
    version: row.version,
    geaendertVon: row.geaendert_von_name,
    geaendertAm: row.geaendert_am.toISOString(),
  };
}

/** A Kommune's contacts in the order of the roles (the Kommune's, the police's, the LPR's), then oldest first. */
export async function ofKommune(db: Db, ags: string): Promise<Ansprechpartner[]> {
  const rows = await selectRecords(db).where('a.kommune_ags', '=', ags).orderBy('a.id').execute();
  const rang = (a: Ansprechpartner) => ANSPRECHPARTNER_ROLLEN.indexOf(a.rolle);
  return rows.map(toRecord).sort((a, b) => rang(a) - rang(b));
}

export async function findById(db: Db, id: number): Promise<Ansprechpartner | undefined> {
  const row = await selectRecords(db).where('a.id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

function columns(input: AnsprechpartnerEingabe, von: number | null) {
  return {
    rolle: input.rolle,
    name: input.name,
    organisation: input.organisation,
    telefon: input.telefon,
    email: input.email,
    notiz: input.notiz ?? null,
    seit: input.seit,
    bis: input.bis,
    oeffentlich: input.oeffentlich,
    rechtsgrundlage: input.rechtsgrundlage,
    einwilligung_am: input.einwilligungAm,
    benutzer_id: input.benutzerId,
    geaendert_von: von,
  };
}

export async function insert(
  trx: Transaction<Database>,
  ags: string,
  input: AnsprechpartnerEingabe,
  { von, synthetisch = false }: { von: number | null; synthetisch?: boolean },
): Promise<Ansprechpartner> {
  const { id } = await trx
    .insertInto('ansprechpartner')
    .values({ ...columns(input, von), kommune_ags: ags, synthetisch })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await findById(trx, id))!;
}

/** Replaces the contact's values; its version moves on. */
export async function update(
  trx: Transaction<Database>,
  id: number,
  input: AnsprechpartnerEingabe,
  von: number,
): Promise<Ansprechpartner> {
  await trx
    .updateTable('ansprechpartner')
    .set((eb) => ({ ...columns(input, von), version: eb('version', '+', 1), geaendert_am: sql`now()` }))
    .where('id', '=', id)
    .execute();
  return (await findById(trx, id))!;
}

/**
 * Erases a person (Art. 17 DSGVO): the contact goes, and every recorded state of it — the
 * before/after of its events, the stored answer of a retried request — keeps its role and dates
 * but no name, phone, e-mail, organisation or note. Runs in the command's transaction.
 */
export async function erase(trx: Transaction<Database>, id: number): Promise<void> {
  const events = await trx
    .selectFrom('domain_event')
    .select(['seq', 'payload'])
    .where('type', '=', 'ansprechpartner:saved')
    .where(sql<string>`payload->'after'->>'id'`, '=', String(id))
    .execute();
  for (const { seq, payload } of events) {
    if (payload.type !== 'ansprechpartner:saved') continue;
    const scrubbed = {
      ...payload,
      before: payload.before && ohnePerson(payload.before),
      after: ohnePerson(payload.after),
    };
    await trx
      .updateTable('domain_event')
      .set({ payload: JSON.stringify(scrubbed) })
      .where('seq', '=', seq)
      .execute();
  }
  const answers = await trx
    .selectFrom('idempotency_key')
    .select(['benutzer_id', 'key', 'result'])
    .where(sql<string>`result->'ansprechpartner'->>'id'`, '=', String(id))
    .execute();
  for (const { benutzer_id, key, result } of answers) {
    const answer = result as { ansprechpartner: Ansprechpartner };
    await trx
      .updateTable('idempotency_key')
      .set({ result: JSON.stringify({ ...answer, ansprechpartner: ohnePerson(answer.ansprechpartner) }) })
      .where('benutzer_id', '=', benutzer_id)
      .where('key', '=', key)
      .execute();
  }
  await trx.deleteFrom('ansprechpartner').where('id', '=', id).execute();
}
