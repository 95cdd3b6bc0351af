import express from 'express';
import { createWiedervorlage, kommunen, updateWiedervorlage, wiedervorlagen, type DbHandle } from '@asskomm/db';
import {
  agsSchema,
  HttpError,
  idParamSchema,
  KOMMUNE_NOT_FOUND,
  todayInSaxony,
  wiedervorlageCreateSchema,
  wiedervorlagenQuerySchema,
  wiedervorlageUpdateSchema,
} from '@asskomm/domain';
import { kommuneName } from '@asskomm/geo';
import { actorOf, checkArea, requireSignedIn, scopeOfRequest } from '../authorization.ts';
import { angabenFuer } from '../export/angaben.ts';
import { wiedervorlagenTabelle } from '../export/arbeit.ts';
import { alsListe } from '../export/send.ts';
import { idempotencyKeyOf, parseBody, parseParam, parseQuery } from '../http.ts';

/** Next steps: the lists (mine, the area's, a Kommune's) and the commands that keep them. Staff only. */
export function wiedervorlagenRoutes(handle: DbHandle): express.Router {
  const router = express.Router();
  const { db } = handle;

  router.get('/wiedervorlagen', async (req, res) => {
    const session = requireSignedIn(res);
    const { zustaendig, erledigt, pd, ags, format } = parseQuery(wiedervorlagenQuerySchema, req);
    const scope = scopeOfRequest(res);
    checkArea(scope, { pd });
    if (ags !== undefined && !(await kommunen.existsInScope(db, scope, ags)))
      throw new HttpError(404, KOMMUNE_NOT_FOUND);
    const zeilen = await wiedervorlagen.list(db, scope, {
      polizeidirektion: pd,
      ags,
      zustaendigId: zustaendig === 'ich' ? session.benutzerId : undefined,
      erledigt: erledigt === undefined ? undefined : erledigt === 'ja',
    });
    res.set('Cache-Control', 'private, no-store');
    const stand = todayInSaxony();
    await alsListe(res, zeilen, format, () =>
      wiedervorlagenTabelle(zeilen, {
        stand,
        angaben: angabenFuer({
          stand,
          scope,
          gewaehlt: { pd },
          filter: [
            zustaendig === 'ich' ? 'meine' : 'alle im Bereich',
            ...(erledigt ? [erledigt === 'ja' ? 'erledigte' : 'offene'] : []),
            ...(ags ? [`Kommune ${kommuneName(ags)} (${ags})`] : []),
          ],
          von: actorOf(res).name,
          demodaten: zeilen.filter((w) => w.synthetisch).length,
        }),
      }),
    );
  });

  router.post('/kommunen/:ags/wiedervorlagen', async (req, res) => {
    const ags = parseParam(agsSchema, req.params.ags);
    const input = parseBody(wiedervorlageCreateSchema, req);
    const { result } = await createWiedervorlage(handle, actorOf(res), ags, input, {
      idempotencyKey: idempotencyKeyOf(req),
    });
    res.status(201).json(result);
  });

  router.patch('/wiedervorlagen/:id', async (req, res) => {
    const id = parseParam(idParamSchema, req.params.id);
    const input = parseBody(wiedervorlageUpdateSchema, req);
    res.json((await updateWiedervorlage(handle, actorOf(res), id, input)).result);
  });

  return router;
}
