import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditAction, AuditEntry } from '@asskomm/domain';
import type { Database } from './schema.ts';

export interface AuditRecord {
  action: AuditAction;
  actorId?: number | null;
  targetId?: number | null;
  email?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export async function record(db: Kysely<Database> | Transaction<Database>, entry: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      action: entry.action,
      actor_id: entry.actorId ?? null,
      target_id: entry.targetId ?? null,
      email: entry.email ?? null,
      ip: entry.ip ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export interface LoginLimits {
  /** Failed logins within this window count. */
  windowMs: number;
  perAccount: number;
  perAddress: number;
}

/**
 * Counts a login attempt before its password is checked, atomically: under a lock per account
 * and per address, the failures of the window (an attempt not yet decided counts as one) are
 * counted and, below the limits, the attempt is written as `login_pending`. So simultaneous wrong
 * passwords cannot all pass the count before the first is recorded. Answers the attempt's id,
 * or `blocked` (recorded as a refused `login_failed`).
 */
export async function claimLoginAttempt(
  db: Kysely<Database>,
  attempt: { email: string; ip: string | null },
  limits: LoginLimits,
): Promise<{ id: number } | 'blocked'> {
  return db.transaction().execute(async (trx) => {
    // Always the account first, then the address: two attempts never wait for each other in a circle.
    await sql`select pg_advisory_xact_lock(hashtext(${`login:${attempt.email}`}))`.execute(trx);
    await sql`select pg_advisory_xact_lock(hashtext(${`login-ip:${attempt.ip ?? ''}`}))`.execute(trx);
    // Two counts, each on its own index (action, email|ip, at): one scan filtering both would read
    // every failure of the window, and a flood of wrong logins makes that window large.
    const since = new Date(Date.now() - limits.windowMs);
    const failures = (column: 'email' | 'ip', value: string) =>
      trx
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', 'in', ['login_failed', 'login_pending'])
        .where(column, '=', value)
        .where('at', '>', since);
    const row = await trx
      .selectNoFrom(() => [
        failures('email', attempt.email).as('account'),
        failures('ip', attempt.ip ?? '').as('address'),
      ])
      .executeTakeFirstOrThrow();
    if (Number(row.account) >= limits.perAccount || Number(row.address) >= limits.perAddress) {
      await record(trx, { action: 'login_failed', ...attempt, details: { grund: 'gesperrt' } });
      return 'blocked';
    }
    return trx
      .insertInto('audit_log')
      .values({ action: 'login_pending', email: attempt.email, ip: attempt.ip, details: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
  });
}

/** Writes the outcome of a claimed attempt: `login` with its user, or `login_failed`. */
export async function decideLoginAttempt(
  db: Kysely<Database> | Transaction<Database>,
  id: number,
  outcome: { action: 'login'; actorId: number } | { action: 'login_failed'; targetId: number | null },
): Promise<void> {
  await db
    .updateTable('audit_log')
    .set(
      outcome.action === 'login'
        ? { action: 'login', actor_id: outcome.actorId }
        : { action: 'login_failed', target_id: outcome.targetId },
    )
    .where('id', '=', id)
    .execute();
}

/** The newest entries first. */
export async function latest(db: Kysely<Database>, limit: number): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('benutzer as actor', 'actor.id', 'a.actor_id')
    .leftJoin('benutzer as target', 'target.id', 'a.target_id')
    .select([
      'a.id',
      'a.at',
      'a.action',
      'a.actor_id',
      'actor.name as actor_name',
      'a.target_id',
      'target.email as target_email',
      'a.email',
      'a.ip',
      'a.details',
    ])
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    action: r.action as AuditAction,
    actor: r.actor_id !== null ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
    target: r.target_id !== null ? { id: r.target_id, email: r.target_email ?? '' } : null,
    details: { ...r.details, ...(r.email !== null && { email: r.email }) },
    ip: r.ip,
  }));
}
