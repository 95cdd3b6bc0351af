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
}
