import type { Kysely, Transaction } from 'kysely';
import type { PolizeidirektionId, Role, BenutzerInfo } from '@asskomm/domain';
import type { BenutzerRow, Database } from './schema.ts';

export interface NewBenutzer {
  email: string;
  name: string;
  role: Role;
  polizeidirektion: PolizeidirektionId | null;
  passwordHash: string;
  demo?: boolean;
}

export interface BenutzerChanges {
  name?: string | undefined;
  role?: Role | undefined;
  polizeidirektion?: PolizeidirektionId | null | undefined;
  active?: boolean | undefined;
}

type Db = Kysely<Database> | Transaction<Database>;

/** Who a Benutzer is and what they may: the columns every read of an account maps alike. */
export type BenutzerKern = Pick<BenutzerInfo, 'email' | 'name' | 'role' | 'polizeidirektion' | 'active' | 'demo'>;

export function toBenutzerKern(
  row: Pick<BenutzerRow, 'email' | 'name' | 'role' | 'polizeidirektion_id' | 'active' | 'demo'>,
): BenutzerKern {
  const { email, name, role, polizeidirektion_id: polizeidirektion, active, demo } = row;
  return { email, name, role, polizeidirektion, active, demo };
}

/** Maps a row to what pages may see: never the password hash. */
export function toBenutzerInfo(row: BenutzerRow): BenutzerInfo {
  return {
    id: row.id,
    ...toBenutzerKern(row),
    createdAt: row.created_at.toISOString(),
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
  };
}

export async function findByEmail(db: Db, email: string): Promise<BenutzerRow | undefined> {
  return db.selectFrom('benutzer').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function findById(db: Db, id: number): Promise<BenutzerRow | undefined> {
  return db.selectFrom('benutzer').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function list(db: Db): Promise<BenutzerInfo[]> {
  const rows = await db.selectFrom('benutzer').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(toBenutzerInfo);
}

/** Creates a user; returns undefined when the e-mail address is taken. */
export async function create(db: Db, user: NewBenutzer): Promise<BenutzerRow | undefined> {
  return db
    .insertInto('benutzer')
    .values({
      email: user.email.toLowerCase(),
      name: user.name,
      role: user.role,
      polizeidirektion_id: user.polizeidirektion,
      password_hash: user.passwordHash,
      demo: user.demo ?? false,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Applies the changes; a role change always brings its Polizeidirektion (null unless polizei). */
export async function update(db: Db, id: number, changes: BenutzerChanges): Promise<BenutzerRow | undefined> {
  return db
    .updateTable('benutzer')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.role !== undefined && { role: changes.role, polizeidirektion_id: changes.polizeidirektion ?? null }),
      // A move to another Polizeidirektion in the same role.
      ...(changes.role === undefined &&
        changes.polizeidirektion !== undefined && { polizeidirektion_id: changes.polizeidirektion }),
      ...(changes.active !== undefined && { active: changes.active }),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function setPasswordHash(db: Db, id: number, passwordHash: string): Promise<boolean> {
  const result = await db
    .updateTable('benutzer')
    .set({ password_hash: passwordHash })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markLogin(db: Db, id: number): Promise<void> {
  await db.updateTable('benutzer').set({ last_login_at: new Date() }).where('id', '=', id).execute();
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('benutzer')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .where('demo', '=', false)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deactivates every demo account; returns how many were active. Used when running in production mode. */
export async function deactivateDemoBenutzer(db: Db): Promise<number> {
  const result = await db
    .updateTable('benutzer')
    .set({ active: false })
    .where('demo', '=', true)
    .where('active', '=', true)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
