import express, { type ErrorRequestHandler } from 'express';
import { isOverBudget, isUnavailable } from '@asskomm/db';
import type { AuthService } from './auth/auth-service.ts';
import type { DatabaseState } from './database.ts';
import { HttpError, type HealthReport } from '@asskomm/domain';
import { LineFull } from './line.ts';
import { sendError } from './http.ts';
import { adminRoutes } from './routes/admin.ts';
import { ansprechpartnerRoutes } from './routes/ansprechpartner.ts';
import { authRoutes, type AuthRoutesDeps } from './routes/auth.ts';
import { berichtRoutes, type BerichtDeps } from './routes/bericht.ts';
import { foerderungRoutes } from './routes/foerderung.ts';
import { kommunenRoutes } from './routes/kommunen.ts';
import { kpiRoutes } from './routes/kpi.ts';
import { praesentationRoutes, type PraesentationDeps } from './routes/praesentation.ts';
import { metricsRoute, type MetricsDeps } from './routes/metrics.ts';
import { auditRoutes, benutzerRoutes } from './routes/benutzer.ts';
import { stocktRoutes } from './routes/stockt.ts';
import { wiedervorlagenRoutes } from './routes/wiedervorlagen.ts';
import { zusammenarbeitRoutes } from './routes/zusammenarbeit.ts';
import { anonymousLine, anonymousRateLimit } from './rate-limit.ts';
import { sameOriginWrites } from './same-origin.ts';

export interface ApiDeps extends AuthRoutesDeps {
  auth: AuthService;
  database: DatabaseState;
  version: string;
  startedAt: number;
  metrics: MetricsDeps;
  broadcastPraesentation: PraesentationDeps['broadcast'];
  /** Anonymous API requests per address and minute (rate-limit.ts). */
  requestsPerMinute: number;
  /** Proves a request comes from this process's page rendering (rate-limit.ts). */
  ssrToken: string | undefined;
  bericht: Omit<BerichtDeps, 'handle'>;
}

/** API paths that were renamed → their name now; old bookmarks and scripts are redirected. */
const RENAMED_PATHS: Record<string, string> = { '/users': '/benutzer' };

/** The JSON API under /api. Every answer is JSON, errors included, with a German message. */
export function createApi(deps: ApiDeps): express.Router {
  const { auth, database, version, startedAt } = deps;
  const api = express.Router();
  api.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  api.get('/health', async (_req, res) => {
    const up = database.ready && (await database.ping());
    const report: HealthReport = {
      status: up ? 'ok' : 'unavailable',
      database: auth.handle.kind,
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
  api.use(sameOriginWrites);
  api.use(express.json({ limit: '16kb' }));
  api.use(async (req, res, next) => {
    res.locals.auth = await auth.resolve(req);
    next();
  });
  api.use(anonymousRateLimit(auth.handle, deps.requestsPerMinute, deps.ssrToken));

  // Paths renamed by the naming rule (docs/naming.md): a 308 keeps the method and the body.
  for (const [old, renamed] of Object.entries(RENAMED_PATHS)) {
    api.use(old, (req, res) =>
      // `req.url` is the rest after the old path: `/`, `/7/password`, `/?x=1`.
      res.redirect(308, `${req.baseUrl.slice(0, -old.length)}${renamed}${req.url.replace(/^\/(?=\?|$)/, '')}`),
    );
  }
  api.use('/metrics', metricsRoute(deps.metrics));
  api.use('/auth', authRoutes(deps));
  api.use(anonymousLine());
  api.use('/benutzer', benutzerRoutes(deps));
  api.use('/audit', auditRoutes(auth));
  api.use('/admin', adminRoutes(auth.handle, auth.demoMode));
  api.use(kommunenRoutes(auth.handle));
  api.use(kpiRoutes(auth.handle));
  api.use(zusammenarbeitRoutes(auth.handle));
  api.use(ansprechpartnerRoutes(auth.handle));
  api.use(wiedervorlagenRoutes(auth.handle));
  api.use(stocktRoutes(auth.handle));
  api.use(praesentationRoutes({ handle: auth.handle, broadcast: deps.broadcastPraesentation }));
  api.use(foerderungRoutes(auth.handle));
  api.use(berichtRoutes({ handle: auth.handle, ...deps.bericht }));

  api.use((_req, res) => sendError(res, 404, { error: 'Diesen API-Pfad gibt es nicht.' }));

  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    if (error instanceof HttpError) {
      return sendError(res, error.status, { ...error.extra, error: error.message, field: error.field });
    }
    if (error instanceof LineFull) return sendError(res, 503, { error: error.message });
    if (isOverBudget(error)) {
      return sendError(res, 503, {
        error: 'Die Anfrage hat zu lange gedauert und wurde abgebrochen. Bitte versuchen Sie es gleich noch einmal.',
      });
    }
    const status = (error as { status?: number; type?: string }).status;
    if ((error as { type?: string }).type === 'entity.parse.failed') {
      return sendError(res, 400, { error: 'Der Anfragetext ist kein gültiges JSON.' });
    }
    if (status === 413) return sendError(res, 413, { error: 'Der Anfragetext ist zu groß.' });
    if (error instanceof URIError || status === 400) {
      return sendError(res, 400, { error: 'Die Anfrage ist fehlerhaft kodiert.' });
    }
    if (status !== undefined && status >= 400 && status < 500) {
      return sendError(res, status, { error: 'Die Anfrage kann so nicht angenommen werden.' });
    }
    void (isUnavailable(error) ? Promise.resolve(false) : database.ping()).then((up) => {
      if (!up)
        return sendError(res, 503, { error: 'Die Datenbank ist nicht erreichbar. Bitte gleich erneut versuchen.' });
      console.error(error);
      sendError(res, 500, { error: 'Interner Fehler. Er wurde protokolliert.' });
    });
  };
  api.use(onError);
  return api;
}
