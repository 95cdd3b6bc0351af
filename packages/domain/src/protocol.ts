import type { Scope } from './access.ts';
import type { MilestoneKind } from './milestones.ts';

/** A committed change, as pushed to clients. `seq` grows by one per committed event. */
export interface DomainEvent {
  seq: number;
  type: 'milestone:recorded';
  ags: string;
  kind: MilestoneKind;
  date: string;
  at: string;
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

/**
 * What the public may see of an event. Every field of today's events is public (Kommune, kind,
 * date); fields added later (notes, names of staff) must be left out here.
 */
export function toPublicEvent(event: DomainEvent): DomainEvent {
  const { seq, type, ags, kind, date, at } = event;
  return { seq, type, ags, kind, date, at };
}
