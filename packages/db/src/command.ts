import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  BUMPS_VERSION,
  HttpError,
  KOMMUNE_NOT_FOUND,
  scopeOf,
  todayInSaxony,
  type Actor,
  type DomainEvent,
  type DomainEventType,
  type NewDomainEvent,
  type Permission,
  type Scope,
  type StaffScope,
  type VersionConflict,
} from '@asskomm/domain';
import type { DbHandle } from './create-db.ts';
import * as ansprechpartner from './ansprechpartner.ts';
import * as events from './events.ts';
import * as foerderantraege from './foerderantraege.ts';
import * as kommunen from './kommunen.ts';
import * as wiedervorlagen from './wiedervorlagen.ts';
import type { Database } from './schema.ts';

/** A Kommune a command changes, with the version the user saw (none: no check, e.g. a comment). */
export interface KommuneTarget {
  ags: string;
  version?: number | undefined;
}

/** What a command's work has in hand: its transaction and the Kommunen locked for it, in AGS order. */
export interface Unit {
  trx: Transaction<Database>;
  actor: Actor;
  scope: Scope;
  kommunen: readonly kommunen.LockedKommune[];
}

/** Finds the Kommunen of a record named by id (e.g. a milestone), in the scope; 404 otherwise. */
export type Locate = (at: { trx: Transaction<Database>; scope: Scope }) => Promise<readonly KommuneTarget[]>;

export interface Command<T> {
  actor: Actor;
  /**
   * The Kommunen changed, or how to find them once the caller is known to be signed in. Locked in
   * AGS order (so two commands on the same Kommunen never deadlock); none for Land-wide work.
   */
  kommunen: readonly KommuneTarget[] | Locate;
  /** The permission; its German message answers 403. */
  may: Permission;
  /** A dissolved (merged) Kommune takes no new data unless allowed (corrections of its history). */
  dissolvedAllowed?: boolean;
  /** The request field that names the Kommunen, for 404 and 422 answers (default `ags`). */
  agsField?: string;
  /** A retried request with the same key gets the first result and writes nothing twice. */
  idempotency?: { key: string; name: string; input: unknown } | undefined;
  /**
   * The change itself: rule checks (422), writes, the events that describe them, and the answer,
   * built once the events are appended (it may name their seq and the new version).
   */
  work(unit: Unit): Promise<{ events: readonly NewDomainEvent[]; answer: (appended: DomainEvent[]) => T }>;
}

export interface Outcome<T> {
  result: T;
  /** The events appended, in order; none when `replayed`. */
  events: DomainEvent[];
  /** The answer of an earlier request with the same idempotency key. */
  replayed: boolean;
}

/** The records of a Kommune that carry a version of their own, by the event that saves them. */
const VERSIONED = {
  foerderantrag: {
    type: 'foerderantrag:saved',
    subject: 'Dieser Antrag wurde',
    current: async (handle: DbHandle, scope: StaffScope, id: number) =>
      (await foerderantraege.list(handle.db, scope, todayInSaxony(), { id }))[0],
  },
  ansprechpartner: {
    type: 'ansprechpartner:saved',
    subject: 'Dieser Ansprechpartner wurde',
    current: (handle: DbHandle, _scope: StaffScope, id: number) => ansprechpartner.findById(handle.db, id),
  },
  wiedervorlage: {
    type: 'wiedervorlage:saved',
    subject: 'Diese Wiedervorlage wurde',
    current: (handle: DbHandle, _scope: StaffScope, id: number) => wiedervorlagen.findById(handle.db, id),
  },
} as const satisfies Record<string, { type: DomainEventType; subject: string; current: unknown }>;

/** The version a user saw of one record (an application, a contact, a next step) is stale: thrown from a command's work. */
export class StaleRecord extends Error {
  constructor(
    readonly ags: string,
    readonly art: keyof typeof VERSIONED,
    readonly id: number,
  ) {
    super('stale');
  }
}

class StaleKommune extends Error {
  constructor(readonly ags: string) {
    super('stale');
  }
}

/**
 * The one command path. Every change of domain data runs through here, in this order: signed in
 * (401) → lock the Kommunen in scope (404, the same answer whether a Kommune exists or not) →
 * permission (403) → dissolved Kommune (422) → version (409, one shape: the current state and the
 * last change) → the work (its rules answer 422) → version bump → event append, all in one
 * transaction. Forms, bulk actions, imports and undo call it; nothing writes around it.
 */
export async function runCommand<T>(handle: DbHandle, command: Command<T>): Promise<Outcome<T>> {
  const { actor, may, agsField = 'ags' } = command;
  const benutzerId = actor.principal.benutzerId;
  const scope = scopeOf(actor.principal);
  if (benutzerId === null || scope.kind === 'public') throw new HttpError(401, 'Bitte melden Sie sich an.');
  const key = command.idempotency && {
    benutzerId,
    key: command.idempotency.key,
    fingerprint: fingerprintOf(command.idempotency.name, command.idempotency.input),
  };
  try {
    return await handle.db.transaction().execute(async (trx): Promise<Outcome<T>> => {
      if (key) {
        const earlier = await claimKey(trx, key);
        // Written by this command for the same input (the fingerprint says so), hence a T.
        if (earlier) return { result: earlier.result as T, events: [], replayed: true };
      }
      const named = typeof command.kommunen === 'function' ? await command.kommunen({ trx, scope }) : command.kommunen;
      const targets = [...named].sort((a, b) => a.ags.localeCompare(b.ags));
      if (new Set(targets.map((t) => t.ags)).size !== targets.length) {
        throw new HttpError(400, 'Jede Kommune darf nur einmal genannt werden.', agsField);
      }
      const locked: kommunen.LockedKommune[] = [];
      for (const { ags } of targets) {
        const kommune = await kommunen.lockInScope(trx, scope, ags);
        if (!kommune) {
          const message =
            targets.length > 1 ? `Die Kommune ${ags} gibt es nicht (oder nicht in Ihrem Bereich).` : KOMMUNE_NOT_FOUND;
          throw new HttpError(404, message, agsField);
        }
        locked.push(kommune);
      }
      if (!may.allowed(actor.principal)) throw new HttpError(403, may.message);
      for (const kommune of locked) {
        if (kommune.gueltigBis && !command.dissolvedAllowed) {
          throw new HttpError(
            422,
            `${kommune.name} besteht seit ${kommune.gueltigBis} nicht mehr; bitte beim Nachfolger erfassen.`,
            agsField,
          );
        }
      }
      targets.forEach(({ ags, version }, i) => {
        if (version !== undefined && locked[i]!.version !== version) throw new StaleKommune(ags);
      });

      const { events: changes, answer } = await command.work({ trx, actor, scope, kommunen: locked });

      const versions = new Map<string, number>();
      for (const kommune of locked) {
        const bumps = changes.some((e) => e.ags === kommune.ags && BUMPS_VERSION[e.type]);
        versions.set(kommune.ags, bumps ? await kommunen.bumpVersion(trx, kommune.ags) : kommune.version);
      }
      const appended: DomainEvent[] = [];
      for (const event of changes) {
        const kommune = event.ags === null ? undefined : locked.find((k) => k.ags === event.ags);
        if (event.ags !== null && !kommune) throw new Error(`Ereignis für eine nicht gesperrte Kommune ${event.ags}`);
        appended.push(
          await events.append(trx, handle.appended, {
            event,
            version: kommune ? versions.get(kommune.ags)! : null,
            polizeidirektion: kommune?.polizeidirektion ?? null,
            actor: { id: benutzerId, name: actor.name },
          }),
        );
      }
      const result = answer(appended);
      if (key) await storeResult(trx, key, result);
      return { result, events: appended, replayed: false };
    });
  } catch (error) {
    if (error instanceof StaleKommune || error instanceof StaleRecord) throw await conflict(handle, scope, error);
    throw error;
  }
}

/**
 * The one 409 shape: the German message, `field: 'version'`, the record as it is now (`aktuell`:
 * the Kommune's detail, or the record) and the last change with who made it (`letzteAenderung`).
 */
async function conflict(handle: DbHandle, scope: StaffScope, stale: StaleKommune | StaleRecord): Promise<HttpError> {
  const record = stale instanceof StaleRecord ? { ...VERSIONED[stale.art], id: stale.id } : undefined;
  const letzte = await events.latestAbout(handle.db, { ags: stale.ags, record });
  const who = letzte?.actor ? ` von ${letzte.actor}` : '';
  const [subject, aktuell] = record
    ? [record.subject, await record.current(handle, scope, record.id)]
    : ['Die Daten dieser Kommune wurden', await kommunen.findDetail(handle.db, scope, stale.ags, todayInSaxony())];
  const body: VersionConflict = {
    error: `${subject} inzwischen${who} geändert. Bitte die aktuelle Fassung prüfen und die Änderung erneut anwenden oder verwerfen.`,
    field: 'version',
    aktuell: aktuell ?? null,
    letzteAenderung: letzte ?? null,
  };
  return new HttpError(409, body.error, body.field, body);
}

interface IdempotencyKey {
  benutzerId: number;
  key: string;
  fingerprint: string;
}

function fingerprintOf(name: string, input: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([name, input]))
    .digest('hex');
}

/**
 * Claims the key for this transaction, or finds the committed request that claimed it first. A
 * concurrent request with the same key waits on the insert until the first one commits (then it
 * finds its result) or rolls back (then it claims the key itself).
 */
async function claimKey(trx: Transaction<Database>, key: IdempotencyKey): Promise<{ result: unknown } | undefined> {
  const claimed = await trx
    .insertInto('idempotency_key')
    .values({ benutzer_id: key.benutzerId, key: key.key, fingerprint: key.fingerprint, result: null })
    .onConflict((oc) => oc.columns(['benutzer_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (claimed) return undefined;
  const earlier = await trx
    .selectFrom('idempotency_key')
    .select(['fingerprint', 'result'])
    .where('benutzer_id', '=', key.benutzerId)
    .where('key', '=', key.key)
    .executeTakeFirstOrThrow();
  if (earlier.fingerprint !== key.fingerprint) {
    throw new HttpError(
      422,
      'Dieser Idempotency-Key wurde schon für eine andere Anfrage verwendet; bitte einen neuen Schlüssel senden.',
      'Idempotency-Key',
    );
  }
  return { result: earlier.result };
}

async function storeResult(trx: Transaction<Database>, key: IdempotencyKey, result: unknown): Promise<void> {
  await trx
    .updateTable('idempotency_key')
    .set({ result: JSON.stringify(result) })
    .where('benutzer_id', '=', key.benutzerId)
    .where('key', '=', key.key)
    .execute();
}
