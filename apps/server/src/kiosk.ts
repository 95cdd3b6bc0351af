import type { Request } from 'express';
import { praesentation, type DbHandle } from '@asskomm/db';
import type { Scope } from '@asskomm/domain';

/** The kiosk token a venue screen sends as `Authorization: Kiosk <token>`. */
export function kioskToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Kiosk ') ? header.slice('Kiosk '.length).trim() : undefined;
}

/** The valid kiosk link a request comes with, if any. */
export async function kioskOf(handle: DbHandle, req: Request) {
  const token = kioskToken(req);
  return token === undefined ? undefined : praesentation.kioskLinkOf(handle.db, token);
}

/**
 * Whether this request gets public funding figures, i.e. no aggregate of fewer than 3 applications:
 * the public scope, unless it comes from a kiosk screen the LPR allowed to show them.
 */
export async function hidesSmallFoerderung(handle: DbHandle, req: Request, scope: Scope): Promise<boolean> {
  return scope.kind === 'public' && !(await kioskOf(handle, req))?.zeigtKleineFoerderzahlen;
}
