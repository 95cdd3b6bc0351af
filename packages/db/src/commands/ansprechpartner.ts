import {
  ANSPRECHPARTNER_VERBOTEN,
  ansprechpartnerVerstoss,
  canPflegeAnsprechpartner,
  HttpError,
  LPR_ROLLEN,
  NOT_FOUND,
  todayInSaxony,
  type Actor,
  type Ansprechpartner,
  type AnsprechpartnerEingabe,
  type Permission,
} from '@asskomm/domain';
import type { Transaction } from 'kysely';
import * as ansprechpartner from '../ansprechpartner.ts';
import { runCommand, StaleRecord, type Locate, type Outcome } from '../command.ts';
import type { DbHandle } from '../create-db.ts';
import * as kommunen from '../kommunen.ts';
import type { Database } from '../schema.ts';

export interface AnsprechpartnerAnswer {
  ansprechpartner: Ansprechpartner;
  seq: number;
}

/** Some contacts at least (LPR all, a Polizeidirektion the police's); which ones, the work checks. */
const PFLEGT_KONTAKTE: Permission = {
  allowed: (principal) => canPflegeAnsprechpartner(principal, 'polizeirevier'),
  message: 'Ihre Rolle darf Ansprechpartner nur lesen.',
};

/**
 * The contact's values as they will be stored, after the rules: an LPR role's person is one of the
 * LPR's accounts, whose name and e-mail it takes; any other breach answers 422 naming the field.
 */
async function gepruefte(trx: Transaction<Database>, actor: Actor, werte: AnsprechpartnerEingabe) {
  if (!canPflegeAnsprechpartner(actor.principal, werte.rolle)) throw new HttpError(403, ANSPRECHPARTNER_VERBOTEN);
  let eingabe = werte;
  if (LPR_ROLLEN.includes(werte.rolle) && werte.benutzerId !== null) {
    const konto = await trx
      .selectFrom('benutzer')
      .select(['name', 'email'])
      .where('id', '=', werte.benutzerId)
      .where('active', '=', true)
      .where('role', 'in', ['admin', 'lpr'])
      .executeTakeFirst();
    if (!konto)
      throw new HttpError(422, 'Dieses Benutzerkonto gehört nicht zum LPR (oder ist nicht aktiv).', 'benutzerId');
    eingabe = { ...werte, name: konto.name, email: konto.email };
  }
  const verstoss = ansprechpartnerVerstoss(eingabe, todayInSaxony());
  if (verstoss) throw new HttpError(422, verstoss.message, verstoss.field);
  return eingabe;
}

/** The Kommune of contact `id` when the caller's scope covers it; 404 otherwise (the same for a missing one). */
function findKommune(id: number): Locate {
  return async ({ trx, scope }) => {
    const found = await ansprechpartner.findById(trx, id);
    if (!found || !(await kommunen.existsInScope(trx, scope, found.ags))) throw new HttpError(404, NOT_FOUND);
    return [{ ags: found.ags }];
  };
}

/** Adds a contact person to a Kommune of the caller's scope. */
export function createAnsprechpartner(
  handle: DbHandle,
  actor: Actor,
  ags: string,
  input: AnsprechpartnerEingabe,
  { idempotencyKey }: { idempotencyKey?: string | undefined } = {},
): Promise<Outcome<AnsprechpartnerAnswer>> {
  return runCommand(handle, {
    actor,
    kommunen: [{ ags }],
    may: PFLEGT_KONTAKTE,
    idempotency: idempotencyKey
      ? { key: idempotencyKey, name: 'ansprechpartner:create', input: { ags, input } }
      : undefined,
    work: async ({ trx }) => {
      const werte = await gepruefte(trx, actor, input);
      const after = await ansprechpartner.insert(trx, ags, werte, { von: actor.principal.benutzerId });
      return {
        events: [{ type: 'ansprechpartner:saved', ags, before: null, after }],
        answer: ([event]) => ({ ansprechpartner: after, seq: event!.seq }),
      };
    },
  });
}

/** The contact as it stands, if the actor may keep contacts of its role (else 403). */
async function gepflegter(trx: Transaction<Database>, actor: Actor, id: number): Promise<Ansprechpartner> {
  const kontakt = (await ansprechpartner.findById(trx, id))!;
  if (!canPflegeAnsprechpartner(actor.principal, kontakt.rolle)) throw new HttpError(403, ANSPRECHPARTNER_VERBOTEN);
  return kontakt;
}

/**
 * Changes a contact (also ends it, with „bis“): the version of this contact the user saw is
 * checked, not the Kommune's, so other contacts changed meanwhile do not conflict.
 */
export function updateAnsprechpartner(
  handle: DbHandle,
  actor: Actor,
  id: number,
  { version, ...change }: Partial<AnsprechpartnerEingabe> & { version: number },
): Promise<Outcome<AnsprechpartnerAnswer>> {
  return runCommand(handle, {
    actor,
    kommunen: findKommune(id),
    may: PFLEGT_KONTAKTE,
    dissolvedAllowed: true,
    work: async ({ trx }) => {
      const before = await gepflegter(trx, actor, id);
      if (before.version !== version) throw new StaleRecord(before.ags, 'ansprechpartner', id);
      const werte = await gepruefte(trx, actor, { ...before, ...change });
      const after = await ansprechpartner.update(trx, id, werte, actor.principal.benutzerId!);
      return {
        events: [{ type: 'ansprechpartner:saved', ags: before.ags, before, after }],
        answer: ([event]) => ({ ansprechpartner: after, seq: event!.seq }),
      };
    },
  });
}

/**
 * Erases a contact person everywhere (Art. 17 DSGVO) — for whoever may keep that contact. What
 * stays is an event saying that a contact of this role was erased, by whom and when.
 */
export function eraseAnsprechpartner(handle: DbHandle, actor: Actor, id: number): Promise<Outcome<{ seq: number }>> {
  return runCommand(handle, {
    actor,
    kommunen: findKommune(id),
    may: PFLEGT_KONTAKTE,
    dissolvedAllowed: true,
    work: async ({ trx }) => {
      const before = await gepflegter(trx, actor, id);
      await ansprechpartner.erase(trx, id);
      return {
        events: [{ type: 'ansprechpartner:erased', ags: before.ags, before: null, after: { id, rolle: before.rolle } }],
        answer: ([event]) => ({ seq: event!.seq }),
      };
    },
  });
}
