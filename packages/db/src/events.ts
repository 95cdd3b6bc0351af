import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import {
  NON_PUBLIC_EVENT_TYPES,
  BUMPS_VERSION,
  DOMAIN_EVENT_TYPES,
  eventAsSeenBy,
  type DomainEvent,
  type DomainEventType,
  type NewDomainEvent,
  type PolizeidirektionId,
  type Scope,
  type VisibleEvent,
} from '@asskomm/domain';
import type { Database } from './schema.ts';

/** A committed event with the Polizeidirektion whose area it concerns (for routing; never sent). */
export interface RoutedEvent {
  event: DomainEvent;
  polizeidirektion: PolizeidirektionId | null;
}

/** Events this process appended, by seq, until they are pushed (the handle's `appended`). */
export type Appended = Map<number, RoutedEvent>;

export interface Append {
  event: NewDomainEvent;
  /** The Kommune's version after the change (null for Land-wide events). */
  version: number | null;
  /** The area of the Kommune concerned, from the row the command locked. */
  polizeidirektion: PolizeidirektionId | null;
  actor: { id: number | null; name: string | null };
}

/** Key of the advisory lock that orders event appends (any constant unique in this database). */
const EVENT_ORDER_LOCK = 0x41534b;

/**
 * Appends an event in the caller's transaction, so it commits or vanishes with the change it
 * describes, and records it in `appended`, so this node can push it without reading it back.
 * The command path (command.ts) is its caller.
 *
 * Sequence numbers are drawn at insert, but transactions may commit in another order; a reader
 * that has seen 11 would then skip 10 for ever. The lock, held to the end of the transaction,
 * makes commit order equal seq order, so "everything after my last number" is always complete.
 * It serialises only the last step of a write.
 */
export async function append(
  trx: Transaction<Database>,
  appended: Appended,
  { event, version, polizeidirektion, actor }: Append,
): Promise<DomainEvent> {
  await sql`select pg_advisory_xact_lock(${EVENT_ORDER_LOCK})`.execute(trx);
  const payload = { ...event, version, actor: actor.name };
  const row = await trx
    .insertInto('domain_event')
    .values({
      type: event.type,
      payload: JSON.stringify(payload),
      polizeidirektion_id: polizeidirektion,
      actor_id: actor.id,
      // The time of this statement, the last before the commit (now() would be the transaction's start).
      created_at: sql<Date>`clock_timestamp()`,
    })
    .returning(['seq', 'created_at'])
    .executeTakeFirstOrThrow();
  const committed: DomainEvent = { ...payload, seq: Number(row.seq), at: row.created_at.toISOString() };
  appended.set(committed.seq, { event: committed, polizeidirektion });
  return committed;
}

type EventQuery = SelectQueryBuilder<
  Database,
  'domain_event',
  Pick<Database['domain_event'], 'polizeidirektion_id'> & {
    seq: string;
    payload: Database['domain_event']['payload']['__select__'];
    created_at: Date;
  }
>;

/**
 * Restricts a query to the events `scope` may see, and with `ags` to that Kommune's history as the
 * scope sees it. The SQL twin of `eventAsSeenBy`/`eventInHistory` in packages/domain/src/events.ts;
 * mirrored-rules.spec.ts holds the two equal for every scope and event type.
 */
function visibleTo(query: EventQuery, scope: Scope, ags?: string): EventQuery {
  let visible = query;
  // Land-wide events (no Polizeidirektion, e.g. a demo reset) concern every scope.
  if (scope.kind === 'polizeidirektion') {
    const pd = scope.polizeidirektion;
    visible = visible.where((eb) => eb.or([eb('polizeidirektion_id', '=', pd), eb('polizeidirektion_id', 'is', null)]));
  }
  if (scope.kind === 'public') visible = visible.where('type', 'not in', NON_PUBLIC_EVENT_TYPES);
  if (ags !== undefined) visible = visible.where(sql<string>`payload->>'ags'`, '=', ags);
  return visible;
}

function selectEvents(db: Kysely<Database> | Transaction<Database>): EventQuery {
  return db.selectFrom('domain_event').select(['seq', 'payload', 'created_at', 'polizeidirektion_id']);
}

type EventRow = Awaited<ReturnType<EventQuery['execute']>>[number];

function toRouted(row: EventRow): RoutedEvent {
  return {
    event: { ...row.payload, seq: Number(row.seq), at: row.created_at.toISOString() },
    polizeidirektion: row.polizeidirektion_id,
  };
}

/** The rows `visibleTo` let through, as the scope sees them (the public gets public fields only). */
function asSeenBy(scope: Scope, rows: EventRow[]): VisibleEvent[] {
  return rows.flatMap((row) => {
    const { event, polizeidirektion } = toRouted(row);
    return eventAsSeenBy(scope, event, polizeidirektion) ?? [];
  });
}

/** Committed events after `seq` as the scope may see them, oldest first, at most `limit`. */
export async function since(db: Kysely<Database>, scope: Scope, seq: number, limit = 1000): Promise<VisibleEvent[]> {
  const rows = await visibleTo(selectEvents(db), scope)
    .where('seq', '>', String(seq))
    .orderBy('seq')
    .limit(limit)
    .execute();
  return asSeenBy(scope, rows);
}

/**
 * The newest events the scope may see, newest first: the activity feed, or with `ags` one
 * Kommune's history. `vor` pages back (events before that seq).
 */
export async function newest(
  db: Kysely<Database>,
  scope: Scope,
  { limit, vor, ags }: { limit: number; vor?: number | undefined; ags?: string | undefined },
): Promise<VisibleEvent[]> {
  let query = visibleTo(selectEvents(db), scope, ags);
  if (vor !== undefined) query = query.where('seq', '<', String(vor));
  const rows = await query.orderBy('seq', 'desc').limit(limit).execute();
  return asSeenBy(scope, rows);
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

/** Event types that change a Kommune's data (a comment does not). */
const CHANGES = DOMAIN_EVENT_TYPES.filter((type) => BUMPS_VERSION[type]);

/**
 * The newest change of a Kommune's data, or of one record of it (an application, a contact, a
 * next step: `record` names its event type and id): who changed it last, for a 409 answer.
 */
export async function latestAbout(
  db: Kysely<Database>,
  { ags, record }: { ags: string; record?: { type: DomainEventType; id: number } | undefined },
): Promise<DomainEvent | undefined> {
  let query = selectEvents(db).where(sql<string>`payload->>'ags'`, '=', ags);
  query = record
    ? query.where('type', '=', record.type).where(sql<string>`payload->'after'->>'id'`, '=', String(record.id))
    : query.where('type', 'in', CHANGES);
  const row = await query.orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row && toRouted(row).event;
}
