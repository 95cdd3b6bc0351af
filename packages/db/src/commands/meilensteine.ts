import {
  EDIT_DOMAIN_DATA,
  HttpError,
  NOT_FOUND,
  type Actor,
  type MeilensteinKind,
  type MeilensteinRecord,
} from '@asskomm/domain';
import type { Transaction } from 'kysely';
import { runCommand, type Locate, type Outcome } from '../command.ts';
import type { DbHandle } from '../create-db.ts';
import * as kommunen from '../kommunen.ts';
import * as meilensteine from '../meilensteine.ts';
import type { Database } from '../schema.ts';
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
}

type Options = { idempotencyKey?: string | undefined };

/**
 * Records a milestone of a Kommune (LPR staff). No version is checked: a new milestone changes no
 * record anybody saw, and the rules run under the Kommune's lock against the milestones in force
 * (a second one of the same kind on the same day answers 422), so two colleagues adding different
 * milestones at once both succeed.
 */
export function recordMeilenstein(
  handle: DbHandle,
  actor: Actor,
  input: MeilensteinCreate,
  { idempotencyKey }: Options = {},
): Promise<Outcome<MeilensteinAnswer>> {
  const { ags, ...fields } = input;
  return runCommand(handle, {
    actor,
    kommunen: [{ ags }],
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

/**
 * A change of an existing milestone (also in a dissolved Kommune's history): the Kommune's
 * version is checked, a withdrawn milestone takes no change, and the Kommune's milestones as they
 * would be after it must keep the rules.
 */
function changeMeilenstein(
  handle: DbHandle,
  actor: Actor,
  id: number,
  version: number,
  change: {
    type: 'meilenstein:corrected' | 'meilenstein:withdrawn';
    withdrawnRefusal: string;
    /** The Kommune's other milestones in force are checked together with this one as it would be (null: gone). */
    next: (before: MeilensteinRecord) => { kind: MeilensteinKind; date: string } | null;
    write: (trx: Transaction<Database>) => Promise<MeilensteinRecord>;
  },
): Promise<Outcome<MeilensteinAnswer>> {
  return runCommand(handle, {
    actor,
    kommunen: locate(id, version),
    may: EDIT_DOMAIN_DATA,
    dissolvedAllowed: true,
    work: async ({ trx }) => {
      const before = (await meilensteine.findById(trx, id))!;
      if (before.zurueckgezogen) throw new HttpError(422, change.withdrawnRefusal);
      const others = (await meilensteine.activeOf(trx, before.ags)).filter((m) => m.id !== id);
      const next = change.next(before);
      enforceMeilensteinRules(next ? [...others, next] : others);
      const after = await change.write(trx);
      return {
        events: [{ type: change.type, ags: before.ags, before, after }],
        answer: ([event]) => ({ meilenstein: after, version: event!.version!, seq: event!.seq }),
      };
    },
  });
}

/** Corrects the date, note or source of a milestone. */
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
  return changeMeilenstein(handle, actor, id, input.version, {
    type: 'meilenstein:corrected',
    withdrawnRefusal: 'Ein zurückgezogener Meilenstein kann nicht mehr korrigiert werden.',
    next: (before) => ({ kind: before.kind, date: input.date ?? before.date }),
    write: (trx) => meilensteine.correct(trx, id, input),
  });
}

/** Withdraws a milestone with a reason: the record stays, marked, and no longer counts. */
export function withdrawMeilenstein(
  handle: DbHandle,
  actor: Actor,
  id: number,
  input: { grund: string; version: number },
): Promise<Outcome<MeilensteinAnswer>> {
  return changeMeilenstein(handle, actor, id, input.version, {
    type: 'meilenstein:withdrawn',
    withdrawnRefusal: 'Dieser Meilenstein ist bereits zurückgezogen.',
    next: () => null,
    write: (trx) => meilensteine.withdraw(trx, id, actor.principal.benutzerId, input.grund),
  });
}
