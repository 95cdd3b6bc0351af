import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** The length of one counting window. */
const WINDOW_MS = 60_000;

/** The window `at` falls in: its start and its end. */
export function windowOf(at: Date): { start: Date; end: Date } {
  const start = Math.floor(at.getTime() / WINDOW_MS) * WINDOW_MS;
  return { start: new Date(start), end: new Date(start + WINDOW_MS) };
}

/**
 * Counts one request of `key` (e.g. a client address) in the window of `at` and answers how many
 * there were in it, this one included. One statement, so concurrent requests on any node count once each.
 */
export async function countRequest(db: Kysely<Database>, key: string, at = new Date()): Promise<number> {
  const row = await db
    .insertInto('rate_limit')
    .values({ key, window_start: windowOf(at).start, count: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ count: sql`rate_limit.count + 1` }))
    .returning('count')
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Forgets the windows that ended before `now`; answers how many went. */
export async function removeOld(db: Kysely<Database>, now = new Date()): Promise<number> {
  const result = await db.deleteFrom('rate_limit').where('window_start', '<', windowOf(now).start).executeTakeFirst();
  return Number(result.numDeletedRows);
}
