import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import { toPublicEvent, type DomainEvent, type PolizeidirektionId, type Scope } from '@asskomm/domain';
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

/** Key of the advisory lock that orders event appends (any constant unique in this database). */
const EVENT_ORDER_LOCK = 0x41534b;

/**
 * Appends an event in the caller's transaction, so it commits or vanishes with the change it describes.
 *
 * Sequence numbers are drawn at insert, but transactions may commit in another order; a reader
 * that has seen 11 would then skip 10 for ever. The lock, held to the end of the transaction,
 * makes commit order equal seq order, so "everything after my last number" is always complete.
 * It serialises only the last step of a write.
 */
export async function append(
  trx: Transaction<Database>,
  { actorId, ...body }: NewEvent,
  /** The handle's `appended`: lets this node push the event without reading it back. */
  appended?: Map<number, RoutedEvent>,
): Promise<DomainEvent> {
  await sql`select pg_advisory_xact_lock(${EVENT_ORDER_LOCK})`.execute(trx);
  const kommune = body.ags
    ? await trx
        .selectFrom('kommune')
        .select('polizeidirektion_id')
        .where('ags', '=', body.ags)
        .executeTakeFirstOrThrow()
    : null;
  const actor = actorId
    ? await trx.selectFrom('benutzer').select('name').where('id', '=', actorId).executeTakeFirst()
    : null;
  const payload = { ...body, actor: actor?.name ?? null };
  const row = await trx
    .insertInto('domain_event')
    .values({
      type: body.type,
      payload: JSON.stringify(payload),
      polizeidirektion_id: kommune?.polizeidirektion_id ?? null,
      actor_id: actorId,
      // The time of this statement, the last before the commit (now() would be the transaction's start).
      created_at: sql<Date>`clock_timestamp()`,
    })
    .returning(['seq', 'created_at'])
    .executeTakeFirstOrThrow();
  const event = { ...payload, seq: Number(row.seq), at: row.created_at.toISOString() };
  appended?.set(event.seq, {
    event,
    polizeidirektion: (kommune?.polizeidirektion_id ?? null) as PolizeidirektionId | null,
  });
  return event;
}

type EventQuery = SelectQueryBuilder<
  Database,
  'domain_event',
  { seq: string; payload: unknown; created_at: Date; polizeidirektion_id: string | null }
>;

/** Restricts a query to the events `scope` may see (the one place of this rule for events). */
function visibleTo(query: EventQuery, scope: Scope): EventQuery {
  // Land-wide events (no Polizeidirektion, e.g. a demo reset) concern every scope.
  if (scope.kind === 'polizeidirektion') {
    const pd = scope.polizeidirektion;
    return query.where((eb) => eb.or([eb('polizeidirektion_id', '=', pd), eb('polizeidirektion_id', 'is', null)]));
  }
  return scope.kind === 'public' ? query.where('type', '<>', 'kommentar:created') : query;
}

function selectEvents(db: Kysely<Database>): EventQuery {
  return db.selectFrom('domain_event').select(['seq', 'payload', 'created_at', 'polizeidirektion_id']);
}

function toRouted(row: Awaited<ReturnType<EventQuery['execute']>>[number]): RoutedEvent {
  return {
    event: {
      ...(row.payload as Omit<DomainEvent, 'seq' | 'at'>),
      seq: Number(row.seq),
      at: row.created_at.toISOString(),
    },
    polizeidirektion: row.polizeidirektion_id as PolizeidirektionId | null,
  };
}

/** An event as `scope` may see it: the public gets only public fields. */
function asSeenBy(scope: Scope, event: DomainEvent): DomainEvent {
  return scope.kind === 'public' ? toPublicEvent(event)! : event;
}

/** Committed events after `seq` as the scope may see them, oldest first, at most `limit`. */
export async function since(db: Kysely<Database>, scope: Scope, seq: number, limit = 1000): Promise<DomainEvent[]> {
  const rows = await visibleTo(selectEvents(db), scope)
    .where('seq', '>', String(seq))
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => asSeenBy(scope, toRouted(row).event));
}

/**
 * The newest events the scope may see, newest first: the activity feed, or with `ags` one
 * Kommune's history. `vor` pages back (events before that seq).
 */
export async function newest(
  db: Kysely<Database>,
  scope: Scope,
  { limit, vor, ags }: { limit: number; vor?: number | undefined; ags?: string | undefined },
): Promise<DomainEvent[]> {
  let query = visibleTo(selectEvents(db), scope);
  if (vor !== undefined) query = query.where('seq', '<', String(vor));
  if (ags !== undefined) {
    query = query.where(sql<string>`payload->>'ags'`, '=', ags);
    // The public sees that funding changed, never of which Kommune.
    if (scope.kind === 'public') query = query.where('type', '<>', 'foerderantrag:saved');
  }
  const rows = await query.orderBy('seq', 'desc').limit(limit).execute();
  return rows.map((row) => asSeenBy(scope, toRouted(row).event));
}

/** Every committed event after `seq` with its routing, for the server's fan-out. */
export async function routedSince(db: Kysely<Database>, seq: number, limit = 1000): Promise<RoutedEvent[]> {
  const rows = await selectEvents(db).where('seq', '>', String(seq)).orderBy('seq').limit(limit).execute();
  return rows.map(toRouted);
}

/** The newest committed seq the scope may see (all events without a scope), 0 when there is none. */
export async function lastSeq(db: Kysely<Database>, scope: Scope = { kind: 'land' }): Promise<number> {
  const row = await visibleTo(selectEvents(db), scope)
    .clearSelect()
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
