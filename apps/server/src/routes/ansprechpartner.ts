import express from 'express';
import {
  ansprechpartner,
  createAnsprechpartner,
  eraseAnsprechpartner,
  kommunen,
  updateAnsprechpartner,
  type DbHandle,
} from '@asskomm/db';
import {
  agsSchema,
  alsVCard,
  ansprechpartnerCreateSchema,
  ansprechpartnerUpdateSchema,
  formatQuerySchema,
  HttpError,
  idParamSchema,
  KOMMUNE_NOT_FOUND,
  NOT_FOUND,
  oeffentlicherAnsprechpartner,
  todayInSaxony,
  type Ansprechpartner,
  type OeffentlicherAnsprechpartner,
  type Scope,
} from '@asskomm/domain';
import { kommuneName } from '@asskomm/geo';
import { actorOf, scopeOfRequest } from '../authorization.ts';
import { angabenFuer } from '../export/angaben.ts';
import { ansprechpartnerTabelle } from '../export/arbeit.ts';
import { alsListe } from '../export/send.ts';
import { idempotencyKeyOf, parseBody, parseParam, parseQuery } from '../http.ts';

/** The contacts as the scope may see them: staff all, the public the public ones, without notes. */
function sichtbar(scope: Scope, alle: Ansprechpartner[]): (Ansprechpartner | OeffentlicherAnsprechpartner)[] {
  return scope.kind === 'public' ? alle.flatMap((a) => oeffentlicherAnsprechpartner(a) ?? []) : alle;
}

/** The contact persons of a Kommune: list (JSON, CSV, XLSX), vCard, and the commands that keep them. */
export function ansprechpartnerRoutes(handle: DbHandle): express.Router {
  const router = express.Router();
  const { db } = handle;

  router.get('/kommunen/:ags/ansprechpartner', async (req, res) => {
    const ags = parseParam(agsSchema, req.params.ags);
    const { format } = parseQuery(formatQuerySchema, req);
    const scope = scopeOfRequest(res);
    if (!(await kommunen.existsInScope(db, scope, ags))) throw new HttpError(404, KOMMUNE_NOT_FOUND);
    const zeilen = sichtbar(scope, await ansprechpartner.ofKommune(db, ags));
    res.set('Cache-Control', 'private, no-store');
    const stand = todayInSaxony();
    await alsListe(res, zeilen, format, () =>
      ansprechpartnerTabelle(ags, zeilen, {
        stand,
        angaben: angabenFuer({
          stand,
          scope,
          filter: [`Kommune ${kommuneName(ags)} (${ags})`],
          von: actorOf(res).name,
          demodaten: zeilen.filter((a) => a.synthetisch).length,
        }),
      }),
    );
  });

  router.get('/ansprechpartner/:id/vcard', async (req, res) => {
    const id = parseParam(idParamSchema, req.params.id);
    const scope = scopeOfRequest(res);
    const found = await ansprechpartner.findById(db, id);
    const [kontakt] = found && (await kommunen.existsInScope(db, scope, found.ags)) ? sichtbar(scope, [found]) : [];
    if (!kontakt) throw new HttpError(404, NOT_FOUND);
    res.attachment(`${kontakt.name.replace(/[^\p{L}\p{N} .-]/gu, '').trim() || 'Kontakt'}.vcf`);
    res.type('text/vcard; charset=utf-8');
    res.set('Cache-Control', 'private, no-store');
    res.send(alsVCard(kontakt, kommuneName(kontakt.ags)));
  });

  router.post('/kommunen/:ags/ansprechpartner', async (req, res) => {
    const ags = parseParam(agsSchema, req.params.ags);
    const input = parseBody(ansprechpartnerCreateSchema, req);
    const { result } = await createAnsprechpartner(handle, actorOf(res), ags, input, {
      idempotencyKey: idempotencyKeyOf(req),
    });
    res.status(201).json(result);
  });

  router.patch('/ansprechpartner/:id', async (req, res) => {
    const id = parseParam(idParamSchema, req.params.id);
    const input = parseBody(ansprechpartnerUpdateSchema, req);
    res.json((await updateAnsprechpartner(handle, actorOf(res), id, input)).result);
  });

  router.delete('/ansprechpartner/:id', async (req, res) => {
    const id = parseParam(idParamSchema, req.params.id);
    res.json((await eraseAnsprechpartner(handle, actorOf(res), id)).result);
  });

  return router;
}
