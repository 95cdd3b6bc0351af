import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { KioskLink, KioskLinkCreate, PraesentationSetzen, PraesentationStand, Szene } from '@asskomm/domain';
import type { Database } from './schema.ts';

/** Where the presentation stands now. */
export async function stand(db: Kysely<Database>): Promise<PraesentationStand> {
  const row = await db.selectFrom('praesentation').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return {
    szene: row.szene as Szene,
    stand: row.stand,
    version: row.version,
    geaendertAm: row.geaendert_am.toISOString(),
  };
}

/** Moves the presentation; every change gets the next version. */
export async function setzen(db: Kysely<Database>, next: PraesentationSetzen): Promise<PraesentationStand> {
  const row = await db
    .updateTable('praesentation')
    .set((eb) => ({ szene: next.szene, stand: next.stand, version: eb('version', '+', 1), geaendert_am: sql`now()` }))
    .where('id', '=', 1)
    .returningAll()
    .executeTakeFirstOrThrow();
  return {
    szene: row.szene as Szene,
    stand: row.stand,
    version: row.version,
    geaendertAm: row.geaendert_am.toISOString(),
  };
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a kiosk link; the token is returned once and stored only as its hash. */
export async function createKioskLink(
  db: Kysely<Database>,
  { name, zeigtKleineFoerderzahlen }: KioskLinkCreate,
  erstelltVon: number,
): Promise<{ link: KioskLink; token: string }> {
  const token = randomBytes(24).toString('base64url');
  const { id } = await db
    .insertInto('kiosk_link')
    .values({
      name,
      token_hash: hashOf(token),
      zeigt_kleine_foerderzahlen: zeigtKleineFoerderzahlen,
      erstellt_von: erstelltVon,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { link: (await kioskLinks(db)).find((l) => l.id === id)!, token };
}

export async function kioskLinks(db: Kysely<Database>): Promise<KioskLink[]> {
  const rows = await db
    .selectFrom('kiosk_link as k')
    .leftJoin('benutzer as u', 'u.id', 'k.erstellt_von')
    .select(['k.id', 'k.name', 'k.zeigt_kleine_foerderzahlen', 'k.erstellt_am', 'k.widerrufen_am', 'u.name as von'])
    .orderBy('k.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    zeigtKleineFoerderzahlen: row.zeigt_kleine_foerderzahlen,
    erstelltAm: row.erstellt_am.toISOString(),
    erstelltVon: row.von,
    widerrufenAm: row.widerrufen_am?.toISOString() ?? null,
  }));
}

/** Revokes a link; false when there is no such link or it was revoked already. */
export async function revokeKioskLink(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db
    .updateTable('kiosk_link')
    .set({ widerrufen_am: sql`now()` })
    .where('id', '=', id)
    .where('widerrufen_am', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The valid (not revoked) link with this token, if any: its id and what it may show. */
export async function kioskLinkOf(
  db: Kysely<Database>,
  token: string,
): Promise<{ id: number; zeigtKleineFoerderzahlen: boolean } | undefined> {
  const row = await db
    .selectFrom('kiosk_link')
    .select(['id', 'zeigt_kleine_foerderzahlen'])
    .where('token_hash', '=', hashOf(token))
    .where('widerrufen_am', 'is', null)
    .executeTakeFirst();
  return row && { id: row.id, zeigtKleineFoerderzahlen: row.zeigt_kleine_foerderzahlen };
}
