import { sql, type Kysely, type Transaction } from 'kysely';
import {
  excerpt,
  mentionHandleOf,
  type Benachrichtigung,
  type BenachrichtigungListe,
  type Erwaehnbar,
  type Kommentar,
  type PolizeidirektionId,
  type Scope,
} from '@asskomm/domain';
import { inScope } from './area.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A Kommune's comments, oldest first, with whom each mentioned. */
export async function list(db: Db, ags: string): Promise<Kommentar[]> {
  const rows = await db
    .selectFrom('kommentar as k')
    .leftJoin('benutzer as a', 'a.id', 'k.autor_id')
    .select((eb) => [
      'k.id',
      'k.ags',
      'k.text',
      'k.created_at',
      'a.id as autor_id',
      'a.name as autor_name',
      eb
        .selectFrom('erwaehnung as e')
        .innerJoin('benutzer as u', 'u.id', 'e.benutzer_id')
        .select(
          sql<
            { id: number; name: string }[]
          >`coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) order by e.id), '[]')`.as('x'),
        )
        .whereRef('e.kommentar_id', '=', 'k.id')
        .as('erwaehnt'),
    ])
    .where('k.ags', '=', ags)
    .orderBy('k.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    ags: row.ags,
    text: row.text,
    autor: row.autor_id === null ? null : { id: row.autor_id, name: row.autor_name! },
    at: row.created_at.toISOString(),
    erwaehnt: row.erwaehnt ?? [],
  }));
}

/** Active users who can see a Kommune of `polizeidirektion`'s area, hence may be @mentioned there. */
export async function mentionable(db: Db, polizeidirektion: PolizeidirektionId): Promise<Erwaehnbar[]> {
  const rows = await db
    .selectFrom('benutzer')
    .select(['id', 'name', 'email', 'role'])
    .where('active', '=', true)
    .where((eb) => eb.or([eb('role', '<>', 'polizei'), eb('polizeidirektion_id', '=', polizeidirektion)]))
    .orderBy('name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    handle: mentionHandleOf(row.email),
    lpr: row.role === 'admin' || row.role === 'lpr',
  }));
}

export interface NewKommentar {
  ags: string;
  autorId: number;
  text: string;
  erwaehnt: { id: number; name: string }[];
}

/** Stores a comment and one notification per mentioned user; returns it with the notifications' ids. */
export async function create(
  trx: Transaction<Database>,
  { ags, autorId, text, erwaehnt }: NewKommentar,
): Promise<{ kommentar: Omit<Kommentar, 'autor'>; benachrichtigungen: Map<number, number> }> {
  const row = await trx
    .insertInto('kommentar')
    .values({ ags, autor_id: autorId, text })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  const benachrichtigungen = new Map<number, number>();
  if (erwaehnt.length) {
    const created = await trx
      .insertInto('erwaehnung')
      .values(erwaehnt.map((user) => ({ kommentar_id: row.id, benutzer_id: user.id })))
      .returning(['id', 'benutzer_id'])
      .execute();
    for (const n of created) benachrichtigungen.set(n.benutzer_id, n.id);
  }
  return { kommentar: { id: row.id, ags, text, at: row.created_at.toISOString(), erwaehnt }, benachrichtigungen };
}

const NOTIFICATIONS_SHOWN = 50;

/**
 * The user's mentions that their scope lets them see now: the scope is applied at read time, so
 * a user moved to another Polizeidirektion no longer sees the notifications of the old area.
 */
function mentionsOf(db: Db, scope: Scope, benutzerId: number) {
  return db
    .selectFrom('erwaehnung as e')
    .innerJoin('kommentar as k', 'k.id', 'e.kommentar_id')
    .innerJoin('kommune as ko', 'ko.ags', 'k.ags')
    .where('e.benutzer_id', '=', benutzerId)
    .where(inScope('ko', scope));
}

/** The user's newest notifications and how many are unread. */
export async function benachrichtigungenOf(db: Db, scope: Scope, benutzerId: number): Promise<BenachrichtigungListe> {
  const rows = await mentionsOf(db, scope, benutzerId)
    .leftJoin('benutzer as a', 'a.id', 'k.autor_id')
    .select(['e.id', 'e.gelesen_am', 'k.id as kommentar_id', 'k.ags', 'k.text', 'k.created_at', 'a.name as von'])
    .orderBy('e.id', 'desc')
    .limit(NOTIFICATIONS_SHOWN)
    .execute();
  const eintraege = rows.map((row): Benachrichtigung => ({
    id: row.id,
    art: 'erwaehnung',
    ags: row.ags,
    kommentarId: row.kommentar_id,
    von: row.von,
    auszug: excerpt(row.text),
    at: row.created_at.toISOString(),
    gelesen: row.gelesen_am !== null,
  }));
  return { ungelesen: await unreadCount(db, scope, benutzerId), eintraege };
}

/** Marks the user's notifications read (the named ones, or all); returns how many stay unread. */
export async function markRead(db: Db, scope: Scope, benutzerId: number, ids?: number[]): Promise<number> {
  let update = db
    .updateTable('erwaehnung')
    .set({ gelesen_am: sql`now()` })
    .where('benutzer_id', '=', benutzerId)
    .where('gelesen_am', 'is', null);
  if (ids) {
    if (!ids.length) return unreadCount(db, scope, benutzerId);
    update = update.where('id', 'in', ids);
  }
  await update.execute();
  return unreadCount(db, scope, benutzerId);
}

async function unreadCount(db: Db, scope: Scope, benutzerId: number): Promise<number> {
  const row = await mentionsOf(db, scope, benutzerId)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('e.gelesen_am', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
