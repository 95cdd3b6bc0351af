import { expect } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '@asskomm/db';
import type { SyncClient } from './sync-client.ts';

/** What the database says a client should show: the Kommunen's versions and the events after `afterSeq`. */
export async function committed(
  db: Kysely<Database>,
  kommunen: string[],
  afterSeq: number,
): Promise<{ versions: Record<string, number>; seqs: number[] }> {
  const rows = await db.selectFrom('kommune').select(['ags', 'version']).where('ags', 'in', kommunen).execute();
  const events = await db
    .selectFrom('domain_event')
    .select('seq')
    .where('seq', '>', String(afterSeq))
    .orderBy('seq')
    .execute();
  return {
    versions: Object.fromEntries(rows.map((r) => [r.ags, r.version])),
    seqs: events.map((e) => Number(e.seq)),
  };
}

/**
 * Once all writes are done: waits until the client shows exactly the database's state, every
 * Kommune at the database's version and every event committed since it started applied once, in order.
 */
export async function expectInStep(client: SyncClient, db: Kysely<Database>, timeoutMs = 15_000): Promise<void> {
  const truth = await committed(db, client.kommunen, client.startSeq!);
  await expect
    .poll(() => ({ versions: Object.fromEntries(client.versions), seqs: client.applied.map((e) => e.seq) }), {
      timeout: timeoutMs,
      interval: 200,
    })
    .toEqual(truth);
}
