import type { Kysely, Transaction } from 'kysely';
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

/** Failed logins since `since`, for one account and for one address. */
export async function failedLogins(
  db: Kysely<Database>,
  email: string,
  ip: string | null,
  since: Date,
): Promise<{ account: number; address: number }> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => [
      eb.fn.countAll<string>().filterWhere('email', '=', email).as('account'),
      eb.fn
        .countAll<string>()
        .filterWhere('ip', '=', ip ?? '')
        .as('address'),
    ])
    .where('action', '=', 'login_failed')
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return { account: Number(row.account), address: Number(row.address) };
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
