import type { RequestHandler } from 'express';
import { sendError } from './http.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when the browser's Origin (if it sent one) names this very host. */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Requests that change state must come from our own pages: a foreign Origin or a cross-site
 * Sec-Fetch-Site is refused, and bodies must be JSON, which a cross-site form cannot send.
 * Clients that are not browsers send neither header and are judged by their credentials alone.
 */
export const sameOriginWrites: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const site = req.get('sec-fetch-site');
  if (
    !isSameOrigin(req.get('origin'), req.get('host')) ||
    (site !== undefined && !['same-origin', 'none'].includes(site))
  ) {
    return sendError(res, 403, { error: 'Anfragen von fremden Seiten werden abgelehnt.' });
  }
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is('application/json')) {
    return sendError(res, 415, { error: 'Nur JSON wird angenommen (Content-Type: application/json).' });
  }
  next();
};
