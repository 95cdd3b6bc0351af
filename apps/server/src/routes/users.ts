import express from 'express';
import { audit, sessions, users } from '@asskomm/db';
import {
  canAdminister,
  idParamSchema,
  passwordResetSchema,
  userCreateSchema,
  userUpdateSchema,
  type UserInfo,
} from '@asskomm/domain';
import { z } from 'zod';
import { hashPassword } from '../auth/password.ts';
import type { AuthService } from '../auth/auth-service.ts';
import {
  clientIp,
  HttpError,
  NOT_FOUND,
  parseBody,
  parseParam,
  parseQuery,
  requirePermission,
  requireSignedIn,
} from '../http.ts';

const auditQuerySchema = z.strictObject({
  limit: z.coerce.number({ message: 'muss eine Zahl sein' }).int().min(1).max(1000).default(200),
});

export interface UserRoutesDeps {
  auth: AuthService;
  disconnectUser(userId: number): void;
}

function adminRouter(): express.Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    requirePermission(res, canAdminister);
    next();
  });
  return router;
}

/** User administration under /api/users: admins only, every change recorded. */
export function userRoutes({ auth, disconnectUser }: UserRoutesDeps): express.Router {
  const { handle } = auth;
  const router = adminRouter();

  router.get('/', async (_req, res) => {
    res.json(await users.list(handle.db));
  });

  router.post('/', async (req, res) => {
    const input = parseBody(userCreateSchema, req);
    if (input.email.endsWith('.invalid')) {
      throw new HttpError(422, 'Adressen unter .invalid sind Demo-Zugängen vorbehalten.', 'email');
    }
    const actor = requireSignedIn(res);
    const created = await handle.db.transaction().execute(async (trx) => {
      const row = await users.create(trx, {
        email: input.email,
        name: input.name,
        role: input.role,
        polizeidirektion: input.polizeidirektion ?? null,
        passwordHash: await hashPassword(input.password),
      });
      if (!row) return undefined;
      await audit.record(trx, {
        action: 'user_created',
        actorId: actor.userId,
        targetId: row.id,
        ip: clientIp(req),
        details: { rolle: row.role, polizeidirektion: row.polizeidirektion_id },
      });
      return users.toUserInfo(row);
    });
    if (!created) throw new HttpError(409, 'Diese E-Mail-Adresse ist bereits vergeben.', 'email');
    res.status(201).json(created);
  });

  router.patch('/:id', async (req, res) => {
    const id = parseParam(idParamSchema, req.params.id);
    const changes = parseBody(userUpdateSchema, req);
    const actor = requireSignedIn(res);
    if (id === actor.userId && (changes.active === false || (changes.role && changes.role !== 'admin'))) {
      throw new HttpError(422, 'Sie können sich nicht selbst deaktivieren oder Ihre eigene Rolle ändern.');
    }
    const updated = await handle.db.transaction().execute(async (trx) => {
      const before = await users.findById(trx, id);
      if (!before) return undefined;
      const after = (await users.update(trx, id, changes))!;
      await audit.record(trx, {
        action: 'user_updated',
        actorId: actor.userId,
        targetId: id,
        ip: clientIp(req),
        details: { vorher: summary(users.toUserInfo(before)), nachher: summary(users.toUserInfo(after)) },
      });
      return { before, after };
    });
    if (!updated) throw new HttpError(404, NOT_FOUND);
    const { before, after } = updated;
    // A changed scope or a deactivation takes effect at once: the user signs in again.
    if (!after.active || before.role !== after.role || before.polizeidirektion_id !== after.polizeidirektion_id) {
      await sessions.removeAllOfUser(handle.db, id);
      disconnectUser(id);
    }
    res.json(users.toUserInfo(after));
  });

  router.post('/:id/password', async (req, res) => {
    const id = parseParam(idParamSchema, req.params.id);
    const { password } = parseBody(passwordResetSchema, req);
    const actor = requireSignedIn(res);
    const changed = await users.setPasswordHash(handle.db, id, await hashPassword(password));
    if (!changed) throw new HttpError(404, NOT_FOUND);
    await audit.record(handle.db, { action: 'password_reset', actorId: actor.userId, targetId: id, ip: clientIp(req) });
    await sessions.removeAllOfUser(handle.db, id);
    disconnectUser(id);
    res.status(204).end();
  });

  return router;
}

/** The audit log under /api/audit: admins only. */
export function auditRoutes({ handle }: Pick<AuthService, 'handle'>): express.Router {
  const router = adminRouter();
  router.get('/', async (req, res) => {
    const { limit } = parseQuery(auditQuerySchema, req);
    res.json(await audit.latest(handle.db, limit));
  });
  return router;
}

function summary(user: UserInfo) {
  return { name: user.name, rolle: user.role, polizeidirektion: user.polizeidirektion, aktiv: user.active };
}
