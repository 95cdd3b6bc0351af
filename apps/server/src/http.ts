import type { Request, Response } from 'express';
import type { z } from 'zod';
import { parseGerman, type ApiError, type Principal } from '@asskomm/domain';
import type { AuthContext } from './auth/auth-service.ts';

/** An answer other than 2xx with a German message; the API's error handler sends it as JSON. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    /** More of the answer, e.g. the current state with a 409. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const NOT_FOUND = 'Nicht gefunden.';

export function sendError(res: Response, status: number, body: ApiError & Record<string, unknown>): void {
  res.status(status).json(body);
}

function parse<S extends z.ZodType>(schema: S, input: unknown, status: number): z.infer<S> {
  const parsed = parseGerman(schema, input);
  if (parsed.success) return parsed.data;
  throw new HttpError(status, parsed.message, parsed.field);
}

/** Query parameters checked by a shared schema; 400 naming the parameter otherwise. */
export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  return parse(schema, req.query, 400);
}

/** A JSON body checked by a shared schema; 400 naming the field otherwise. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  if (req.body === undefined) throw new HttpError(400, 'Der Anfragetext fehlt (JSON erwartet).');
  // PostgreSQL text cannot hold NUL; refuse it here rather than fail in the database.
  if (JSON.stringify(req.body).includes('\\u0000'))
    throw new HttpError(400, 'Der Anfragetext enthält ein unzulässiges Nullzeichen.');
  return parse(schema, req.body, 400);
}

/** A path parameter checked by a schema; 404 when it cannot name anything. */
export function parseParam<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = parseGerman(schema, value);
  if (parsed.success) return parsed.data;
  throw new HttpError(404, NOT_FOUND);
}

/** The caller's authentication, resolved once per request by the API's middleware. */
export function authOf(res: Response): AuthContext {
  return res.locals.auth as AuthContext;
}

export function principalOf(res: Response): Principal {
  return authOf(res).principal;
}

/** 401 for visitors: the endpoint needs a signed-in user. */
export function requireSignedIn(res: Response): NonNullable<AuthContext['session']> {
  const { session } = authOf(res);
  if (!session) throw new HttpError(401, 'Bitte melden Sie sich an.');
  return session;
}

/** Unless `allowed`, answers 401 to visitors and 404 to users without the permission (no existence leak). */
export function requirePermission(res: Response, allowed: (principal: Principal) => boolean): void {
  requireSignedIn(res);
  if (!allowed(principalOf(res))) throw new HttpError(404, NOT_FOUND);
}

/** The client's address as Express sees it (honours TRUST_PROXY). */
export function clientIp(req: Request): string | null {
  return req.ip ?? null;
}
