import express from 'express';
import { audit, sessions, benutzer } from '@asskomm/db';
import {
  canAdminister,
  idParamSchema,
  passwordResetSchema,
  benutzerCreateSchema,
  benutzerUpdateSchema,
  formatQuerySchema,
  todayInSaxony,
  type BenutzerInfo,
} from '@asskomm/domain';
import { z } from 'zod';
import { hashPassword } from '../auth/password.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { actorOf, requirePermission, requireSignedIn, scopeOfRequest } from '../authorization.ts';
import { clientIp, parseBody, parseParam, parseQuery } from '../http.ts';
import { angabenFuer } from '../export/angaben.ts';
import { alsListe } from '../export/send.ts';
import { auditTabelle, benutzerTabelle } from '../export/verwaltung.ts';
import { HttpError, NOT_FOUND } from '@asskomm/domain';

const auditQuerySchema = z.strictObject({
  limit: z.coerce.number({ message: 'muss eine Zahl sein' }).int().min(1).max(1000).default(200),
  format: formatQuerySchema.shape.format,
});

export interface BenutzerRoutesDeps {
  auth: AuthService;
  disconnectBenutzer(benutzerId: number): void;
}

/** What the administration's files say of themselves: today, the whole Land, who. */
function verwaltungsKopf(res: express.Response, filter: string[], demodaten: number) {
  const stand = todayInSaxony();
  return {
    stand,
    angaben: angabenFuer({ stand, scope: scopeOfRequest(res), filter, von: actorOf(res).name, demodaten }),
  };
}

function adminRouter(): express.Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    requirePermission(res, canAdminister);
    next();
  });
  return router;
}

/** User administration under /api/benutzer: admins only, every change recorded. */
export function benutzerRoutes({ auth, disconnectBenutzer }: BenutzerRoutesDeps): express.Router {
  const { handle } = auth;
  const router = adminRouter();

  router.get('/', async (req, res) => {
    const { format } = parseQuery(formatQuerySchema, req);
    const zeilen = await benutzer.list(handle.db);
    await alsListe(res, zeilen, format, () =>
      benutzerTabelle(zeilen, verwaltungsKopf(res, [], zeilen.filter((b) => b.demo).length)),
    );
  });

  router.post('/', async (req, res) => {
    const input = parseBody(benutzerCreateSchema, req);
    if (input.email.endsWith('.invalid')) {
      throw new HttpError(422, 'Adressen unter .invalid sind Demo-Zugängen vorbehalten.', 'email');
    }
    const actor = requireSignedIn(res);
    const created = await handle.db.transaction().execute(async (trx) => {
      const row = await benutzer.create(trx, {
        email: input.email,
        name: input.name,
        role: input.role,
        polizeidirektion: input.polizeidirektion ?? null,
        passwordHash: await hashPassword(input.password),
      });
      if (!row) return undefined;
      await audit.record(trx, {
        action: 'benutzer_created',
        actorId: actor.benutzerId,
        targetId: row.id,
        ip: clientIp(req),
        details: { rolle: row.role, polizeidirektion: row.polizeidirektion_id },
      });
      return benutzer.toBenutzerInfo(row);
    });
    if (!created) throw new HttpError(409, 'Diese E-Mail-Adresse ist bereits vergeben.', 'email');
    res.status(201).json(created);
  });

  router.patch('/:id', async (req, res) => {
    const id = parseParam(idParamSchema, req.params.id);
    const changes = parseBody(benutzerUpdateSchema, req);
    const actor = requireSignedIn(res);
    if (id === actor.benutzerId && (changes.active === false || (changes.role && changes.role !== 'admin'))) {
      throw new HttpError(422, 'Sie können sich nicht selbst deaktivieren oder Ihre eigene Rolle ändern.');
    }
    const updated = await handle.db.transaction().execute(async (trx) => {
      const before = await benutzer.findById(trx, id);
      if (!before) return undefined;
      if (changes.role === undefined && changes.polizeidirektion !== undefined) {
        if ((before.role === 'polizei') !== (changes.polizeidirektion !== null)) {
          throw new HttpError(422, 'Eine Polizeidirektion hat genau die Rolle polizei.', 'polizeidirektion');
        }
      }
      const after = (await benutzer.update(trx, id, changes))!;
      await audit.record(trx, {
        action: 'benutzer_updated',
        actorId: actor.benutzerId,
        targetId: id,
        ip: clientIp(req),
        details: { vorher: summary(benutzer.toBenutzerInfo(before)), nachher: summary(benutzer.toBenutzerInfo(after)) },
      });
      return { before, after };
    });
    if (!updated) throw new HttpError(404, NOT_FOUND);
    const { before, after } = updated;
    // A changed scope or a deactivation takes effect at once: the user signs in again.
    if (!after.active || before.role !== after.role || before.polizeidirektion_id !== after.polizeidirektion_id) {
      await sessions.removeAllOfBenutzer(handle.db, id);
      disconnectBenutzer(id);
    }
    res.json(benutzer.toBenutzerInfo(after));
  });

  router.post('/:id/password', async (req, res) => {
    const id = parseParam(idParamSchema, req.params.id);
    const { password } = parseBody(passwordResetSchema, req);
    const actor = requireSignedIn(res);
    const changed = await benutzer.setPasswordHash(handle.db, id, await hashPassword(password));
    if (!changed) throw new HttpError(404, NOT_FOUND);
    await audit.record(handle.db, {
      action: 'password_reset',
      actorId: actor.benutzerId,
      targetId: id,
      ip: clientIp(req),
    });
    await sessions.removeAllOfBenutzer(handle.db, id);
    disconnectBenutzer(id);
    res.status(204).end();
  });

  return router;
}

/** The audit log under /api/audit: admins only. */
export function auditRoutes({ handle }: Pick<AuthService, 'handle'>): express.Router {
  const router = adminRouter();
  router.get('/', async (req, res) => {
    const { limit, format } = parseQuery(auditQuerySchema, req);
    const zeilen = await audit.latest(handle.db, limit);
    await alsListe(res, zeilen, format, () =>
      auditTabelle(zeilen, verwaltungsKopf(res, [`die neuesten ${limit} Einträge`], 0)),
    );
  });
  return router;
}

function summary(user: BenutzerInfo) {
  return { name: user.name, rolle: user.role, polizeidirektion: user.polizeidirektion, aktiv: user.active };
}
