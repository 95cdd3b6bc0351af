import type { Kysely, Transaction } from 'kysely';
import type { DomainEvent } from '@asskomm/domain';
import type { Database } from './schema.ts';

type EventBody = Omit<DomainEvent, 'seq' | 'at'>;

/** Appends an event in the caller's transaction, so it commits or vanishes with the change it describes. */
export async function append(trx: Transaction<Database>, body: EventBody): Promise<DomainEvent> {
  const row = await trx
    .insertInto('domain_event')
    .values({ type: body.type, payload: JSON.stringify(body) })
    .returning(['seq', 'created_at'])
    .executeTakeFirstOrThrow();
  return { ...body, seq: Number(row.seq), at: row.created_at.toISOString() };
}

/** Committed events after `seq`, oldest first, at most `limit`. */
export async function since(db: Kysely<Database>, seq: number, limit = 1000): Promise<DomainEvent[]> {
  const rows = await db
    .selectFrom('domain_event')
    .select(['seq', 'payload', 'created_at'])
    .where('seq', '>', String(seq))
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    ...(row.payload as EventBody),
    seq: Number(row.seq),
    at: row.created_at.toISOString(),
  }));
}

/** The newest committed sequence number, 0 when there is none. */
export async function lastSeq(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('domain_event')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}
