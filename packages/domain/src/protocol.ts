import type { Role, Scope } from './access.ts';
import type { VisibleEvent } from './events.ts';
import type { PolizeidirektionId } from './kommune.ts';
import type { PraesentationStand } from './praesentation.ts';

/** Where a signed-in user is in the app, as the others see it ("… bearbeitet gerade"). */
export interface PresenceState {
  /** The Kommune whose page is open; null elsewhere in the app. */
  ags: string | null;
  /** True while a form of that Kommune is open. */
  editing: boolean;
}

/** One open tab of a signed-in user. A user with two tabs has two entries. */
export interface PresenceEntry extends PresenceState {
  /** The socket's id: unique across nodes, gone when the tab closes. */
  id: string;
  benutzerId: number;
  name: string;
  role: Role;
  /** The area this entry belongs to: the open Kommune's Polizeidirektion, else the user's own (null for Land-wide roles). */
  polizeidirektion: PolizeidirektionId | null;
  since: string;
}

/** An in-app notification, e.g. being @mentioned in a comment. */
export interface Benachrichtigung {
  id: number;
  art: 'erwaehnung';
  ags: string;
  kommentarId: number;
  von: string | null;
  auszug: string;
  at: string;
  gelesen: boolean;
}

export type Ack<T> = (reply: { data: T } | { error: string }) => void;

/** Events the server emits. Names follow `entity:verb`. */
export interface ServerToClientEvents {
  /**
   * A committed change. `prev` is the seq of the previous event this socket's scope was sent: a
   * client that applied `prev` applies this one; otherwise it has a gap and asks `events:since`.
   */
  'domain:event': (event: VisibleEvent, prev: number) => void;
  /** Right after connecting: the newest seq the socket's scope has seen, the start of its sequence. */
  'events:head': (seq: number) => void;
  /** Someone's presence started or changed (only entries the scope may see). */
  'presence:updated': (entry: PresenceEntry) => void;
  /** A tab closed, or moved out of the scope's area. */
  'presence:gone': (id: string) => void;
  /** A new notification for the signed-in user. */
  'benachrichtigung:created': (notification: Benachrichtigung) => void;
  /** The Fachtag presentation moved (scene or date); to every socket, the public included. */
  'praesentation:stand': (stand: PraesentationStand) => void;
}

/** Events a client may emit; acknowledgements are `{ data } | { error }`. */
export interface ClientToServerEvents {
  /** The scope's committed events after `seq`, oldest first, at most `REPLAY_LIMIT`. */
  'events:since': (seq: number, ack: Ack<VisibleEvent[]>) => void;
  /** Announces where this tab is; only signed-in users take part in presence. */
  'presence:set': (state: PresenceState) => void;
  /** Everyone present whom the scope may see, across all server nodes. */
  'presence:list': (ack: Ack<PresenceEntry[]>) => void;
}

/** Most events one `events:since` answers; a client that gets this many is far behind and reloads its snapshot. */
export const REPLAY_LIMIT = 1000;

export type InterServerEvents = Record<string, never>;

export interface SocketData {
  connectedAt: number;
  scope: Scope;
  sessionId: string | null;
  benutzerId: number | null;
  /** The signed-in user as presence shows them (their own role and area, even while viewing as another role). */
  benutzer: { name: string; role: Role; polizeidirektion: PolizeidirektionId | null } | null;
  /** Set once a signed-in tab announced its presence. */
  presence: PresenceEntry | null;
}

/**
 * How the dashboard's server-side rendering, which fetches /api over loopback, names the visitor it
 * renders for: the visitor's address in `client`, trusted by the server only with the process's
 * secret in `token` (apps/server/src/rate-limit.ts).
 */
export const SSR_HEADERS = { client: 'x-asskomm-client', token: 'x-asskomm-ssr' } as const;
