import type { DbHandle } from './create-db.ts';

/** True when the database answers (`DbHandle.answers`) within `timeoutMs`. */
export async function ping(handle: Pick<DbHandle, 'answers'>, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      handle.answers(),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs))),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** SQLSTATEs of a server that is shutting down or starting up (class 08 is "connection exception"). */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const CONNECTION_FAILURE =
  /ECONNREFUSED|ECONNRESET|EPIPE|Connection terminated|timeout exceeded when trying to connect/i;

/**
 * True when an error means the database could not be reached (down, restarting, connection lost),
 * as opposed to a fault in the query: the caller should answer "try again" rather than log a bug.
 */
export function isUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (code.startsWith('08') || UNAVAILABLE_STATES.has(code))) return true;
  return CONNECTION_FAILURE.test(`${String(code ?? '')} ${String(message ?? '')}`);
}

/** SQLSTATE of a statement cancelled by `statement_timeout`. */
const QUERY_CANCELED = '57014';

/** True when a statement ran past its budget (`STATEMENT_TIMEOUT_MS`) and the database cancelled it. */
export function isOverBudget(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === QUERY_CANCELED;
}
