import type { Kysely } from 'kysely';
import { decideLoginAttempt } from './audit.ts';
import { markLogin, toBenutzerKern, type BenutzerKern } from './benutzer.ts';
import type { Database } from './schema.ts';

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

export interface SessionWithBenutzer {
  id: string;
  benutzerId: number;
  createdAt: Date;
  lastSeenAt: Date;
  viewAsRole: string | null;
  viewAsPd: string | null;
  benutzer: BenutzerKern;
}

export async function create(db: Kysely<Database>, id: string, benutzerId: number, ip: string | null): Promise<void> {
  await db.insertInto('session').values({ id, benutzer_id: benutzerId, ip }).execute();
}

/**
 * A successful login's writes as one unit: the session `replaces` (one fixed before the login) ends,
 * the new one starts, the user's last login and the claimed attempt's outcome are written. One
 * transaction, so no session exists without its audit entry, and the login waits for the database
 * once rather than at each of five statements (under load that wait is most of a login's time).
 * Answers the new session as every later request will see it.
 */
export async function signIn(
  db: Kysely<Database>,
  login: { id: string; benutzerId: number; ip: string | null; attemptId: number; replaces: string | null },
  limits: SessionLimits,
): Promise<SessionWithBenutzer> {
  return db.transaction().execute(async (trx) => {
    if (login.replaces) await remove(trx, login.replaces);
    await create(trx, login.id, login.benutzerId, login.ip);
    await markLogin(trx, login.benutzerId);
    await decideLoginAttempt(trx, login.attemptId, { action: 'login', actorId: login.benutzerId });
    const started = await findValid(trx, login.id, limits);
    if (!started || !('session' in started)) throw new Error('Die neue Sitzung ist nicht gültig.');
    return started.session;
  });
}

/**
 * The session with its user, if it is within both time limits and its user is active. A session
 * past a limit is deleted on the way, and reported as `expired`.
 */
export async function findValid(
  db: Kysely<Database>,
  id: string,
  limits: SessionLimits,
  now = new Date(),
): Promise<{ session: SessionWithBenutzer } | { expired: { benutzerId: number } } | undefined> {
  const row = await db
    .selectFrom('session')
    .innerJoin('benutzer', 'benutzer.id', 'session.benutzer_id')
    .select([
      'session.id',
      'session.benutzer_id',
      'session.created_at',
      'session.last_seen_at',
      'session.view_as_role',
      'session.view_as_pd',
      'benutzer.email',
      'benutzer.name',
      'benutzer.role',
      'benutzer.polizeidirektion_id',
      'benutzer.active',
      'benutzer.demo',
    ])
    .where('session.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const idle = now.getTime() - row.last_seen_at.getTime() > limits.idleMs;
  const old = now.getTime() - row.created_at.getTime() > limits.absoluteMs;
  if (idle || old || !row.active) {
    await remove(db, id);
    return { expired: { benutzerId: row.benutzer_id } };
  }
  return {
    session: {
      id: row.id,
      benutzerId: row.benutzer_id,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      viewAsRole: row.view_as_role,
      viewAsPd: row.view_as_pd,
      benutzer: toBenutzerKern(row),
    },
  };
}

/** Records activity for the idle timeout. */
export async function touch(db: Kysely<Database>, id: string, now = new Date()): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function setViewAs(
  db: Kysely<Database>,
  id: string,
  role: string | null,
  pd: string | null,
): Promise<void> {
  await db.updateTable('session').set({ view_as_role: role, view_as_pd: pd }).where('id', '=', id).execute();
}

export async function remove(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

/** Ends every session of a user (deactivation, password reset). */
export async function removeAllOfBenutzer(db: Kysely<Database>, benutzerId: number): Promise<void> {
  await db.deleteFrom('session').where('benutzer_id', '=', benutzerId).execute();
}

/**
 * Deletes the sessions past their limits, so the table does not grow without bound; returns whose
 * they were (the audit log records each as expired).
 */
export async function removeExpired(
  db: Kysely<Database>,
  limits: SessionLimits,
  now = new Date(),
): Promise<{ benutzerId: number }[]> {
  const removed = await db
    .deleteFrom('session')
    .where((eb) =>
      eb.or([
        eb('last_seen_at', '<', new Date(now.getTime() - limits.idleMs)),
        eb('created_at', '<', new Date(now.getTime() - limits.absoluteMs)),
      ]),
    )
    .returning('benutzer_id')
    .execute();
  return removed.map((row) => ({ benutzerId: row.benutzer_id }));
}
