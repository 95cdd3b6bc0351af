import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import type { z } from 'zod';
import { kommunen, kpi, type DbHandle } from '@asskomm/db';
import {
  kommunenQuerySchema,
  kpiQuerySchema,
  kpiVerlaufQuerySchema,
  monthEnds,
  parseGerman,
  PROGRAMME_START,
  todayInSaxony,
  type ApiError,
  type HealthReport,
} from '@asskomm/domain';
import type { DatabaseState } from './database.ts';

export interface ApiDeps {
  handle: DbHandle;
  database: DatabaseState;
  version: string;
  startedAt: number;
}

class BadRequest extends Error {
  constructor(
    message: string,
    readonly field: string | undefined,
  ) {
    super(message);
  }
}

function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const parsed = parseGerman(schema, req.query);
  if (parsed.success) return parsed.data;
  throw new BadRequest(parsed.message, parsed.field);
}

function sendError(res: Response, status: number, body: ApiError): void {
  res.status(status).json(body);
}

/** The JSON API under /api. Every answer is JSON, errors included. */
export function createApi({ handle, database, version, startedAt }: ApiDeps): express.Router {
  const api = express.Router();

  api.get('/health', async (_req, res) => {
    const up = database.ready && (await database.ping());
    const report: HealthReport = {
      status: up ? 'ok' : 'unavailable',
      database: handle.kind,
      version,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
    res.status(up ? 200 : 503).json(report);
  });

  // Everything below needs the database.
  api.use((_req, res, next) => {
    if (database.ready) return next();
    sendError(res, 503, { error: 'Die Datenbank ist noch nicht bereit. Bitte gleich noch einmal versuchen.' });
  });

  api.get('/kommunen', async (req, res) => {
    const { stand = todayInSaxony() } = parseQuery(kommunenQuerySchema, req);
    res.json(await kommunen.findKommunenAsOf(handle.db, stand));
  });

  api.get('/kpi', async (req, res) => {
    const { stand = todayInSaxony(), pd, kreis } = parseQuery(kpiQuerySchema, req);
    res.json(await kpi.snapshot(handle.db, stand, { polizeidirektion: pd, kreis }));
  });

  api.get('/kpi/verlauf', async (req, res) => {
    const { bis = todayInSaxony(), pd, kreis } = parseQuery(kpiVerlaufQuerySchema, req);
    const dates = [...new Set([...monthEnds(PROGRAMME_START, bis), bis])].filter((d) => d <= bis);
    res.json(await kpi.countsOn(handle.db, dates, { polizeidirektion: pd, kreis }));
  });

  api.use((_req, res) => sendError(res, 404, { error: 'Diesen API-Pfad gibt es nicht.' }));

  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    if (error instanceof BadRequest) return sendError(res, 400, { error: error.message, field: error.field });
    if (error instanceof URIError || (error as { status?: number }).status === 400) {
      return sendError(res, 400, { error: 'Die Anfrage ist fehlerhaft kodiert.' });
    }
    void database.ping().then((up) => {
      if (!up)
        return sendError(res, 503, { error: 'Die Datenbank ist nicht erreichbar. Bitte gleich erneut versuchen.' });
      console.error(error);
      sendError(res, 500, { error: 'Interner Fehler. Er wurde protokolliert.' });
    });
  };
  api.use(onError);
  return api;
}
