import type { Kysely } from 'kysely';
import * as audit from './audit.ts';
import * as rateLimit from './rate-limit.ts';
import type { Database } from './schema.ts';
import * as sessions from './sessions.ts';

/** How long an idempotency key is remembered: long enough for any retry, short enough to stay small. */
export const IDEMPOTENCY_KEY_HOURS = 24;

/**
 * The periodic clean-up: sessions past their limits (each recorded as expired in the audit log),
 * idempotency keys past `IDEMPOTENCY_KEY_HOURS` and finished rate-limit windows. Returns how many of each went.
 */
export async function sweep(
  db: Kysely<Database>,
  limits: sessions.SessionLimits,
  now = new Date(),
): Promise<{ sessions: number; idempotencyKeys: number; rateLimitWindows: number }> {
  const expired = await sessions.removeExpired(db, limits, now);
  for (const { benutzerId } of expired) await audit.record(db, { action: 'session_expired', actorId: benutzerId });
  const keys = await db
    .deleteFrom('idempotency_key')
    .where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_KEY_HOURS * 3_600_000))
    .executeTakeFirst();
  const rateLimitWindows = await rateLimit.removeOld(db, now);
  return { sessions: expired.length, idempotencyKeys: Number(keys.numDeletedRows), rateLimitWindows };
}
