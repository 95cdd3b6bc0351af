import express from 'express';
import { setzeStocktSchwellen, stockt, type DbHandle } from '@asskomm/db';
import { stocktQuerySchema, stocktSchwellenSchema, todayInSaxony } from '@asskomm/domain';
import { kreisName, polizeidirektionName } from '@asskomm/geo';
import { actorOf, checkArea, requireSignedIn, scopeOfRequest } from '../authorization.ts';
import { angabenFuer } from '../export/angaben.ts';
import { stocktTabelle } from '../export/arbeit.ts';
import { alsListe } from '../export/send.ts';
import { parseBody, parseQuery } from '../http.ts';

/** „Stockt“: the Kommunen of the scope whose process has stalled, and the LPR's thresholds. Staff only. */
export function stocktRoutes(handle: DbHandle): express.Router {
  const router = express.Router();
  const { db } = handle;

  router.get('/stockt', async (req, res) => {
    requireSignedIn(res);
    const { pd, kreis, format } = parseQuery(stocktQuerySchema, req);
    const scope = scopeOfRequest(res);
    checkArea(scope, { pd, kreis });
    const stand = todayInSaxony();
    const zeilen = await stockt.liste(db, scope, stand, { polizeidirektion: pd, kreis });
    res.set('Cache-Control', 'private, no-store');
    await alsListe(res, zeilen, format, () =>
      stocktTabelle(zeilen, {
        stand,
        angaben: angabenFuer({
          stand,
          scope,
          gewaehlt: { pd, kreis },
          filter: [
            ...(pd ? [polizeidirektionName(pd)] : []),
            ...(kreis ? [`Kreis ${kreisName(kreis)}`] : []),
            'Kommunen, deren Prozess stockt',
          ],
          von: actorOf(res).name,
          demodaten: zeilen.filter((z) => z.demodaten).length,
        }),
      }),
    );
  });

  router.get('/stockt/schwellen', async (_req, res) => {
    requireSignedIn(res);
    res.json(await stockt.schwellen(db));
  });

  router.put('/stockt/schwellen', async (req, res) => {
    const werte = parseBody(stocktSchwellenSchema, req);
    res.json((await setzeStocktSchwellen(handle, actorOf(res), werte)).result);
  });

  return router;
}
