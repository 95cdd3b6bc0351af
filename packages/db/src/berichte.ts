import type { Kysely } from 'kysely';
import type { BerichtEintrag } from '@asskomm/domain';
import type { BerichtTable, Database } from './schema.ts';

/** The stored record: what `GET /api/berichte/:id` shows, and the account that made it. */
export interface BerichtRecord extends BerichtEintrag {
  benutzerId: number | null;
}

/** Records a PDF as handed out. */
export async function record(db: Kysely<Database>, bericht: Omit<BerichtRecord, 'erstelltAm'>): Promise<void> {
  await db
    .insertInto('bericht')
    .values({
      id: bericht.id,
      polizeidirektion_id: bericht.polizeidirektion,
      kreis: bericht.kreis,
      stand: bericht.stand,
      seit: bericht.seit,
      seq: bericht.seq,
      sha256: bericht.sha256,
      oeffentlich: bericht.oeffentlich,
      benutzer_id: bericht.benutzerId,
      erstellt_von: bericht.erstelltVon,
    })
    .execute();
}

function toRecord(row: Omit<BerichtTable, 'seq' | 'created_at'> & { seq: string; created_at: Date }): BerichtRecord {
  return {
    id: row.id,
    polizeidirektion: row.polizeidirektion_id,
    kreis: row.kreis,
    stand: row.stand,
    seit: row.seit,
    seq: Number(row.seq),
    sha256: row.sha256,
    oeffentlich: row.oeffentlich,
    benutzerId: row.benutzer_id,
    erstelltVon: row.erstellt_von,
    erstelltAm: row.created_at.toISOString(),
  };
}

/** A recorded PDF by its id, or undefined. */
export async function find(db: Kysely<Database>, id: string): Promise<BerichtRecord | undefined> {
  const row = await db.selectFrom('bericht').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}
