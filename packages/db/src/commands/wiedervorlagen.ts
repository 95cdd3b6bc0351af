import {
  canPflegeWiedervorlagen,
  faelligkeitVerstoss,
  HttpError,
  NOT_FOUND,
  todayInSaxony,
  WIEDERVORLAGEN_VERBOTEN,
  type Actor,
  type Wiedervorlage,
  type WiedervorlageAenderung,
  type WiedervorlageEingabe,
} from '@asskomm/domain';
import type { Transaction } from 'kysely';
import { runCommand, StaleRecord, type Outcome } from '../command.ts';
import type { DbHandle } from '../create-db.ts';
import * as kommentare from '../kommentare.ts';
import * as kommunen from '../kommunen.ts';
import type { Database } from '../schema.ts';
import * as wiedervorlagen from '../wiedervorlagen.ts';

export interface WiedervorlageAnswer {
  wiedervorlage: Wiedervorlage;
  seq: number;
}

const PFLEGT: { allowed: typeof canPflegeWiedervorlagen; message: string } = {
  allowed: canPflegeWiedervorlagen,
  message: WIEDERVORLAGEN_VERBOTEN,
};

/** The due date and the owner keep the rules: 422 naming the field otherwise. */
async function pruefe(
  trx: Transaction<Database>,
  kommune: kommunen.LockedKommune,
  werte: Pick<WiedervorlageEingabe, 'faelligAm' | 'zustaendigId'>,
): Promise<void> {
  const faellig = faelligkeitVerstoss(werte.faelligAm, todayInSaxony());
  if (faellig) throw new HttpError(422, faellig, 'faelligAm');
  if (werte.zustaendigId === null) return;
  // Whoever can see the Kommune may own its next step: the people a comment may @mention there.
  const sichtbar = await kommentare.mentionable(trx, kommune.polizeidirektion);
  if (!sichtbar.some((user) => user.id === werte.zustaendigId)) {
    throw new HttpError(
      422,
      'Diese Person kann die Kommune nicht sehen (oder ihr Konto ist nicht aktiv); bitte jemand anderen wählen.',
      'zustaendigId',
    );
  }
}

/** A next step for a Kommune of the caller's scope. */
export function createWiedervorlage(
  handle: DbHandle,
  actor: Actor,
  ags: string,
  input: WiedervorlageEingabe,
  { idempotencyKey }: { idempotencyKey?: string | undefined } = {},
): Promise<Outcome<WiedervorlageAnswer>> {
  return runCommand(handle, {
    actor,
    kommunen: [{ ags }],
    may: PFLEGT,
    idempotency: idempotencyKey
      ? { key: idempotencyKey, name: 'wiedervorlage:create', input: { ags, input } }
      : undefined,
    work: async ({ trx, kommunen: [kommune] }) => {
      await pruefe(trx, kommune!, input);
      const after = await wiedervorlagen.insert(
        trx,
        ags,
        { ...input, erledigtAm: null, erledigtVon: null },
        { von: actor.principal.benutzerId },
      );
      return {
        events: [{ type: 'wiedervorlage:saved', ags, before: null, after }],
        answer: ([event]) => ({ wiedervorlage: after, seq: event!.seq }),
      };
    },
  });
}

/**
 * Changes a next step, marks it done (today, by the caller) or opens it again. The version of this
 * next step the user saw is checked, not the Kommune's.
 */
export function updateWiedervorlage(
  handle: DbHandle,
  actor: Actor,
  id: number,
  { version, erledigt, ...change }: WiedervorlageAenderung,
): Promise<Outcome<WiedervorlageAnswer>> {
  return runCommand(handle, {
    actor,
    kommunen: async ({ trx, scope }) => {
      const found = await wiedervorlagen.findById(trx, id);
      if (!found || !(await kommunen.existsInScope(trx, scope, found.ags))) throw new HttpError(404, NOT_FOUND);
      return [{ ags: found.ags }];
    },
    may: PFLEGT,
    dissolvedAllowed: true,
    work: async ({ trx, kommunen: [kommune] }) => {
      const before = (await wiedervorlagen.findById(trx, id))!;
      if (before.version !== version) throw new StaleRecord(before.ags, 'wiedervorlage', id);
      const werte = {
        was: change.was ?? before.was,
        faelligAm: change.faelligAm ?? before.faelligAm,
        zustaendigId: change.zustaendigId !== undefined ? change.zustaendigId : (before.zustaendig?.id ?? null),
        meilensteinKind: change.meilensteinKind !== undefined ? change.meilensteinKind : before.meilensteinKind,
      };
      // A done item keeps its old due date; only a changed one is checked against today.
      if (change.faelligAm !== undefined || change.zustaendigId !== undefined) await pruefe(trx, kommune!, werte);
      const fertig = erledigt ?? before.erledigt;
      const after = await wiedervorlagen.update(trx, id, {
        ...werte,
        erledigtAm: fertig ? (before.erledigt ? before.erledigtAm : todayInSaxony()) : null,
        erledigtVon: fertig ? (before.erledigt ? await erledigerVon(trx, id) : actor.principal.benutzerId) : null,
      });
      return {
        events: [{ type: 'wiedervorlage:saved', ags: before.ags, before, after }],
        answer: ([event]) => ({ wiedervorlage: after, seq: event!.seq }),
      };
    },
  });
}

async function erledigerVon(trx: Transaction<Database>, id: number): Promise<number | null> {
  const row = await trx
    .selectFrom('wiedervorlage')
    .select('erledigt_von')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.erledigt_von;
}
