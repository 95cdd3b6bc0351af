import { sql, type Kysely, type Transaction } from 'kysely';
import type { DomainEvent, PolizeidirektionId, Scope } from '@asskomm/domain';
import type { Database } from './schema.ts';

type EventBody = Omit<DomainEvent, 'seq' | 'at' | 'actor'>;

export interface NewEvent extends EventBody {
  actorId: number | null;
}

/** A committed event with the Polizeidirektion whose area it concerns (for routing; never sent). */
export interface RoutedEvent {
  event: DomainEvent;
  polizeidirektion: PolizeidirektionId | null;
}

/** Appends an event in the caller's transaction, so it commits or vanishes with the change it describes. */
export async function append(trx: Transaction<Database>, { actorId, ...body }: NewEvent): Promise<DomainEvent> {
  const kommune = body.ags
    ? await trx
        .selectFrom('kommune')
        .select('polizeidirektion_id')
        .where('ags', '=', body.ags)
        .executeTakeFirstOrThrow()
    : null;
  const actor = actorId
    ? await trx.selectFrom('app_user').select('name').where('id', '=', actorId).executeTakeFirst()
    : null;
  const payload = { ...body, actor: actor?.name ?? null };
  const row = await trx
    .insertInto('domain_event')
    .values({
      type: body.type,
      payload: JSON.stringify(payload),
      polizeidirektion_id: kommune?.polizeidirektion_id ?? null,
      actor_id: actorId,
    })
    .returning(['seq', 'created_at'])
    .executeTakeFirstOrThrow();
  return { ...payload, seq: Number(row.seq), at: row.created_at.toISOString() };
}

/** Committed events after `seq` that the scope may see, oldest first, at most `limit`. */
export async function since(db: Kysely<Database>, scope: Scope, seq: number, limit = 1000): Promise<DomainEvent[]> {
  return (await routedSince(db, seq, limit, scope)).map((r) => r.event);
}

/** Every committed event after `seq` with its routing, for the server's fan-out. */
export async function routedSince(
  db: Kysely<Database>,
  seq: number,
  limit = 1000,
  scope?: Scope,
): Promise<RoutedEvent[]> {
  let query = db
    .selectFrom('domain_event')
    .select(['seq', 'payload', 'created_at', 'polizeidirektion_id'])
    .where('seq', '>', String(seq))
    .orderBy('seq')
    .limit(limit);
  // Land-wide events (no Polizeidirektion, e.g. a demo reset) concern every scope.
  if (scope?.kind === 'polizeidirektion') {
    const pd = scope.polizeidirektion;
    query = query.where((eb) => eb.or([eb('polizeidirektion_id', '=', pd), eb('polizeidirektion_id', 'is', null)]));
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    event: {
      ...(row.payload as Omit<DomainEvent, 'seq' | 'at'>),
      seq: Number(row.seq),
      at: row.created_at.toISOString(),
    },
    polizeidirektion: row.polizeidirektion_id as PolizeidirektionId | null,
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

/** The newest event about a Kommune: who changed it last, for a 409 answer. */
export async function latestFor(db: Kysely<Database>, ags: string): Promise<DomainEvent | undefined> {
  const row = await db
    .selectFrom('domain_event')
    .select(['seq', 'payload', 'created_at'])
    .where(sql<boolean>`payload->>'ags' = ${ags}`)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (
    row && {
      ...(row.payload as Omit<DomainEvent, 'seq' | 'at'>),
      seq: Number(row.seq),
      at: row.created_at.toISOString(),
    }
  );
}
