import express from 'express';
import { events, kommentare, kommunen, type DbHandle } from '@asskomm/db';
import {
  aktivitaetQuerySchema,
  canKommentieren,
  gelesenSchema,
  kommentarCreateSchema,
  mentionedHandles,
  scopeOf,
  type Kommentar,
  type PolizeidirektionId,
} from '@asskomm/domain';
import { z } from 'zod';
import { HttpError, NOT_FOUND, parseBody, parseParam, parseQuery, principalOf, requireSignedIn } from '../http.ts';

const agsParamSchema = z.string().regex(/^14\d{3}(\d{3})?$/);

/**
 * Working together: the activity feed of the scope, a Kommune's change history and comment thread
 * (with @mentions), and the signed-in user's notifications.
 */
export function zusammenarbeitRoutes(handle: DbHandle): express.Router {
  const router = express.Router();
  const { db } = handle;

  /** The Kommune's area when it lies in the caller's scope; 404 otherwise (no hint that it exists). */
  const kommuneInScope = async (res: express.Response, rawAgs: unknown): Promise<{ ags: string }> => {
    const ags = parseParam(agsParamSchema, rawAgs);
    if (!(await kommunen.existsInScope(db, scopeOf(principalOf(res)), ags))) throw new HttpError(404, NOT_FOUND);
    return { ags };
  };

  router.get('/aktivitaet', async (req, res) => {
    const query = parseQuery(aktivitaetQuerySchema, req);
    res.json(await events.newest(db, scopeOf(principalOf(res)), query));
  });

  router.get('/kommunen/:ags/verlauf', async (req, res) => {
    const query = parseQuery(aktivitaetQuerySchema, req);
    const { ags } = await kommuneInScope(res, req.params.ags);
    res.json(await events.newest(db, scopeOf(principalOf(res)), { ...query, ags }));
  });

  router.get('/kommunen/:ags/kommentare', async (req, res) => {
    requireSignedIn(res);
    const { ags } = await kommuneInScope(res, req.params.ags);
    const pd = await areaOf(ags);
    res.json({ kommentare: await kommentare.list(db, ags), erwaehnbar: await kommentare.mentionable(db, pd) });
  });

  router.post('/kommunen/:ags/kommentare', async (req, res) => {
    const session = requireSignedIn(res);
    const principal = principalOf(res);
    if (!canKommentieren(principal)) throw new HttpError(403, 'In dieser Ansicht kann nicht kommentiert werden.');
    const { text } = parseBody(kommentarCreateSchema, req);
    const { ags } = await kommuneInScope(res, req.params.ags);
    // Naming oneself notifies no one.
    const erwaehnt = resolveMentions(text, await kommentare.mentionable(db, await areaOf(ags))).filter(
      (user) => user.id !== session.benutzerId,
    );
    const kommentar = await db.transaction().execute(async (trx) => {
      const { kommentar, benachrichtigungen } = await kommentare.create(trx, {
        ags,
        autorId: session.benutzerId,
        text,
        erwaehnt,
      });
      const { version } = await trx
        .selectFrom('kommune')
        .select('version')
        .where('ags', '=', ags)
        .executeTakeFirstOrThrow();
      await events.append(
        trx,
        {
          type: 'kommentar:created',
          ags,
          version,
          before: null,
          after: {
            ...kommentar,
            erwaehnt: erwaehnt.map((user) => ({ ...user, benachrichtigung: benachrichtigungen.get(user.id) })),
          },
          actorId: session.benutzerId,
        },
        handle.appended,
      );
      return kommentar;
    });
    const created: Kommentar = { ...kommentar, autor: { id: session.benutzerId, name: session.benutzer.name } };
    res.status(201).json(created);
  });

  router.get('/benachrichtigungen', async (_req, res) => {
    const session = requireSignedIn(res);
    res.json(await kommentare.benachrichtigungenOf(db, session.benutzerId));
  });

  router.post('/benachrichtigungen/gelesen', async (req, res) => {
    const session = requireSignedIn(res);
    const { ids } = parseBody(gelesenSchema, req);
    res.json({ ungelesen: await kommentare.markRead(db, session.benutzerId, ids) });
  });

  async function areaOf(ags: string): Promise<PolizeidirektionId> {
    const row = await db
      .selectFrom('kommune')
      .select('polizeidirektion_id')
      .where('ags', '=', ags)
      .executeTakeFirstOrThrow();
    return row.polizeidirektion_id as PolizeidirektionId;
  }

  return router;
}

/** The users a text @mentions; 422 naming the first handle nobody who can see the Kommune has. */
function resolveMentions(
  text: string,
  mentionable: { id: number; name: string; handle: string }[],
): { id: number; name: string }[] {
  const found: { id: number; name: string }[] = [];
  for (const handle of mentionedHandles(text)) {
    const users = mentionable.filter((user) => user.handle === handle);
    if (users.length !== 1) {
      throw new HttpError(
        422,
        users.length
          ? `@${handle} ist nicht eindeutig; bitte die Person anders ansprechen.`
          : `@${handle} kennen wir nicht, oder diese Person kann diese Kommune nicht sehen.`,
        'text',
      );
    }
    found.push({ id: users[0]!.id, name: users[0]!.name });
  }
  return found;
}
