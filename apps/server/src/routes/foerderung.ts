import express from 'express';
import { addAuszahlung, createFoerderantrag, foerderantraege, updateFoerderantrag, type DbHandle } from '@asskomm/db';
import {
  auszahlungCreateSchema,
  foerderantragCreateSchema,
  foerderantragUpdateSchema,
  foerderantraegeQuerySchema,
  foerderungQuerySchema,
  foerderungUebersicht,
  idParamSchema,
  POLIZEIDIREKTION_IDS,
  scopeCovers,
  todayInSaxony,
} from '@asskomm/domain';
import { KREISE, kreisLabel } from '@asskomm/geo';
import { actorOf, checkArea, requireSignedIn, scopeOfRequest } from '../authorization.ts';
import { idempotencyKeyOf, parseBody, parseParam, parseQuery } from '../http.ts';
import { hidesSmallFoerderung } from '../kiosk.ts';
import { angabenFuer } from '../export/angaben.ts';
import { antraegeTabelle, foerderTabelle } from '../export/foerderung.ts';
import { alsListe } from '../export/send.ts';

/**
 * Funding under the RL KommPräv: the aggregated overview (public), the applications (signed-in users
 * of the scope), and the commands to create and update applications and record payouts (LPR).
 */
export function foerderungRoutes(handle: DbHandle): express.Router {
  const router = express.Router();

  router.get('/foerderung', async (req, res) => {
    const {
      stand = todayInSaxony(),
      jahr,
      pd,
      kreis,
      format,
      tabelle = 'jahre',
    } = parseQuery(foerderungQuerySchema, req);
    const scope = scopeOfRequest(res);
    checkArea(scope, { pd, kreis });
    const oeffentlich = await hidesSmallFoerderung(handle, req, scope);
    const [antraege, budgets] = await Promise.all([
      foerderantraege.list(handle.db, scope, stand, { polizeidirektion: pd, kreis }),
      foerderantraege.budgets(handle.db),
    ]);
    const inScope = (polizeidirektion: (typeof POLIZEIDIREKTION_IDS)[number]) => scopeCovers(scope, polizeidirektion);
    const uebersicht = foerderungUebersicht({
      stand,
      haushaltsjahr: jahr ?? Number(stand.slice(0, 4)),
      antraege,
      budgets,
      oeffentlichAm: oeffentlich ? todayInSaxony() : null,
      gebiet: kreis ?? pd ?? 'land',
      polizeidirektionen: POLIZEIDIREKTION_IDS.filter(inScope),
      // „Stadt Leipzig“ and „Landkreis Leipzig“, not two rows „Leipzig“.
      kreise: KREISE.filter((k) => inScope(k.polizeidirektion)).map((k) => ({ ...k, name: kreisLabel(k.ags) })),
    });
    await alsListe(res, uebersicht, format, () =>
      foerderTabelle(uebersicht, tabelle, {
        stand,
        angaben: angabenFuer({
          stand,
          scope,
          gewaehlt: { pd, kreis },
          filter: [`Haushaltsjahr ${uebersicht.haushaltsjahr}`],
          von: actorOf(res).name,
          // The public's figures of an area are hidden (public-figures.ts): no applications in them.
          demodaten: (!oeffentlich || !(pd || kreis)) && antraege.some((a) => a.synthetisch),
        }),
      }),
    );
  });

  // Per-application funding is not public.
  router.get('/foerderantraege', async (req, res) => {
    requireSignedIn(res);
    const { stand = todayInSaxony(), jahr, pd, kreis, format } = parseQuery(foerderantraegeQuerySchema, req);
    const scope = scopeOfRequest(res);
    checkArea(scope, { pd, kreis });
    const zeilen = await foerderantraege.list(handle.db, scope, stand, {
      haushaltsjahr: jahr,
      polizeidirektion: pd,
      kreis,
    });
    await alsListe(res, zeilen, format, () =>
      antraegeTabelle(zeilen, {
        stand,
        angaben: angabenFuer({
          stand,
          scope,
          gewaehlt: { pd, kreis },
          filter: jahr ? [`Haushaltsjahr ${jahr}`] : [],
          von: actorOf(res).name,
          demodaten: zeilen.filter((a) => a.synthetisch).length,
        }),
      }),
    );
  });

  router.post('/foerderantraege', async (req, res) => {
    const input = parseBody(foerderantragCreateSchema, req);
    const { result } = await createFoerderantrag(handle, actorOf(res), input, {
      idempotencyKey: idempotencyKeyOf(req),
    });
    res.status(201).json(result);
  });

  router.put('/foerderantraege/:id', async (req, res) => {
    const id = parseParam(idParamSchema, req.params.id);
    const input = parseBody(foerderantragUpdateSchema, req);
    res.json((await updateFoerderantrag(handle, actorOf(res), id, input)).result);
  });

  router.post('/foerderantraege/:id/auszahlungen', async (req, res) => {
    const id = parseParam(idParamSchema, req.params.id);
    const input = parseBody(auszahlungCreateSchema, req);
    res.status(201).json((await addAuszahlung(handle, actorOf(res), id, input)).result);
  });

  return router;
}
