import type { IncomingMessage } from 'node:http';
import { audit, sessions, type DbHandle } from '@asskomm/db';
import {
  canAdminister,
  canEditDomainData,
  PUBLIC_PRINCIPAL,
  scopeOf,
  type Me,
  type PolizeidirektionId,
  type Principal,
  type Role,
} from '@asskomm/domain';
import { readSessionToken, sessionIdOf, type CookiePolicy } from './session-cookie.ts';

type Session = sessions.SessionWithBenutzer;

export interface AuthContext {
  principal: Principal;
  session: Session | null;
}

export interface AuthOptions {
  handle: DbHandle;
  limits: sessions.SessionLimits;
  cookie: CookiePolicy;
  /** Demo accounts may sign in only in demo mode. */
  demoMode: boolean;
}

export interface AuthService extends AuthOptions {
  /** Who sends this request (HTTP or Socket.IO handshake); records activity for the idle timeout. */
  resolve(req: IncomingMessage): Promise<AuthContext>;
  /** Whether a session is still valid, without recording activity (for open sockets). */
  stillValid(sessionId: string): Promise<boolean>;
}

/** The permissions of a session: its user's, or read-only those of the role an admin views as. */
function principalOf(session: Session): Principal {
  if (session.viewAsRole) {
    return {
      benutzerId: session.benutzerId,
      role: session.viewAsRole as Role | 'public',
      polizeidirektion: session.viewAsPd as PolizeidirektionId | null,
      readOnly: true,
    };
  }
  return {
    benutzerId: session.benutzerId,
    role: session.benutzer.role,
    polizeidirektion: session.benutzer.polizeidirektion,
    readOnly: false,
  };
}

export function meOf(session: Session): Me {
  const principal = principalOf(session);
  return {
    benutzer: {
      id: session.benutzerId,
      email: session.benutzer.email,
      name: session.benutzer.name,
      role: session.benutzer.role,
      polizeidirektion: session.benutzer.polizeidirektion,
    },
    scope: scopeOf(principal),
    ansicht: session.viewAsRole ? { role: principal.role, polizeidirektion: principal.polizeidirektion } : null,
    readOnly: principal.readOnly,
    canEdit: canEditDomainData(principal),
    canAdminister: canAdminister(principal),
  };
}

export function createAuthService(options: AuthOptions): AuthService {
  const { handle, limits, cookie, demoMode } = options;
  // Writing last_seen_at on every request would be a write per read; a tenth of the idle limit is precise enough.
  const touchAfterMs = Math.min(60_000, limits.idleMs / 10);

  const lookup = async (id: string) => {
    const found = await sessions.findValid(handle.db, id, limits);
    if (found && 'expired' in found) {
      await audit.record(handle.db, { action: 'session_expired', actorId: found.expired.benutzerId });
      return undefined;
    }
    if (found && found.session.benutzer.demo && !demoMode) {
      await sessions.remove(handle.db, id);
      return undefined;
    }
    return found?.session;
  };

  return {
    ...options,
    resolve: async (req) => {
      const token = readSessionToken(req, cookie);
      const session = token ? await lookup(sessionIdOf(token)) : undefined;
      if (!session) return { principal: PUBLIC_PRINCIPAL, session: null };
      if (Date.now() - session.lastSeenAt.getTime() > touchAfterMs) await sessions.touch(handle.db, session.id);
      return { principal: principalOf(session), session };
    },
    stillValid: async (id) => (await lookup(id)) !== undefined,
  };
}
