import express from 'express';
import { foerderantraege, kommunen, kpi, type DbHandle } from '@asskomm/db';
import {
  FOERDER_KPI_BETRAEGE,
  kommunenQuerySchema,
  kpiQuerySchema,
  kpiVerlaufQuerySchema,
  monthEnds,
  PROGRAMME_START,
  scopeCovers,
  scopeOf,
  todayInSaxony,
  verborgeneGebieteAm,
  zeigeOderVerberge,
  type KpiPoint,
  type KpiSnapshot,
  type PolizeidirektionId,
  type Scope,
} from '@asskomm/domain';
import { kreisByAgs, polizeidirektionOfKreis } from '@asskomm/geo';
import { HttpError, NOT_FOUND, parseQuery, principalOf } from '../http.ts';
import { hidesSmallFoerderung } from '../kiosk.ts';
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
    const oeffentlich = await hidesSmallFoerderung(handle, req, scope);
    const [zahlen, land] = await Promise.all([
      kpi.snapshot(handle.db, scope, stand, { polizeidirektion: pd, kreis }),
      // The same hidden areas as the public funding view (GET /api/foerderung) of that year and day.
      oeffentlich ? foerderantraege.list(handle.db, scope, stand) : null,
    ]);
    const { foerderung } = zahlen;
    const verborgen =
      land !== null && verborgeneGebieteAm(land, foerderung.haushaltsjahr, stand).has(kreis ?? pd ?? 'land');
    const snapshot: KpiSnapshot = {
      ...zahlen,
      foerderung: zeigeOderVerberge(foerderung, verborgen, FOERDER_KPI_BETRAEGE),
    };
    res.json(snapshot);
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
