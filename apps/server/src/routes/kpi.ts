import express from 'express';
import { foerderantraege, kpi, type DbHandle } from '@asskomm/db';
import {
  kpiQuerySchema,
  kpiVerlaufQuerySchema,
  monthEnds,
  oeffentlicheFoerderKpi,
  PROGRAMME_START,
  todayInSaxony,
  type KpiPoint,
  type KpiSnapshot,
} from '@asskomm/domain';
import { actorOf, checkArea, scopeOfRequest } from '../authorization.ts';
import { angabenFuer } from '../export/angaben.ts';
import { verlaufTabelle } from '../export/kpi.ts';
import { alsListe } from '../export/send.ts';
import { parseQuery } from '../http.ts';
import { hidesSmallFoerderung } from '../kiosk.ts';
import { perCommitCache } from './per-commit-cache.ts';

/** The headline figures and the growth series, always limited to the caller's scope. */
export function kpiRoutes(handle: DbHandle): express.Router {
  const router = express.Router();

  router.get('/kpi', async (req, res) => {
    const { stand = todayInSaxony(), pd, kreis } = parseQuery(kpiQuerySchema, req);
    const scope = scopeOfRequest(res);
    checkArea(scope, { pd, kreis });
    const oeffentlich = await hidesSmallFoerderung(handle, req, scope);
    const gebiet = kreis ?? pd ?? 'land';
    const [zahlen, land] = await Promise.all([
      kpi.snapshot(handle.db, scope, stand, { polizeidirektion: pd, kreis }),
      // The same public figures as the public funding view (GET /api/foerderung) of that year.
      oeffentlich && gebiet === 'land' ? foerderantraege.list(handle.db, scope, stand) : [],
    ]);
    const snapshot: KpiSnapshot = {
      ...zahlen,
      foerderung: oeffentlich
        ? oeffentlicheFoerderKpi(zahlen.foerderung, land, stand, todayInSaxony(), gebiet)
        : { ...zahlen.foerderung, verborgen: false },
    };
    res.json(snapshot);
  });

  // The growth series is the most expensive answer and every open screen asks for it after a change.
  const verlauf = perCommitCache<KpiPoint[]>(handle);
  router.get('/kpi/verlauf', async (req, res) => {
    const { bis = todayInSaxony(), pd, kreis, format } = parseQuery(kpiVerlaufQuerySchema, req);
    const scope = scopeOfRequest(res);
    checkArea(scope, { pd, kreis });
    const dates = [...new Set([...monthEnds(PROGRAMME_START, bis), bis])].filter((d) => d <= bis);
    const punkte = await verlauf([scope, pd, kreis, bis], () =>
      kpi.countsOn(handle.db, scope, dates, { polizeidirektion: pd, kreis }),
    );
    // Whether demo records are in the sums, for the file's Angaben (the JSON has no such field).
    const demodaten = format
      ? (await kpi.snapshot(handle.db, scope, bis, { polizeidirektion: pd, kreis })).demodaten
      : false;
    await alsListe(res, punkte, format, () =>
      verlaufTabelle(punkte, {
        stand: bis,
        angaben: angabenFuer({
          stand: bis,
          scope,
          gewaehlt: { pd, kreis },
          filter: [],
          von: actorOf(res).name,
          demodaten,
        }),
      }),
    );
  });

  return router;
}
