import type { Request, Response } from 'express';
import type { z } from 'zod';
import { HttpError, NOT_FOUND, parseGerman, type ApiError } from '@asskomm/domain';

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

const IDEMPOTENCY_KEY = /^[\w.:-]{1,100}$/;

/**
 * The `Idempotency-Key` header of a write, if sent: a client that retries with the same key gets
 * the first answer and nothing is written twice. 400 when it is malformed.
 */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new HttpError(
      400,
      'Der Idempotency-Key muss 1 bis 100 Zeichen lang sein (Buchstaben, Ziffern, „.“, „:“, „_“, „-“).',
      'Idempotency-Key',
    );
  }
  return key;
}

/** The client's address as Express sees it (honours TRUST_PROXY). */
export function clientIp(req: Request): string | null {
  return req.ip ?? null;
}
