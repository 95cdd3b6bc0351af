import type { Scope } from './access.ts';

export const DOMAIN_EVENT_TYPES = [
  'milestone:recorded',
  'milestone:corrected',
  'milestone:withdrawn',
  'foerderantrag:saved',
  'demo:reset',
] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

/**
 * A committed change, as pushed to clients and kept as the audit log: `seq` grows by one per
 * committed event; `before`/`after` hold the values (milestone or application) around the change.
 */
export interface DomainEvent {
  seq: number;
  type: DomainEventType;
  /** The Kommune concerned; null for changes of the whole data set (demo reset). */
  ags: string | null;
  /** The Kommune's version after the change, for optimistic concurrency on the client. */
  version: number | null;
  actor: string | null;
  at: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Events the server emits. Names follow `entity:verb`. */
export interface ServerToClientEvents {
  'domain:event': (event: DomainEvent) => void;
}

/** Events a client may emit; acknowledgements are `{ data } | { error }`. */
export interface ClientToServerEvents {
  'events:since': (seq: number, ack: (reply: { data: DomainEvent[] } | { error: string }) => void) => void;
}

export type InterServerEvents = Record<string, never>;

export interface SocketData {
  connectedAt: number;
  scope: Scope;
  sessionId: string | null;
  userId: number | null;
}

/** Fields of a milestone the public may see; notes, sources and names of staff stay internal. */
const PUBLIC_MILESTONE_FIELDS = ['kind', 'date'] as const;

function publicPart(values: Record<string, unknown> | null): Record<string, unknown> | null {
  return values && Object.fromEntries(PUBLIC_MILESTONE_FIELDS.map((key) => [key, values[key]]));
}

/**
 * What the public may see of an event: the milestone's kind and date, never notes, sources or who
 * made the change; of funding only that something changed (no per-application figures, no Kommune).
 */
export function toPublicEvent(event: DomainEvent): DomainEvent {
  const funding = event.type === 'foerderantrag:saved';
  return {
    ...event,
    ags: funding ? null : event.ags,
    actor: null,
    before: funding ? null : publicPart(event.before),
    after: funding ? null : publicPart(event.after),
  };
}
