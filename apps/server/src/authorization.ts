import type { Response } from 'express';
import {
  EDIT_DOMAIN_DATA,
  HttpError,
  NOT_FOUND,
  scopeCovers,
  scopeOf,
  type Actor,
  type PolizeidirektionId,
  type Principal,
  type Scope,
} from '@asskomm/domain';
import { kreisByAgs, polizeidirektionOfKreis } from '@asskomm/geo';
import type { AuthContext } from './auth/auth-service.ts';

// Who asks and what they may: resolved once per request by the API's middleware (api.ts), read here.

export function authOf(res: Response): AuthContext {
  return res.locals.auth as AuthContext;
}

export function principalOf(res: Response): Principal {
  return authOf(res).principal;
}

export function scopeOfRequest(res: Response): Scope {
  return scopeOf(principalOf(res));
}

/** Who runs a command sent with this request (a visitor too: the command path answers 401). */
export function actorOf(res: Response): Actor {
  const { principal, session } = authOf(res);
  return { principal, name: session?.benutzer.name ?? null };
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

/** 401 for visitors, 403 for roles that may read but not change domain data (writes that are no command on a Kommune). */
export function requireEditor(res: Response): Principal {
  requireSignedIn(res);
  const principal = principalOf(res);
  if (!EDIT_DOMAIN_DATA.allowed(principal)) throw new HttpError(403, EDIT_DOMAIN_DATA.message);
  return principal;
}

/** A filter outside the caller's scope answers 404, as if it did not exist. */
export function checkArea(
  scope: Scope,
  area: { pd?: PolizeidirektionId | undefined; kreis?: string | undefined },
): void {
  if (area.pd && !scopeCovers(scope, area.pd)) throw new HttpError(404, NOT_FOUND);
  if (area.kreis) {
    if (!kreisByAgs(area.kreis)) throw new HttpError(400, 'Parameter „kreis“: unbekannter Kreis', 'kreis');
    if (!scopeCovers(scope, polizeidirektionOfKreis(area.kreis))) throw new HttpError(404, NOT_FOUND);
  }
}
