import {
  EDIT_DOMAIN_DATA,
  HttpError,
  NOT_FOUND,
  type Actor,
  type MeilensteinKind,
  type MeilensteinRecord,
} from '@asskomm/domain';
import { runCommand, type Locate, type Outcome } from '../command.ts';
import type { DbHandle } from '../create-db.ts';
import * as kommunen from '../kommunen.ts';
import * as meilensteine from '../meilensteine.ts';
import { enforceMeilensteinRules } from './rules.ts';

/** What a milestone command answers: the milestone, and the Kommune's version and the event's seq after it. */
export interface MeilensteinAnswer {
  meilenstein: MeilensteinRecord;
  version: number;
  seq: number;
}

export interface MeilensteinCreate {
  ags: string;
  kind: MeilensteinKind;
  date: string;
  notiz?: string | null | undefined;
  quelle?: string | null | undefined;
  /** The Kommune's version the user saw (the API always sends one; tools and tests may leave it out). */
  version?: number | undefined;
}

type Options = { idempotencyKey?: string | undefined };

/** Records a milestone of a Kommune (LPR staff). */
export function recordMeilenstein(
  handle: DbHandle,
  actor: Actor,
  input: MeilensteinCreate,
  { idempotencyKey }: Options = {},
): Promise<Outcome<MeilensteinAnswer>> {
  const { ags, version, ...fields } = input;
  return runCommand(handle, {
    actor,
    kommunen: [{ ags, version }],
    may: EDIT_DOMAIN_DATA,
    idempotency: idempotencyKey ? { key: idempotencyKey, name: 'meilenstein:record', input } : undefined,
    work: async ({ trx }) => {
      enforceMeilensteinRules([...(await meilensteine.activeOf(trx, ags)), fields]);
      const meilenstein = await meilensteine.insert(trx, { ...fields, ags, erfasstVon: actor.principal.benutzerId });
      return {
        events: [{ type: 'meilenstein:recorded', ags, before: null, after: meilenstein }],
        answer: ([event]) => ({ meilenstein, version: event!.version!, seq: event!.seq }),
      };
    },
  });
}

/** The Kommune of milestone `id` when the caller's scope covers it; 404 otherwise (the same for a missing one). */
function locate(id: number, version: number): Locate {
  return async ({ trx, scope }) => {
    const meilenstein = await meilensteine.findById(trx, id);
    if (!meilenstein || !(await kommunen.existsInScope(trx, scope, meilenstein.ags))) {
      throw new HttpError(404, NOT_FOUND);
    }
    return [{ ags: meilenstein.ags, version }];
  };
}

/** Corrects the date, note or source of a milestone, also of a dissolved Kommune's history. */
export function correctMeilenstein(
  handle: DbHandle,
  actor: Actor,
  id: number,
  input: {
    date?: string | undefined;
    notiz?: string | null | undefined;
    quelle?: string | null | undefined;
    version: number;
  },
): Promise<Outcome<MeilensteinAnswer>> {
  return runCommand(handle, {
    actor,
    kommunen: locate(id, input.version),
    may: EDIT_DOMAIN_DATA,
    dissolvedAllowed: true,
    work: async ({ trx }) => {
      const before = (await meilensteine.findById(trx, id))!;
      if (before.zurueckgezogen) {
        throw new HttpError(422, 'Ein zurückgezogener Meilenstein kann nicht mehr korrigiert werden.');
      }
      const others = (await meilensteine.activeOf(trx, before.ags)).filter((m) => m.id !== id);
      enforceMeilensteinRules([...others, { kind: before.kind, date: input.date ?? before.date }]);
      const after = await meilensteine.correct(trx, id, input);
      return {
        events: [{ type: 'meilenstein:corrected', ags: before.ags, before, after }],
        answer: ([event]) => ({ meilenstein: after, version: event!.version!, seq: event!.seq }),
      };
    },
  });
}

/** Withdraws a milestone with a reason: the record stays, marked, and no longer counts. */
export function withdrawMeilenstein(
  handle: DbHandle,
  actor: Actor,
  id: number,
  input: { grund: string; version: number },
): Promise<Outcome<MeilensteinAnswer>> {
  return runCommand(handle, {
    actor,
    kommunen: locate(id, input.version),
    may: EDIT_DOMAIN_DATA,
    dissolvedAllowed: true,
    work: async ({ trx }) => {
      const before = (await meilensteine.findById(trx, id))!;
      if (before.zurueckgezogen) throw new HttpError(422, 'Dieser Meilenstein ist bereits zurückgezogen.');
      enforceMeilensteinRules((await meilensteine.activeOf(trx, before.ags)).filter((m) => m.id !== id));
      const after = await meilensteine.withdraw(trx, id, actor.principal.benutzerId, input.grund);
      return {
        events: [{ type: 'meilenstein:withdrawn', ags: before.ags, before, after }],
        answer: ([event]) => ({ meilenstein: after, version: event!.version!, seq: event!.seq }),
      };
    },
  });
}
