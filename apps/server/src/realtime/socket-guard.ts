import type { ClientToServerEvents } from '@asskomm/domain';
import type { RealtimeSocket } from './types.ts';

const KNOWN_EVENTS = new Set<string>([
  'events:since',
  'presence:set',
  'presence:list',
] satisfies (keyof ClientToServerEvents)[]);

/** A tab sends a few messages a minute; bursts (reconnect, quick navigation) stay well below this. */
export const SOCKET_RATE = { perSecond: 10, burst: 30 };
/** A client that keeps flooding after being refused this many times is disconnected. */
const REFUSALS_BEFORE_DISCONNECT = 1000;
/** At most one log line per socket and minute, so a flood cannot flood the log either. */
const LOG_EVERY_MS = 60_000;

/** A token bucket: `take()` answers whether one more is allowed now. */
export function tokenBucket({ perSecond, burst }: { perSecond: number; burst: number }): { take(): boolean } {
  let tokens = burst;
  let refilled = Date.now();
  return {
    take() {
      const now = Date.now();
      tokens = Math.min(burst, tokens + ((now - refilled) / 1000) * perSecond);
      refilled = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/**
 * Guards the server against one misbehaving client: messages beyond a token bucket are dropped
 * (others are unaffected: every socket has its own bucket), unknown event names are dropped and
 * logged, and a socket that floods on regardless is disconnected.
 */
export function guardSocket(socket: RealtimeSocket, log: (message: string) => void = console.warn): void {
  const bucket = tokenBucket(SOCKET_RATE);
  let refusals = 0;
  let loggedAt = 0;
  const note = (message: string) => {
    const now = Date.now();
    if (now - loggedAt < LOG_EVERY_MS) return;
    loggedAt = now;
    log(`Socket ${socket.id} (${socket.handshake.address}): ${message}`);
  };

  socket.use(([name], next) => {
    if (!bucket.take()) {
      note('zu viele Nachrichten, werden verworfen');
      if (++refusals >= REFUSALS_BEFORE_DISCONNECT) socket.disconnect(true);
      return;
    }
    if (!KNOWN_EVENTS.has(String(name))) {
      note(`unbekanntes Ereignis „${String(name).slice(0, 60)}“ ignoriert`);
      return;
    }
    next();
  });
}
