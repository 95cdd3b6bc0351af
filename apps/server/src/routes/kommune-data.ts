import express, { type Response } from 'express';
import { events, foerderantraege, kommunen, meilensteine, type DbHandle } from '@asskomm/db';
import {
  canEditDomainData,
  checkMeilensteine,
  deriveStatus,
  idParamSchema,
  kommunenQuerySchema,
  meilensteinCorrectSchema,
  meilensteinCreateSchema,
  scopeOf,
  unterzeichnungCreateSchema,
  todayInSaxony,
  withdrawSchema,
  type DomainEvent,
  type KommuneDetail,
  type MeilensteinRecord,
  type Principal,
  type Scope,
} from '@asskomm/domain';
import type { Transaction } from 'kysely';
import type { Database } from '@asskomm/db';
import { z } from 'zod';
import { HttpError, NOT_FOUND, parseBody, parseParam, parseQuery, principalOf, requireSignedIn } from '../http.ts';

const agsParamSchema = z.string().regex(/^14\d{3}(\d{3})?$/);

/** 401 for visitors, 403 for roles that may read but not change domain data. */
export function requireEditor(res: Response): Principal {
  requireSignedIn(res);
  const principal = principalOf(res);
  if (!canEditDomainData(principal)) throw new HttpError(403, 'Ihre Rolle darf diese Daten nur lesen, nicht ändern.');
  return principal;
}

/** What the public may see of a milestone: kind and date, no notes, sources or names. */
function publicMeilenstein(m: MeilensteinRecord): MeilensteinRecord {
  return {
    ...m,
    notiz: null,
    quelle: null,
    erfasstVon: null,
    zurueckgezogen: m.zurueckgezogen && { ...m.zurueckgezogen, von: null, grund: '' },
  };
}

/** A Kommune with everything the scope may see of it; undefined outside the scope. */
export async function kommuneDetail(
  handle: DbHandle,
  scope: Scope,
  ags: string,
  stand: string,
): Promise<KommuneDetail | undefined> {
  const summary = await kommunen.findKommuneAsOf(handle.db, scope, ags, stand);
  if (!summary) return undefined;
  const details = await kommunen.detailsOf(handle.db, ags);
  const history = await meilensteine.listOf(handle.db, [ags, ...details.vorgaenger.map((v) => v.ags)]);
  const active = history.filter((m) => !m.zurueckgezogen && m.date <= stand);
  const facts = deriveStatus(active, stand);
  const isPublic = scope.kind === 'public';
  return {
    ...summary,
    ...details,
    flags: {
      coaching: facts.coaching,
      sicherheitsanalyse: facts.sicherheitsanalyse,
      koordinierungsstelle: facts.koordinierungsstelle,
    },
    meilensteine: isPublic ? history.filter((m) => !m.zurueckgezogen).map(publicMeilenstein) : history,
    foerderantraege: isPublic ? [] : await foerderantraege.list(handle.db, scope, stand, { ags }),
  };
}

/** Stale version: 409 with the Kommune as it is now and who changed it last. */
async function conflict(handle: DbHandle, scope: Scope, ags: string): Promise<never> {
  const last = await events.latestFor(handle.db, ags);
  const who = last?.actor ? ` von ${last.actor}` : '';
  throw new HttpError(
    409,
    `Die Daten dieser Kommune wurden inzwischen${who} geändert. Bitte die aktuelle Fassung prüfen und die Änderung erneut anwenden oder verwerfen.`,
    'version',
    {
      aktuell: await kommuneDetail(handle, scope, ags, todayInSaxony()),
      letzteAenderung: last ?? null,
    },
  );
}

/** Throws 422 with the first rule violation of the Kommune's milestones as they would be. */
function enforceRules(next: readonly { kind: MeilensteinRecord['kind']; date: string }[]): void {
  const [problem] = checkMeilensteine(next, todayInSaxony());
  if (problem) throw new HttpError(422, problem.message, problem.field);
}

export interface KommuneDataDeps {
  handle: DbHandle;
}

/**
 * Kommune details and the commands on their history: record, correct and withdraw milestones, and
 * signings that cover several Kommunen. Each runs in one transaction with the Kommune's row locked,
 * checks the version the user saw, applies the shared rules and appends its event.
 */
export function kommuneDataRoutes({ handle }: KommuneDataDeps): express.Router {
  const router = express.Router();

  /** Runs a command for one Kommune: scope (404), permission (403), lock, version (409). */
  const onKommune = async <T>(
    res: Response,
    ags: string,
    version: number,
    command: (
      trx: Transaction<Database>,
      actorId: number,
    ) => Promise<{ result: T; event: Omit<DomainEvent, 'seq' | 'at' | 'actor' | 'version' | 'ags'> }>,
    options: { dissolvedAllowed?: boolean } = {},
  ): Promise<{ result: T; event: DomainEvent }> => {
    const scope = scopeOf(principalOf(res));
    const outcome = await handle.db.transaction().execute(async (trx) => {
      const kommune = await kommunen.lockInScope(trx, scope, ags);
      if (!kommune) throw new HttpError(404, 'Diese Kommune gibt es nicht (oder nicht in Ihrem Bereich).');
      const principal = requireEditor(res);
      if (kommune.gueltigBis && !options.dissolvedAllowed) {
        throw new HttpError(
          422,
          `${kommune.name} besteht seit ${kommune.gueltigBis} nicht mehr; bitte beim Nachfolger erfassen.`,
          'ags',
        );
      }
      if (kommune.version !== version) return { stale: true as const };
      const { result, event } = await command(trx, principal.benutzerId!);
      const newVersion = await kommunen.bumpVersion(trx, ags);
      const appended = await events.append(
        trx,
        { ...event, ags, version: newVersion, actorId: principal.benutzerId },
        handle.appended,
      );
      return { stale: false as const, result, event: appended };
    });
    if (outcome.stale) return conflict(handle, scope, ags);
    return outcome;
  };

  router.get('/kommunen/:ags', async (req, res) => {
    const ags = parseParam(agsParamSchema, req.params.ags);
    const { stand } = parseQuery(kommunenQuerySchema, req);
    const detail = await kommuneDetail(handle, scopeOf(principalOf(res)), ags, stand ?? todayInSaxony());
    if (!detail) throw new HttpError(404, 'Diese Kommune gibt es nicht (oder nicht in Ihrem Bereich).');
    res.json(detail);
  });

  router.post('/kommunen/:ags/meilensteine', async (req, res) => {
    const ags = parseParam(agsParamSchema, req.params.ags);
    const input = parseBody(meilensteinCreateSchema, req);
    const { result, event } = await onKommune(res, ags, input.version, async (trx, actorId) => {
      enforceRules([...(await meilensteine.activeOf(trx, ags)), input]);
      const meilenstein = await meilensteine.insert(trx, { ...input, ags, erfasstVon: actorId });
      return { result: meilenstein, event: { type: 'meilenstein:recorded', before: null, after: { ...meilenstein } } };
    });
    res.status(201).json({ meilenstein: result, version: event.version, seq: event.seq });
  });

  /** An existing milestone whose Kommune is in the caller's scope; 404 otherwise, before anything else is said. */
  const meilensteinInScope = async (res: Response, id: number) => {
    const meilenstein = await meilensteine.findById(handle.db, id);
    if (!meilenstein || !(await kommunen.existsInScope(handle.db, scopeOf(principalOf(res)), meilenstein.ags))) {
      throw new HttpError(404, NOT_FOUND);
    }
    return meilenstein;
  };

  router.patch('/meilensteine/:id', async (req, res) => {
    const id = parseParam(idParamSchema, req.params.id);
    const meilenstein = await meilensteinInScope(res, id);
    const input = parseBody(meilensteinCorrectSchema, req);
    if (meilenstein.zurueckgezogen)
      throw new HttpError(422, 'Ein zurückgezogener Meilenstein kann nicht mehr korrigiert werden.');
    const { result, event } = await onKommune(
      res,
      meilenstein.ags,
      input.version,
      async (trx) => {
        const others = (await meilensteine.activeOf(trx, meilenstein.ags)).filter((m) => m.id !== id);
        enforceRules([...others, { kind: meilenstein.kind, date: input.date ?? meilenstein.date }]);
        const corrected = await meilensteine.correct(trx, id, input);
        return {
          result: corrected,
          event: { type: 'meilenstein:corrected', before: { ...meilenstein }, after: { ...corrected } },
        };
      },
      { dissolvedAllowed: true },
    );
    res.json({ meilenstein: result, version: event.version, seq: event.seq });
  });

  router.post('/meilensteine/:id/zurueckziehen', async (req, res) => {
    const id = parseParam(idParamSchema, req.params.id);
    const meilenstein = await meilensteinInScope(res, id);
    const input = parseBody(withdrawSchema, req);
    if (meilenstein.zurueckgezogen) throw new HttpError(422, 'Dieser Meilenstein ist bereits zurückgezogen.');
    const { result, event } = await onKommune(
      res,
      meilenstein.ags,
      input.version,
      async (trx, actorId) => {
        enforceRules((await meilensteine.activeOf(trx, meilenstein.ags)).filter((m) => m.id !== id));
        const withdrawn = await meilensteine.withdraw(trx, id, actorId, input.grund);
        return {
          result: withdrawn,
          event: { type: 'meilenstein:withdrawn', before: { ...meilenstein }, after: { ...withdrawn } },
        };
      },
      { dissolvedAllowed: true },
    );
    res.json({ meilenstein: result, version: event.version, seq: event.seq });
  });

  router.post('/unterzeichnungen', async (req, res) => {
    requireSignedIn(res);
    const input = parseBody(unterzeichnungCreateSchema, req);
    const scope = scopeOf(principalOf(res));
    if (new Set(input.kommunen.map((k) => k.ags)).size !== input.kommunen.length) {
      throw new HttpError(400, 'Jede Kommune darf nur einmal genannt werden.', 'kommunen');
    }
    // All Kommunen or none: one transaction, every row locked in AGS order (no deadlock between signings).
    const outcome = await handle.db.transaction().execute(async (trx) => {
      const principal = principalOf(res);
      const locked = [];
      for (const { ags, version } of [...input.kommunen].sort((a, b) => a.ags.localeCompare(b.ags))) {
        const kommune = await kommunen.lockInScope(trx, scope, ags);
        if (!kommune)
          throw new HttpError(404, `Die Kommune ${ags} gibt es nicht (oder nicht in Ihrem Bereich).`, 'kommunen');
        requireEditor(res);
        if (kommune.gueltigBis) throw new HttpError(422, `${kommune.name} besteht nicht mehr.`, 'kommunen');
        if (kommune.version !== version) return { staleAgs: ags };
        enforceRules([
          ...(await meilensteine.activeOf(trx, ags)),
          { kind: 'kooperationsvereinbarung', date: input.date },
        ]);
        locked.push(kommune);
      }
      const { id: unterzeichnungId } = await trx
        .insertInto('unterzeichnung')
        .values({
          datum: input.date,
          unterzeichner: input.unterzeichner,
          notiz: input.notiz ?? null,
          quelle: input.quelle ?? null,
          erfasst_von: principal.benutzerId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const recorded = [];
      for (const kommune of locked) {
        const meilenstein = await meilensteine.insert(trx, {
          ags: kommune.ags,
          kind: 'kooperationsvereinbarung',
          date: input.date,
          notiz: input.notiz ?? null,
          quelle: input.quelle ?? null,
          unterzeichnungId,
          erfasstVon: principal.benutzerId,
        });
        const version = await kommunen.bumpVersion(trx, kommune.ags);
        const event = await events.append(
          trx,
          {
            type: 'meilenstein:recorded',
            ags: kommune.ags,
            version,
            before: null,
            after: { ...meilenstein },
            actorId: principal.benutzerId,
          },
          handle.appended,
        );
        recorded.push({ meilenstein, version: event.version, seq: event.seq });
      }
      return { unterzeichnungId, recorded };
    });
    if ('staleAgs' in outcome) return conflict(handle, scope, outcome.staleAgs!);
    res.status(201).json(outcome);
  });

  return router;
}
