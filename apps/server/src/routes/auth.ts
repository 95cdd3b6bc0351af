import express from 'express';
import { audit, sessions, benutzer } from '@asskomm/db';
import { loginSchema, viewAsSchema } from '@asskomm/domain';
import { meOf, type AuthService } from '../auth/auth-service.ts';
import { verifyAgainstNothing, verifyPassword } from '../auth/password.ts';
import { clearSessionCookie, newSessionToken, setSessionCookie } from '../auth/session-cookie.ts';
import { authOf, requireSignedIn } from '../authorization.ts';
import { clientIp, parseBody } from '../http.ts';
import { HttpError, NOT_FOUND } from '@asskomm/domain';

/** Failed logins within 15 minutes: at most 5 per account and 20 per address. */
const LOGIN_LIMITS: audit.LoginLimits = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 };

const WRONG_CREDENTIALS = 'E-Mail-Adresse oder Passwort ist falsch.';

export interface AuthRoutesDeps {
  auth: AuthService;
  /** Disconnects the user's sockets at once (logout, deactivation, a changed view). */
  disconnectBenutzer(benutzerId: number): void;
}

/** Login, logout, the current user, and an admin's "view as". */
export function authRoutes({ auth, disconnectBenutzer }: AuthRoutesDeps): express.Router {
  const { handle, cookie, demoMode } = auth;
  const router = express.Router();

  router.post('/login', async (req, res) => {
    const { email, password } = parseBody(loginSchema, req);
    const ip = clientIp(req);
    const attempt = await audit.claimLoginAttempt(handle.db, { email, ip }, LOGIN_LIMITS);
    if (attempt === 'blocked') {
      throw new HttpError(
        429,
        'Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut.',
      );
    }
    const user = await benutzer.findByEmail(handle.db, email);
    const usable = user && user.active && (demoMode || !user.demo);
    const valid = usable ? await verifyPassword(password, user.password_hash) : await verifyAgainstNothing();
    if (!user || !usable || !valid) {
      await audit.decideLoginAttempt(handle.db, attempt.id, { action: 'login_failed', targetId: user?.id ?? null });
      throw new HttpError(401, WRONG_CREDENTIALS);
    }
    // A new session id at every login: a session fixed before the login is never promoted.
    const { token, id } = newSessionToken();
    const session = await sessions.signIn(
      handle.db,
      { id, benutzerId: user.id, ip, attemptId: attempt.id, replaces: authOf(res).session?.id ?? null },
      auth.limits,
    );
    setSessionCookie(res, token, cookie);
    res.json(meOf(session));
  });

  router.post('/logout', async (req, res) => {
    const { session } = authOf(res);
    if (session) {
      await sessions.remove(handle.db, session.id);
      await audit.record(handle.db, { action: 'logout', actorId: session.benutzerId, ip: clientIp(req) });
      disconnectBenutzer(session.benutzerId);
    }
    clearSessionCookie(res, cookie);
    res.status(204).end();
  });

  router.get('/me', (_req, res) => {
    res.json(meOf(requireSignedIn(res)));
  });

  router.post('/ansicht', async (req, res) => {
    const session = requireSignedIn(res);
    if (session.benutzer.role !== 'admin') throw new HttpError(404, NOT_FOUND);
    const { role, polizeidirektion } = parseBody(viewAsSchema, req);
    await sessions.setViewAs(handle.db, session.id, role, polizeidirektion ?? null);
    await audit.record(handle.db, {
      action: 'view_as_started',
      actorId: session.benutzerId,
      ip: clientIp(req),
      details: { rolle: role, polizeidirektion: polizeidirektion ?? null },
    });
    disconnectBenutzer(session.benutzerId);
    res.json(meOf({ ...session, viewAsRole: role, viewAsPd: polizeidirektion ?? null }));
  });

  router.delete('/ansicht', async (req, res) => {
    const session = requireSignedIn(res);
    if (session.benutzer.role !== 'admin') throw new HttpError(404, NOT_FOUND);
    await sessions.setViewAs(handle.db, session.id, null, null);
    await audit.record(handle.db, { action: 'view_as_ended', actorId: session.benutzerId, ip: clientIp(req) });
    disconnectBenutzer(session.benutzerId);
    res.json(meOf({ ...session, viewAsRole: null, viewAsPd: null }));
  });

  return router;
}
