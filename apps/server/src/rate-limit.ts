import type { Request, RequestHandler } from 'express';
import { rateLimit, type DbHandle } from '@asskomm/db';
import { authOf } from './authorization.ts';
import { clientIp, sendError } from './http.ts';

/**
 * API requests an anonymous client address may make per minute, on all nodes together. A venue's
 * Wi-Fi puts a Fachtag audience of hundreds of phones behind one address, each loading a few figures
 * when it opens /live or reconnects; one script beyond this rate is refused.
 */
export const API_REQUESTS_PER_MINUTE = 3_000;

/**
 * How the dashboard's server-side rendering, which fetches /api over loopback, names the visitor it
 * renders for: the visitor's address in `SSR_CLIENT_HEADER`, trusted only with this process's
 * `SSR_TOKEN_HEADER` (kept in `ASSKOMM_SSR_TOKEN`, which the page handler reads).
 */
export const SSR_CLIENT_HEADER = 'x-asskomm-client';
export const SSR_TOKEN_HEADER = 'x-asskomm-ssr';

/** The address an API request is counted for: the visitor of a page being rendered, or the caller. */
function countedAddress(req: Request, ssrToken: string | undefined): string | null {
  const rendered = req.get(SSR_CLIENT_HEADER);
  if (ssrToken && rendered && req.get(SSR_TOKEN_HEADER) === ssrToken) return rendered;
  return clientIp(req);
}

/**
 * Counts the API requests of callers without a session per address and minute in the database, so
 * that two nodes count together, and refuses those beyond `perMinute` with 429 and `Retry-After`.
 * Signed-in users are not limited here (their logins are, in routes/auth.ts).
 */
export function anonymousRateLimit(handle: DbHandle, perMinute: number, ssrToken: string | undefined): RequestHandler {
  return async (req, res, next) => {
    if (authOf(res).session) return next();
    const now = new Date();
    const count = await rateLimit.countRequest(handle.db, `addr:${countedAddress(req, ssrToken) ?? 'unbekannt'}`, now);
    if (count <= perMinute) return next();
    res.setHeader('Retry-After', String(Math.ceil((rateLimit.windowOf(now).end.getTime() - now.getTime()) / 1000)));
    sendError(res, 429, {
      error: 'Zu viele Anfragen von dieser Adresse. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
    });
  };
}
