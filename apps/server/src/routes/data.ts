import express from 'express';
import { kommunen, kpi, type DbHandle } from '@asskomm/db';
import {
  kommunenQuerySchema,
  kpiQuerySchema,
  kpiVerlaufQuerySchema,
  monthEnds,
  PROGRAMME_START,
  scopeCovers,
  scopeOf,
  todayInSaxony,
  type KpiPoint,
  type PolizeidirektionId,
  type Scope,
} from '@asskomm/domain';
import { kreisByAgs, polizeidirektionOfKreis } from '@asskomm/geo';
import { HttpError, NOT_FOUND, parseQuery, principalOf } from '../http.ts';
import { perCommitCache } from './per-commit-cache.ts';

/** A filter outside the caller's scope answers 404, as if it did not exist. */
export function checkArea(
  scope: Scope,
  area: { pd?: PolizeidirektionId | undefined; kreis?: string | undefined },
): void {
  if (area.pd && !scopeCovers(scope, area.pd)) throw new HttpError(404, NOT_FOUND);
  if (area.kreis) {
    if (!kreisByAgs(area.kreis)) throw new HttpError(400, 'Parameter „kreis“: unbekannter Kreis', 'kreis');
    if (!scopeCovers(scope, polizeidirektionOfKreis(area.kreis))) throw new HttpError(404, NOT_FOUND);
  }
}

/** Kommunen and KPIs, always limited to the caller's scope. */
export function dataRoutes(handle: DbHandle): express.Router {
  const router = express.Router();

  router.get('/kommunen', async (req, res) => {
    const { stand = todayInSaxony() } = parseQuery(kommunenQuerySchema, req);
    res.json(await kommunen.findKommunenAsOf(handle.db, scopeOf(principalOf(res)), stand));
  });

  router.get('/kpi', async (req, res) => {
    const { stand = todayInSaxony(), pd, kreis } = parseQuery(kpiQuerySchema, req);
    const scope = scopeOf(principalOf(res));
    checkArea(scope, { pd, kreis });
    res.json(await kpi.snapshot(handle.db, scope, stand, { polizeidirektion: pd, kreis }));
  });

  // The growth series is the most expensive answer and every open screen asks for it after a change.
  const verlauf = perCommitCache<KpiPoint[]>(handle);
  router.get('/kpi/verlauf', async (req, res) => {
    const { bis = todayInSaxony(), pd, kreis } = parseQuery(kpiVerlaufQuerySchema, req);
    const scope = scopeOf(principalOf(res));
    checkArea(scope, { pd, kreis });
    const dates = [...new Set([...monthEnds(PROGRAMME_START, bis), bis])].filter((d) => d <= bis);
    res.json(
      await verlauf([scope, pd, kreis, bis], () =>
        kpi.countsOn(handle.db, scope, dates, { polizeidirektion: pd, kreis }),
      ),
    );
  });

  return router;
}
