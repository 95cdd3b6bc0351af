import type { Request, RequestHandler } from 'express';
import { rateLimit, type DbHandle } from '@asskomm/db';
import { SSR_HEADERS } from '@asskomm/domain';
import { authOf } from './authorization.ts';
import { clientIp, sendError } from './http.ts';
import { createLine } from './line.ts';

/**
 * API requests an anonymous client address may make per minute, on all nodes together. A venue's
 * Wi-Fi puts a Fachtag audience of hundreds of phones behind one address, each loading a few figures
 * when it opens /live or reconnects; one script beyond this rate is refused.
 */
export const API_REQUESTS_PER_MINUTE = 3_000;

/** The address an API request is counted for: the visitor of a page being rendered, or the caller. */
function countedAddress(req: Request, ssrToken: string | undefined): string | null {
  // The secret is this process's `ASSKOMM_SSR_TOKEN`, which the page handler reads.
  const rendered = req.get(SSR_HEADERS.client);
  if (ssrToken && rendered && req.get(SSR_HEADERS.token) === ssrToken) return rendered;
  return clientIp(req);
}

/** Counts one request of `key` in the minute of `at`; answers that minute's count so far. */
type Counter = (key: string, at: Date) => Promise<number>;

/**
 * On PostgreSQL the database counts, so that every node counts together. PGlite serves one process
 * only, so counting in memory is counting everywhere, and keeps a write per anonymous request off the
 * embedded database's single connection (where it would also wait behind any open transaction).
 */
function counterFor(handle: DbHandle): Counter {
  if (handle.kind === 'postgres') return (key, at) => rateLimit.countRequest(handle.db, key, at);
  let minute = 0;
  const counts = new Map<string, number>();
  return async (key, at) => {
    const start = rateLimit.windowOf(at).start.getTime();
    if (start !== minute) {
      minute = start;
      counts.clear();
    }
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    return count;
  };
}

/**
 * Counts the API requests of callers without a session per address and minute and refuses those
 * beyond `perMinute` with 429 and `Retry-After`. Signed-in users are not limited here (their logins
 * are, in routes/auth.ts).
 */
export function anonymousRateLimit(handle: DbHandle, perMinute: number, ssrToken: string | undefined): RequestHandler {
  const countRequest = counterFor(handle);
  return async (req, res, next) => {
    if (authOf(res).session) return next();
    const now = new Date();
    const count = await countRequest(`addr:${countedAddress(req, ssrToken) ?? 'unbekannt'}`, now);
    if (count <= perMinute) return next();
    res.setHeader('Retry-After', String(Math.ceil((rateLimit.windowOf(now).end.getTime() - now.getTime()) / 1000)));
    sendError(res, 429, {
      error: 'Zu viele Anfragen von dieser Adresse. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
    });
  };
}

/**
 * Anonymous API requests one node answers at once, and how many may wait behind them. A botnet's
 * heavy reads then take a few database connections, not the pool: health, sign-ins, writes and the
 * live feed keep theirs. Signed-in users and the login (which has its own line) are not in it.
 */
const ANONYMOUS_LINE = { atOnce: 4, waiting: 1_000 };

export function anonymousLine(): RequestHandler {
  const line = createLine(
    ANONYMOUS_LINE.atOnce,
    ANONYMOUS_LINE.waiting,
    'Der Server ist gerade ausgelastet. Bitte versuchen Sie es gleich noch einmal.',
  );
  return (_req, res, next) => {
    if (authOf(res).session) return next();
    // Listened for from the start: a client that goes away while waiting in line must not take
    // its place with it when its turn comes (the 'close' would have passed unheard).
    let gone = false;
    const closed = new Promise<void>((resolve) =>
      res.once('close', () => {
        gone = true;
        resolve();
      }),
    );
    // The place is held until the answer is sent (or the client went away).
    line
      .run(async () => {
        if (gone) return;
        next();
        await closed;
      })
      .catch(next);
  };
}
