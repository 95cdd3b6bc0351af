/**
 * A refusal with a German message: what the API answers with its status (400, 401, 403, 404, 409,
 * 422 …). Thrown by the command path in packages/db and by the server's routes alike; the API's
 * error handler sends it as JSON.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    /** More of the answer, e.g. the current state with a 409. */
    readonly extra?: object,
  ) {
    super(message);
  }
}

export const NOT_FOUND = 'Nicht gefunden.';
/** 404 for a Kommune outside the caller's scope: the same words whether it exists or not. */
export const KOMMUNE_NOT_FOUND = 'Diese Kommune gibt es nicht (oder nicht in Ihrem Bereich).';
