import {
  EDIT_DOMAIN_DATA,
  HttpError,
  NOT_FOUND,
  todayInSaxony,
  type Actor,
  type Auszahlung,
  type FoerderantragRecord,
} from '@asskomm/domain';
import type { Transaction } from 'kysely';
import { runCommand, StaleRecord, type Locate, type Outcome } from '../command.ts';
import type { DbHandle } from '../create-db.ts';
import * as foerderantraege from '../foerderantraege.ts';
import type { Database } from '../schema.ts';
import { enforceFoerderRules } from './rules.ts';

export interface FoerderantragAnswer {
  antrag: FoerderantragRecord;
  seq: number;
}

type Options = { idempotencyKey?: string | undefined };

/** The application as it is after the change, read back in the same transaction. */
async function saved(trx: Transaction<Database>, id: number): Promise<FoerderantragRecord> {
  return (await foerderantraege.lockInScope(trx, { kind: 'land' }, id, todayInSaxony()))!;
}

/** Records a new funding application of a Kommune (LPR staff). */
export function createFoerderantrag(
  handle: DbHandle,
  actor: Actor,
  { ags, ...input }: Omit<foerderantraege.FoerderantragInput, 'auszahlungen'> & { ags: string },
  { idempotencyKey }: Options = {},
): Promise<Outcome<FoerderantragAnswer>> {
  return runCommand(handle, {
    actor,
    kommunen: [{ ags }],
    may: EDIT_DOMAIN_DATA,
    idempotency: idempotencyKey
      ? { key: idempotencyKey, name: 'foerderantrag:create', input: { ags, ...input } }
      : undefined,
    work: async ({ trx }) => {
      const facts = { ...input, auszahlungen: [] };
      await enforceFoerderRules(trx, ags, facts);
      const antrag = await saved(trx, await foerderantraege.insert(trx, ags, facts));
      return {
        events: [{ type: 'foerderantrag:saved', ags, before: null, after: antrag }],
        answer: ([event]) => ({ antrag, seq: event!.seq }),
      };
    },
  });
}

/** The Kommune of application `id` when the caller's scope covers it; 404 otherwise. */
function locate(id: number): Locate {
  return async ({ trx, scope }) => {
    const [antrag] = await foerderantraege.list(trx, scope, todayInSaxony(), { id });
    if (!antrag) throw new HttpError(404, NOT_FOUND);
    return [{ ags: antrag.ags }];
  };
}

/**
 * A change of an existing application: the version the user saw of it is checked (409 with the
 * application as it is now), the rules apply to the whole application as it would be.
 */
function changeFoerderantrag(
  handle: DbHandle,
  actor: Actor,
  id: number,
  version: number,
  next: (current: FoerderantragRecord) => foerderantraege.FoerderantragInput,
): Promise<Outcome<FoerderantragAnswer>> {
  return runCommand(handle, {
    actor,
    kommunen: locate(id),
    may: EDIT_DOMAIN_DATA,
    work: async ({ trx }) => {
      const before = await saved(trx, id);
      if (before.version !== version) throw new StaleRecord(before.ags, 'foerderantrag', id);
      const facts = next(before);
      await enforceFoerderRules(trx, before.ags, facts);
      await foerderantraege.replace(trx, id, facts);
      const after = await saved(trx, id);
      return {
        events: [{ type: 'foerderantrag:saved', ags: before.ags, before, after }],
        answer: ([event]) => ({ antrag: after, seq: event!.seq }),
      };
    },
  });
}

/** Replaces an application's values (decision, dates, amounts); its payouts stay as they are. */
export function updateFoerderantrag(
  handle: DbHandle,
  actor: Actor,
  id: number,
  { version, ...input }: Omit<foerderantraege.FoerderantragInput, 'auszahlungen'> & { version: number },
): Promise<Outcome<FoerderantragAnswer>> {
  return changeFoerderantrag(handle, actor, id, version, (current) => ({
    ...input,
    auszahlungen: current.auszahlungen,
  }));
}

/** Records a payout of an approved application. */
export function addAuszahlung(
  handle: DbHandle,
  actor: Actor,
  id: number,
  { version, ...payout }: Auszahlung & { version: number },
): Promise<Outcome<FoerderantragAnswer>> {
  return changeFoerderantrag(handle, actor, id, version, (current) => ({
    ...current,
    auszahlungen: [...current.auszahlungen, payout],
  }));
}
