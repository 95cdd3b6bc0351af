import { events, type DbHandle } from '@asskomm/db';
import {
  ALL_SCOPES,
  eventAsSeenBy,
  excerpt,
  REPLAY_LIMIT,
  type Benachrichtigung,
  type DomainEvent,
  type Scope,
} from '@asskomm/domain';
import type { RealtimeServer } from './types.ts';
import { roomOf, benutzerRoom } from './rooms.ts';

export interface FanOut {
  /** Reads where each room stands and starts pushing what is committed after that. */
  start(): Promise<void>;
  /** The newest seq pushed to the room of `scope`: where a socket joining it starts. Null before start. */
  headOf(scope: Scope): number | null;
  stats(): { lastPushed: number | null; pushed: number };
  stop(): void;
}

/**
 * Pushes committed events to this node's sockets (every node does so for its own clients, woken
 * by the database's NOTIFY, so no event travels through the Socket.IO adapter). Each room's events
 * carry the seq of the room's previous one, so a client can tell a gap from a filtered event.
 */
export function createFanOut(io: RealtimeServer, handle: DbHandle): FanOut {
  const heads = new Map<string, number>();
  let lastPushed: number | null = null;
  let pushed = 0;
  let running: Promise<void> = Promise.resolve();

  const push = (routed: events.RoutedEvent) => {
    for (const scope of ALL_SCOPES) {
      const view = eventAsSeenBy(scope, routed.event, routed.polizeidirektion);
      if (!view) continue;
      const room = roomOf(scope);
      io.local.to(room).emit('domain:event', view, heads.get(room) ?? 0);
      heads.set(room, view.seq);
    }
    notifyMentioned(io, routed.event);
    lastPushed = routed.event.seq;
    pushed++;
  };

  // Seqs whose commit the database has announced, not yet pushed.
  const announced = new Set<number>();

  // Strictly in order: one read at a time, always from the last pushed number on.
  const pushCommitted = (seq?: number) => {
    if (seq !== undefined) {
      if (lastPushed !== null && seq <= lastPushed) return;
      announced.add(seq);
    }
    running = running.then(async () => {
      try {
        // This node's own events need no read once their commit is announced (one that rolled
        // back is never announced, so the read below takes over from there).
        for (;;) {
          const next = lastPushed === null ? undefined : lastPushed + 1;
          const own = next === undefined ? undefined : handle.appended.get(next);
          if (!own || !announced.has(next!)) break;
          push(own);
        }
        for (;;) {
          if (lastPushed === null || (seq !== undefined && seq <= lastPushed)) break;
          const batch = await events.routedSince(handle.db, lastPushed, REPLAY_LIMIT);
          batch.forEach(push);
          if (batch.length < REPLAY_LIMIT) break;
        }
      } catch (error) {
        // The next notification (or the reconnect of the LISTEN connection) retries from here.
        console.warn(`Ereignisse konnten nicht gelesen werden: ${(error as Error).message}`);
      }
      for (const done of announced) if (lastPushed !== null && done <= lastPushed) announced.delete(done);
      for (const done of handle.appended.keys())
        if (lastPushed !== null && done <= lastPushed) handle.appended.delete(done);
    });
  };
  const unsubscribe = handle.onCommitted(pushCommitted);

  return {
    start: async () => {
      for (const scope of ALL_SCOPES) heads.set(roomOf(scope), await events.lastSeq(handle.db, scope));
      lastPushed = heads.get(roomOf({ kind: 'land' }))!;
      pushCommitted();
    },
    headOf: (scope) => (lastPushed === null ? null : heads.get(roomOf(scope))!),
    stats: () => ({ lastPushed, pushed }),
    stop: unsubscribe,
  };
}

/** A comment's @mentions reach the mentioned users' open tabs on this node. */
function notifyMentioned(io: RealtimeServer, event: DomainEvent): void {
  if (event.type !== 'kommentar:created') return;
  const { after } = event;
  for (const mentioned of after.erwaehnt) {
    const notification: Benachrichtigung = {
      id: mentioned.benachrichtigung,
      art: 'erwaehnung',
      ags: event.ags,
      kommentarId: after.id,
      von: event.actor,
      auszug: excerpt(after.text),
      at: event.at,
      gelesen: false,
    };
    io.local.to(benutzerRoom(mentioned.id)).emit('benachrichtigung:created', notification);
  }
}
