import { scopeCovers, type Scope } from './access.ts';
import type { Ansprechpartner, GeloeschterAnsprechpartner } from './ansprechpartner.ts';
import type { FoerderantragRecord, Kommentar, MeilensteinRecord } from './api.ts';
import type { PolizeidirektionId } from './kommune.ts';
import type { StocktSchwellen } from './stockt.ts';
import type { Wiedervorlage } from './wiedervorlagen.ts';

/** What a comment's event holds: the comment and the notification each @mentioned user got. */
export interface KommentarWerte extends Omit<Kommentar, 'autor' | 'erwaehnt'> {
  erwaehnt: { id: number; name: string; benachrichtigung: number }[];
}

/**
 * The values around each kind of change, by event name (`noun:verb`, docs/naming.md): the one
 * typed payload per event that server, database and dashboard share.
 */
export interface EventValues {
  'meilenstein:recorded': { ags: string; before: null; after: MeilensteinRecord };
  'meilenstein:corrected': { ags: string; before: MeilensteinRecord; after: MeilensteinRecord };
  'meilenstein:withdrawn': { ags: string; before: MeilensteinRecord; after: MeilensteinRecord };
  'foerderantrag:saved': { ags: string; before: FoerderantragRecord | null; after: FoerderantragRecord };
  'kommentar:created': { ags: string; before: null; after: KommentarWerte };
  'ansprechpartner:saved': { ags: string; before: Ansprechpartner | null; after: Ansprechpartner };
  /** A person's data erased (Art. 17 DSGVO): the history keeps that a contact of this role went, and who erased it. */
  'ansprechpartner:erased': { ags: string; before: null; after: GeloeschterAnsprechpartner };
  'wiedervorlage:saved': { ags: string; before: Wiedervorlage | null; after: Wiedervorlage };
  /** The LPR set the thresholds of „Stockt“ (Land-wide). */
  'schwellen:saved': { ags: null; before: StocktSchwellen; after: StocktSchwellen };
  /** The whole data set was replaced (demo reset): every screen reloads. */
  'demo:reset': { ags: null; before: null; after: null };
}
export type DomainEventType = keyof EventValues;
export const DOMAIN_EVENT_TYPES = [
  'meilenstein:recorded',
  'meilenstein:corrected',
  'meilenstein:withdrawn',
  'foerderantrag:saved',
  'kommentar:created',
  'ansprechpartner:saved',
  'ansprechpartner:erased',
  'wiedervorlage:saved',
  'schwellen:saved',
  'demo:reset',
] as const satisfies readonly DomainEventType[];

interface EventHead {
  /** Grows by one per committed event, in commit order. */
  seq: number;
  /** The Kommune's version after the change (optimistic concurrency on the client); null Land-wide. */
  version: number | null;
  actor: string | null;
  at: string;
}

/** A change as a command writes it, before the log gives it a seq, a time and the actor's name. */
export type NewDomainEvent = { [K in DomainEventType]: { type: K } & EventValues[K] }[DomainEventType];

/**
 * A committed change, as pushed to staff clients and kept as the audit log: a discriminated union
 * on `type`, each with its own `before`/`after`.
 */
export type DomainEvent = NewDomainEvent & EventHead;
export type DomainEventOf<K extends DomainEventType> = Extract<DomainEvent, { type: K }>;

/**
 * Does the change alter the Kommune's data (and hence bump its version)? A comment does not, nor
 * a contact or a next step: those carry a version of their own, so two people adding different
 * ones to one Kommune do not conflict.
 */
export const BUMPS_VERSION: Record<DomainEventType, boolean> = {
  'meilenstein:recorded': true,
  'meilenstein:corrected': true,
  'meilenstein:withdrawn': true,
  'foerderantrag:saved': true,
  'kommentar:created': false,
  'ansprechpartner:saved': false,
  'ansprechpartner:erased': false,
  'wiedervorlage:saved': false,
  'schwellen:saved': false,
  'demo:reset': true,
};

/**
 * What the public may see of a milestone: kind, date and whether it is demo data; notes, sources
 * and the names of staff stay internal. The one rule for Kommune pages and events alike.
 */
export function publicMeilenstein(m: MeilensteinRecord): MeilensteinRecord {
  return {
    ...m,
    notiz: null,
    quelle: null,
    erfasstVon: null,
    zurueckgezogen: m.zurueckgezogen && { ...m.zurueckgezogen, von: null, grund: '' },
  };
}

/**
 * What the public sees of every event: no actor, and no Kommune version, which would count the
 * changes the public does not see (a funding change bumps it too) and so join them to the Kommune.
 */
type PublicHead = Omit<EventHead, 'actor' | 'version'> & { actor: null; version: null };
type Public<E> = E extends DomainEvent ? Omit<E, keyof EventHead> & PublicHead : never;
/**
 * An event as the public sees it. Comments never reach the public, nor funding changes: even
 * without Kommune or figures, the moment of one would tie a later public figure to it. Contacts
 * and next steps are staff work (so are the thresholds of „Stockt“): the public reads public
 * contacts from the Kommune's page only.
 */
export type PublicEvent = Public<Exclude<DomainEvent, { type: (typeof NON_PUBLIC_EVENT_TYPES)[number] }>>;
/** Whatever a client may be sent: the full event (staff) or its public projection. */
export type VisibleEvent = DomainEvent | PublicEvent;

/** Event types the public never sees (`toPublicEvent` answers null); the SQL twin filters on this list. */
export const NON_PUBLIC_EVENT_TYPES = [
  'kommentar:created',
  'foerderantrag:saved',
  'ansprechpartner:saved',
  'ansprechpartner:erased',
  'wiedervorlage:saved',
  'schwellen:saved',
] as const satisfies readonly DomainEventType[];

/**
 * What the public may see of an event, or null when nothing: a milestone through
 * `publicMeilenstein`, never who made the change nor the Kommune's version; funding changes and
 * comments, contacts and next steps not at all.
 */
export function toPublicEvent(event: DomainEvent): PublicEvent | null {
  const hidden = { actor: null, version: null };
  switch (event.type) {
    case 'kommentar:created':
    case 'foerderantrag:saved':
    case 'ansprechpartner:saved':
    case 'ansprechpartner:erased':
    case 'wiedervorlage:saved':
    case 'schwellen:saved':
      return null;
    case 'meilenstein:recorded':
      return { ...event, ...hidden, after: publicMeilenstein(event.after) };
    case 'meilenstein:corrected':
    case 'meilenstein:withdrawn':
      return { ...event, ...hidden, before: publicMeilenstein(event.before), after: publicMeilenstein(event.after) };
    case 'demo:reset':
      return { ...event, ...hidden };
  }
}

/**
 * An event as a scope sees it, or null when not at all: a Polizeidirektion sees its own area and
 * Land-wide events (no area, e.g. a demo reset), the public sees `toPublicEvent`. Its SQL twin is
 * `visibleTo` in packages/db/src/events.ts (replay, feed, histories); packages/db/src/mirrored-rules.spec.ts holds the two equal.
 */
export function eventAsSeenBy(
  scope: Scope,
  event: DomainEvent,
  polizeidirektion: PolizeidirektionId | null,
): VisibleEvent | null {
  if (scope.kind === 'public') return toPublicEvent(event);
  if (scope.kind === 'polizeidirektion' && polizeidirektion && !scopeCovers(scope, polizeidirektion)) return null;
  return event;
}

/**
 * An event in a scope's activity feed, or with `ags` in that Kommune's history: what
 * `eventAsSeenBy` shows, about that Kommune as the scope sees it. Its SQL twin is `newest` in
 * packages/db/src/events.ts.
 */
export function eventInHistory(
  scope: Scope,
  event: DomainEvent,
  polizeidirektion: PolizeidirektionId | null,
  ags?: string,
): VisibleEvent | null {
  const seen = eventAsSeenBy(scope, event, polizeidirektion);
  return seen && (ags === undefined || seen.ags === ags) ? seen : null;
}

/**
 * Whether `scope` sees presence (who views or edits) in an area: staff only, the Land everywhere,
 * a Polizeidirektion in its own area (`polizeidirektion` null: a Land-wide user outside any
 * Kommune, seen by the Land). Its SQL twin is the scope rule `inScope` (packages/db/src/area.ts),
 * through which a tab may announce a Kommune at all; mirrored-rules.spec.ts holds the two equal.
 */
export function presenceVisibleTo(scope: Scope, polizeidirektion: PolizeidirektionId | null): boolean {
  if (scope.kind === 'public') return false;
  return scope.kind === 'land' || scope.polizeidirektion === polizeidirektion;
}
