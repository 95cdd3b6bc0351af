import express, { type Request, type Response } from 'express';
import { praesentation, type DbHandle } from '@asskomm/db';
import {
  canEditDomainData,
  idParamSchema,
  kioskLinkCreateSchema,
  praesentationSetzenSchema,
  type PraesentationStand,
} from '@asskomm/domain';
import { principalOf, requireEditor, requireSignedIn } from '../authorization.ts';
import { parseBody, parseParam } from '../http.ts';
import { HttpError, NOT_FOUND } from '@asskomm/domain';
import { kioskOf, kioskToken } from '../kiosk.ts';

export interface PraesentationDeps {
  handle: DbHandle;
  /** Tells every screen on every node where the presentation stands now. */
  broadcast(stand: PraesentationStand): void;
}

/**
 * The Fachtag presentation: anyone may follow it; LPR staff, or a screen with a valid kiosk link,
 * may move it. A kiosk link changes nothing else: it only steps the presentation.
 */
export function praesentationRoutes({ handle, broadcast }: PraesentationDeps): express.Router {
  const router = express.Router();
  const { db } = handle;

  const requirePresenter = async (req: Request, res: Response) => {
    if (kioskToken(req) !== undefined) {
      if (await kioskOf(handle, req)) return;
      throw new HttpError(401, 'Dieser Kiosk-Link ist ungültig oder wurde widerrufen.');
    }
    requireSignedIn(res);
    if (!canEditDomainData(principalOf(res))) {
      throw new HttpError(403, 'Die Präsentation steuern nur das LPR-Team oder ein Kiosk-Link.');
    }
  };

  router.get('/praesentation', async (_req, res) => {
    res.json(await praesentation.stand(db));
  });

  router.put('/praesentation', async (req, res) => {
    await requirePresenter(req, res);
    const stand = await praesentation.setzen(db, parseBody(praesentationSetzenSchema, req));
    broadcast(stand);
    res.json(stand);
  });

  router.get('/kiosk-links', async (_req, res) => {
    requireEditor(res);
    res.json(await praesentation.kioskLinks(db));
  });

  router.post('/kiosk-links', async (req, res) => {
    const principal = requireEditor(res);
    res
      .status(201)
      .json(await praesentation.createKioskLink(db, parseBody(kioskLinkCreateSchema, req), principal.benutzerId!));
  });

  router.delete('/kiosk-links/:id', async (req, res) => {
    requireEditor(res);
    if (!(await praesentation.revokeKioskLink(db, parseParam(idParamSchema, req.params.id)))) {
      throw new HttpError(404, NOT_FOUND);
    }
    res.status(204).end();
  });

  return router;
}
