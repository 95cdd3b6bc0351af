import type { Kysely, Transaction } from 'kysely';
import type { PolizeidirektionId, Role, UserInfo } from '@asskomm/domain';
import type { AppUserRow, Database } from './schema.ts';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  polizeidirektion: PolizeidirektionId | null;
  passwordHash: string;
  demo?: boolean;
}

export interface UserChanges {
  name?: string | undefined;
  role?: Role | undefined;
  polizeidirektion?: PolizeidirektionId | null | undefined;
  active?: boolean | undefined;
}

type Db = Kysely<Database> | Transaction<Database>;

/** Maps a row to what pages may see: never the password hash. */
export function toUserInfo(row: AppUserRow): UserInfo {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    polizeidirektion: row.polizeidirektion_id as PolizeidirektionId | null,
    active: row.active,
    demo: row.demo,
    createdAt: row.created_at.toISOString(),
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
  };
}

export async function findByEmail(db: Db, email: string): Promise<AppUserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function findById(db: Db, id: number): Promise<AppUserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function list(db: Db): Promise<UserInfo[]> {
  const rows = await db.selectFrom('app_user').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(toUserInfo);
}

/** Creates a user; returns undefined when the e-mail address is taken. */
export async function create(db: Db, user: NewUser): Promise<AppUserRow | undefined> {
  return db
    .insertInto('app_user')
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
export async function update(db: Db, id: number, changes: UserChanges): Promise<AppUserRow | undefined> {
  return db
    .updateTable('app_user')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.role !== undefined && { role: changes.role, polizeidirektion_id: changes.polizeidirektion ?? null }),
      ...(changes.active !== undefined && { active: changes.active }),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function setPasswordHash(db: Db, id: number, passwordHash: string): Promise<boolean> {
  const result = await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markLogin(db: Db, id: number): Promise<void> {
  await db.updateTable('app_user').set({ last_login_at: new Date() }).where('id', '=', id).execute();
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .where('demo', '=', false)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deactivates every demo account; returns how many were active. Used when running in production mode. */
export async function deactivateDemoUsers(db: Db): Promise<number> {
  const result = await db
    .updateTable('app_user')
    .set({ active: false })
    .where('demo', '=', true)
    .where('active', '=', true)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
