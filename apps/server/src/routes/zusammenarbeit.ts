import express from 'express';
import { createKommentar, events, kommentare, kommunen, type DbHandle } from '@asskomm/db';
import {
  agsSchema,
  aktivitaetQuerySchema,
  gelesenSchema,
  HttpError,
  kommentarCreateSchema,
  NOT_FOUND,
  todayInSaxony,
  type Scope,
} from '@asskomm/domain';
import { kommuneName } from '@asskomm/geo';
import { angabenFuer } from '../export/angaben.ts';
import { ereignisTabelle } from '../export/kommune.ts';
import { alsListe } from '../export/send.ts';
import { actorOf, requireSignedIn, scopeOfRequest } from '../authorization.ts';
import { idempotencyKeyOf, parseBody, parseParam, parseQuery } from '../http.ts';

/**
 * Working together: the activity feed of the scope, a Kommune's change history and comment thread
 * (with @mentions), and the signed-in user's notifications.
 */
export function zusammenarbeitRoutes(handle: DbHandle): express.Router {
  const router = express.Router();
  const { db } = handle;

  /** The Kommune (current or dissolved) when it lies in the scope; 404 otherwise (no hint that it exists). */
  const kommuneInScope = async (scope: Scope, rawAgs: unknown) => {
    const ags = parseParam(agsSchema, rawAgs);
    const polizeidirektion = await kommunen.polizeidirektionIn(db, scope, ags);
    if (!polizeidirektion) throw new HttpError(404, NOT_FOUND);
    return { ags, polizeidirektion };
  };

  /** The newest events as JSON or a file; `name` and `kommune` say what the file holds. */
  const sendeEreignisse = async (
    res: express.Response,
    { format, ...query }: ReturnType<typeof aktivitaetQuerySchema.parse>,
    name: string,
    ags?: string,
  ) => {
    const scope = scopeOfRequest(res);
    const zeilen = await events.newest(db, scope, { ...query, ags });
    const stand = todayInSaxony();
    const filter = [
      ...(ags ? [`Kommune ${kommuneName(ags)} (${ags})`] : []),
      `die neuesten ${query.limit} Änderungen${query.vor ? ` vor Nr. ${query.vor}` : ''}`,
    ];
    await alsListe(res, zeilen, format, () =>
      ereignisTabelle(name, zeilen, {
        stand,
        angaben: angabenFuer({
          stand,
          scope,
          filter,
          von: actorOf(res).name,
          demodaten: zeilen.filter((e) => e.after !== null && 'synthetisch' in e.after && e.after.synthetisch).length,
        }),
      }),
    );
  };

  router.get('/aktivitaet', async (req, res) => {
    await sendeEreignisse(res, parseQuery(aktivitaetQuerySchema, req), 'Aenderungen');
  });

  router.get('/kommunen/:ags/verlauf', async (req, res) => {
    const query = parseQuery(aktivitaetQuerySchema, req);
    const { ags } = await kommuneInScope(scopeOfRequest(res), req.params.ags);
    await sendeEreignisse(res, query, `Verlauf_${ags}`, ags);
  });

  router.get('/kommunen/:ags/kommentare', async (req, res) => {
    requireSignedIn(res);
    const { ags, polizeidirektion } = await kommuneInScope(scopeOfRequest(res), req.params.ags);
    res.json({
      kommentare: await kommentare.list(db, ags),
      erwaehnbar: await kommentare.mentionable(db, polizeidirektion),
    });
  });

  router.post('/kommunen/:ags/kommentare', async (req, res) => {
    const ags = parseParam(agsSchema, req.params.ags);
    const { text } = parseBody(kommentarCreateSchema, req);
    const { result } = await createKommentar(
      handle,
      actorOf(res),
      { ags, text },
      { idempotencyKey: idempotencyKeyOf(req) },
    );
    res.status(201).json(result);
  });

  router.get('/benachrichtigungen', async (_req, res) => {
    const session = requireSignedIn(res);
    res.json(await kommentare.benachrichtigungenOf(db, scopeOfRequest(res), session.benutzerId));
  });

  router.post('/benachrichtigungen/gelesen', async (req, res) => {
    const session = requireSignedIn(res);
    const { ids } = parseBody(gelesenSchema, req);
    res.json({ ungelesen: await kommentare.markRead(db, scopeOfRequest(res), session.benutzerId, ids) });
  });

  return router;
}
