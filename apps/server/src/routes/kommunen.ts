import express from 'express';
import {
  correctMeilenstein,
  kommunen,
  recordMeilenstein,
  recordUnterzeichnung,
  withdrawMeilenstein,
  type DbHandle,
} from '@asskomm/db';
import {
  agsSchema,
  HttpError,
  idParamSchema,
  KOMMUNE_NOT_FOUND,
  kommunenAnwenden,
  kommunenFilterAus,
  kommunenQuerySchema,
  meilensteinCorrectSchema,
  meilensteinCreateSchema,
  standQuerySchema,
  todayInSaxony,
  unterzeichnungCreateSchema,
  withdrawSchema,
} from '@asskomm/domain';
import { kreisName } from '@asskomm/geo';
import { actorOf, checkArea, scopeOfRequest } from '../authorization.ts';
import { kommunenTabelle } from '../export/kommunen.ts';
import { alsListe, sendeTabelle } from '../export/send.ts';
import { angabenFuer } from '../export/angaben.ts';
import { meilensteineTabelle } from '../export/kommune.ts';
import { idempotencyKeyOf, parseBody, parseParam, parseQuery } from '../http.ts';

/**
 * The Kommunen with their status, one Kommune's detail, and the commands on its history:
 * milestones recorded, corrected and withdrawn, and signings that cover several Kommunen.
 */
export function kommunenRoutes(handle: DbHandle): express.Router {
  const router = express.Router();

  router.get('/kommunen', async (req, res) => {
    const { stand = todayInSaxony(), format, ...liste } = parseQuery(kommunenQuerySchema, req);
    const scope = scopeOfRequest(res);
    checkArea(scope, liste);
    // Checked by the schema already: the page's reading of the same parameters gives the same filter.
    const filter = kommunenFilterAus(new URLSearchParams(Object.entries(liste).filter(([, v]) => v !== undefined)));
    const zeilen = kommunenAnwenden(await kommunen.findKommunenAsOf(handle.db, scope, stand), filter, kreisName);
    if (!format) return void res.json(zeilen);
    await sendeTabelle(res, kommunenTabelle({ zeilen, filter, stand, scope, von: actorOf(res).name }), format);
  });

  router.get('/kommunen/:ags', async (req, res) => {
    const ags = parseParam(agsSchema, req.params.ags);
    const { stand = todayInSaxony(), format } = parseQuery(standQuerySchema, req);
    const scope = scopeOfRequest(res);
    const detail = await kommunen.findDetail(handle.db, scope, ags, stand);
    if (!detail) throw new HttpError(404, KOMMUNE_NOT_FOUND);
    await alsListe(res, detail, format, () =>
      meilensteineTabelle(detail, {
        stand,
        angaben: angabenFuer({
          stand,
          scope,
          filter: [`Kommune ${detail.name} (${detail.ags})`],
          von: actorOf(res).name,
          demodaten: detail.meilensteine.filter((m) => m.synthetisch).length,
        }),
      }),
    );
  });

  router.post('/kommunen/:ags/meilensteine', async (req, res) => {
    const ags = parseParam(agsSchema, req.params.ags);
    const { version: _unbeachtet, ...input } = parseBody(meilensteinCreateSchema, req);
    const { result } = await recordMeilenstein(
      handle,
      actorOf(res),
      { ...input, ags },
      {
        idempotencyKey: idempotencyKeyOf(req),
      },
    );
    res.status(201).json(result);
  });

  router.patch('/meilensteine/:id', async (req, res) => {
    const id = parseParam(idParamSchema, req.params.id);
    const input = parseBody(meilensteinCorrectSchema, req);
    res.json((await correctMeilenstein(handle, actorOf(res), id, input)).result);
  });

  router.post('/meilensteine/:id/zurueckziehen', async (req, res) => {
    const id = parseParam(idParamSchema, req.params.id);
    const input = parseBody(withdrawSchema, req);
    res.json((await withdrawMeilenstein(handle, actorOf(res), id, input)).result);
  });

  router.post('/unterzeichnungen', async (req, res) => {
    const input = parseBody(unterzeichnungCreateSchema, req);
    const { result } = await recordUnterzeichnung(handle, actorOf(res), input, {
      idempotencyKey: idempotencyKeyOf(req),
    });
    res.status(201).json(result);
  });

  return router;
}
