import express, { type Response } from 'express';
import { events, foerderantraege, kommunen, meilensteine, type DbHandle } from '@asskomm/db';
import {
  auszahlungCreateSchema,
  checkFoerderantrag,
  DEFAULT_BUDGET_CENT,
  FOERDER_BETRAEGE,
  FOERDER_JAHR_BETRAEGE,
  foerderantragCreateSchema,
  foerderantragUpdateSchema,
  foerderbetraegeAsOf,
  foerderSumme,
  foerderungQuerySchema,
  FOERDERZWECKE,
  HANDLUNGSFELDER,
  idParamSchema,
  POLIZEIDIREKTION_IDS,
  scopeOf,
  todayInSaxony,
  verborgeneGebieteAm,
  verborgeneZellen,
  zeigeOderVerberge,
  zuWenigeAntraege,
  type FoerderantragFacts,
  type FoerderSumme,
  type FoerderungUebersicht,
} from '@asskomm/domain';
import { KREISE } from '@asskomm/geo';
import type { Transaction } from 'kysely';
import type { Database } from '@asskomm/db';
import { HttpError, NOT_FOUND, parseBody, parseParam, parseQuery, principalOf, requireSignedIn } from '../http.ts';
import { hidesSmallFoerderung } from '../kiosk.ts';
import { checkArea } from './data.ts';
import { requireEditor } from './kommune-data.ts';

/** 422 with the first RL KommPräv rule the application would break. */
async function enforceFoerderungRules(
  trx: Transaction<Database>,
  ags: string,
  facts: FoerderantragFacts,
): Promise<void> {
  const advised = (await meilensteine.activeOf(trx, ags))
    .filter((m) => m.kind === 'erstberatung')
    .map((m) => m.date)
    .sort()[0];
  const [problem] = checkFoerderantrag(facts, { today: todayInSaxony(), erstberatungAm: advised ?? null });
  if (problem) throw new HttpError(422, problem.message, problem.field);
}

/**
 * Funding under the RL KommPräv: the aggregated overview (public), the applications (signed-in users
 * of the scope), and the commands to create and update applications and record payouts (LPR).
 */
export function foerderungRoutes(handle: DbHandle): express.Router {
  const router = express.Router();

  router.get('/foerderung', async (req, res) => {
    const { stand = todayInSaxony(), jahr, pd, kreis } = parseQuery(foerderungQuerySchema, req);
    const scope = scopeOf(principalOf(res));
    checkArea(scope, { pd, kreis });
    const haushaltsjahr = jahr ?? Number(stand.slice(0, 4));
    const oeffentlich = await hidesSmallFoerderung(handle, req, scope);
    const [all, budgets, land] = await Promise.all([
      foerderantraege.list(handle.db, scope, stand, { polizeidirektion: pd, kreis }),
      foerderantraege.budgets(handle.db),
      // The public's hidden cells come from the whole Land, the same for every filter.
      oeffentlich && (pd || kreis) ? foerderantraege.list(handle.db, scope, stand) : null,
    ]);
    const years = [...new Set([...all.map((a) => a.haushaltsjahr), ...budgets.keys()])]
      .filter((y) => y <= haushaltsjahr + 1)
      .sort();
    const gebiet = kreis ?? pd ?? 'land';
    const verborgenIn = (year: number): Set<string> =>
      oeffentlich ? verborgeneGebieteAm(land ?? all, year, stand) : new Set();
    const verborgen = verborgenIn(haushaltsjahr);
    const gebietVerborgen = verborgen.has(gebiet);
    // A breakdown cell of a filtered view is either a whole area or the filtered area itself.
    const zelle = <T extends FoerderSumme>(summe: T, schluessel: string) =>
      zeigeOderVerberge(summe, verborgen.has(schluessel) || (summe.anzahl > 0 && gebietVerborgen), FOERDER_BETRAEGE);
    const ofYear = all.filter((a) => a.haushaltsjahr === haushaltsjahr);
    const nachZweck = FOERDERZWECKE.map((zweck) => ({
      zweck,
      ...foerderSumme(
        ofYear.filter((a) => a.zweck === zweck),
        stand,
      ),
    }));
    // The purposes partition the area: hidden together with it, and never one alone.
    const zweckVerborgen = oeffentlich
      ? verborgeneZellen(
          {
            schluessel: 'gebiet',
            anzahl: nachZweck.reduce((sum, z) => sum + z.anzahl, 0),
            kinder: nachZweck.map((z) => ({ schluessel: z.zweck, anzahl: z.anzahl, kinder: [] })),
          },
          gebietVerborgen,
        )
      : new Set<string>();
    const uebersicht: FoerderungUebersicht = {
      stand,
      haushaltsjahr,
      jahre: years.map((year) => {
        const counted = all.filter((a) => a.haushaltsjahr === year && a.eingereichtAm <= stand);
        const sums = counted.map((a) => foerderbetraegeAsOf(a, stand));
        const total = (key: keyof (typeof sums)[number]) => sums.reduce((sum, b) => sum + b[key], 0);
        const budgetCent = budgets.get(year) ?? DEFAULT_BUDGET_CENT;
        const bewilligtCent = total('bewilligtCent');
        return zeigeOderVerberge(
          {
            haushaltsjahr: year,
            budgetCent,
            anzahl: counted.length,
            beantragtCent: total('beantragtCent'),
            bewilligtCent,
            ausgezahltCent: total('ausgezahltCent'),
            zurueckgefordertCent: total('zurueckgefordertCent'),
            ausschoepfung: budgetCent > 0 ? bewilligtCent / budgetCent : 0,
          },
          (year === haushaltsjahr ? verborgen : verborgenIn(year)).has(gebiet),
          FOERDER_JAHR_BETRAEGE,
        );
      }),
      // Handlungsfelder overlap (one application names several), so they are no partition.
      nachHandlungsfeld: HANDLUNGSFELDER.map((handlungsfeld) => {
        const summe = foerderSumme(
          ofYear.filter((a) => a.handlungsfelder.includes(handlungsfeld)),
          stand,
        );
        const klein = zuWenigeAntraege(summe.anzahl) || (summe.anzahl > 0 && gebietVerborgen);
        return { handlungsfeld, ...zeigeOderVerberge(summe, oeffentlich && klein, FOERDER_BETRAEGE) };
      }),
      nachZweck: nachZweck.map(({ zweck, ...summe }) => ({
        zweck,
        ...zeigeOderVerberge(summe, zweckVerborgen.has(zweck), FOERDER_BETRAEGE),
      })),
      nachPolizeidirektion: POLIZEIDIREKTION_IDS.filter(
        (id) => scope.kind !== 'polizeidirektion' || scope.polizeidirektion === id,
      ).map((polizeidirektion) => ({
        polizeidirektion,
        ...zelle(
          foerderSumme(
            ofYear.filter((a) => a.polizeidirektion === polizeidirektion),
            stand,
          ),
          polizeidirektion,
        ),
      })),
      nachKreis: KREISE.filter(
        (k) => scope.kind !== 'polizeidirektion' || k.polizeidirektion === scope.polizeidirektion,
      ).map((k) => ({
        kreis: k.ags,
        name: k.name,
        ...zelle(
          foerderSumme(
            ofYear.filter((a) => a.kreis === k.ags),
            stand,
          ),
          k.ags,
        ),
      })),
    };
    res.json(uebersicht);
  });

  // Per-application funding is not public.
  router.get('/foerderantraege', async (req, res) => {
    requireSignedIn(res);
    const { stand = todayInSaxony(), jahr, pd, kreis } = parseQuery(foerderungQuerySchema, req);
    const scope = scopeOf(principalOf(res));
    checkArea(scope, { pd, kreis });
    res.json(await foerderantraege.list(handle.db, scope, stand, { haushaltsjahr: jahr, polizeidirektion: pd, kreis }));
  });

  const commit = async (
    res: Response,
    ags: string,
    work: (trx: Transaction<Database>, actorId: number) => Promise<{ id: number; before: unknown }>,
  ) => {
    const scope = scopeOf(principalOf(res));
    const result = await handle.db.transaction().execute(async (trx) => {
      const kommune = await kommunen.lockInScope(trx, scope, ags);
      if (!kommune) throw new HttpError(404, 'Diese Kommune gibt es nicht (oder nicht in Ihrem Bereich).', 'ags');
      const principal = requireEditor(res);
      const { id, before } = await work(trx, principal.benutzerId!);
      const after = await foerderantraege.lockInScope(trx, scope, id, todayInSaxony());
      const version = await kommunen.bumpVersion(trx, ags);
      const event = await events.append(
        trx,
        {
          type: 'foerderantrag:saved',
          ags,
          version,
          before: before as Record<string, unknown> | null,
          after: { ...after },
          actorId: principal.benutzerId,
        },
        handle.appended,
      );
      return { antrag: after!, seq: event.seq };
    });
    return result;
  };

  router.post('/foerderantraege', async (req, res) => {
    requireSignedIn(res);
    const { ags, ...input } = parseBody(foerderantragCreateSchema, req);
    const result = await commit(res, ags, async (trx) => {
      const facts = { ...input, auszahlungen: [] };
      await enforceFoerderungRules(trx, ags, facts);
      return { id: await foerderantraege.insert(trx, ags, facts), before: null };
    });
    res.status(201).json(result);
  });

  /** An application in the caller's scope, or 404 before anything else is said. */
  const antragInScope = async (res: Response, id: number) => {
    const [antrag] = await foerderantraege.list(handle.db, scopeOf(principalOf(res)), todayInSaxony(), { id });
    if (!antrag) throw new HttpError(404, NOT_FOUND);
    return antrag;
  };

  const staleGuard = (current: { version: number }, seen: number) => {
    if (current.version !== seen) {
      throw new HttpError(
        409,
        'Dieser Antrag wurde inzwischen geändert. Bitte die aktuelle Fassung prüfen und die Änderung erneut anwenden oder verwerfen.',
        'version',
        { aktuell: current },
      );
    }
  };

  router.put('/foerderantraege/:id', async (req, res) => {
    requireSignedIn(res);
    const id = parseParam(idParamSchema, req.params.id);
    const existing = await antragInScope(res, id);
    const { version, ...input } = parseBody(foerderantragUpdateSchema, req);
    const result = await commit(res, existing.ags, async (trx) => {
      const current = (await foerderantraege.lockInScope(trx, { kind: 'land' }, id, todayInSaxony()))!;
      staleGuard(current, version);
      const facts = { ...input, auszahlungen: current.auszahlungen };
      await enforceFoerderungRules(trx, existing.ags, facts);
      await foerderantraege.replace(trx, id, facts);
      return { id, before: current };
    });
    res.json(result);
  });

  router.post('/foerderantraege/:id/auszahlungen', async (req, res) => {
    requireSignedIn(res);
    const id = parseParam(idParamSchema, req.params.id);
    const existing = await antragInScope(res, id);
    const { version, ...payout } = parseBody(auszahlungCreateSchema, req);
    const result = await commit(res, existing.ags, async (trx) => {
      const current = (await foerderantraege.lockInScope(trx, { kind: 'land' }, id, todayInSaxony()))!;
      staleGuard(current, version);
      const facts = { ...current, auszahlungen: [...current.auszahlungen, payout] };
      await enforceFoerderungRules(trx, existing.ags, facts);
      await foerderantraege.replace(trx, id, facts);
      return { id, before: current };
    });
    res.status(201).json(result);
  });

  return router;
}
