import { kommunen, type DbHandle } from '@asskomm/db';
import {
  ALL_SCOPES,
  parseGerman,
  presenceStateSchema,
  presenceVisibleTo,
  type PolizeidirektionId,
  type PresenceEntry,
  type Scope,
} from '@asskomm/domain';
import type { RealtimeServer, RealtimeSocket } from './types.ts';
import { presenceRoom, roomOf } from './rooms.ts';

/** Rooms of viewers who may see presence in `polizeidirektion`'s area (presenceVisibleTo). */
function viewerRooms(polizeidirektion: PolizeidirektionId | null): string[] {
  return ALL_SCOPES.filter((scope) => presenceVisibleTo(scope, polizeidirektion)).map(roomOf);
}

/** The presence room a viewer of `scope` lists; the public takes no part. */
function listedRoom(scope: Scope): string | null {
  if (scope.kind === 'public') return null;
  return presenceRoom(scope.kind === 'land' ? 'all' : scope.polizeidirektion);
}

/**
 * Who is where, across server nodes: a signed-in tab announces its Kommune page (and whether a
 * form is open); the change goes through the Socket.IO adapter to every node's viewers allowed to
 * see that area. A tab joins the presence rooms of its area, so a list is one `fetchSockets` away.
 */
export function attachPresence(io: RealtimeServer, handle: DbHandle, socket: RealtimeSocket): void {
  const user = socket.data.benutzer;
  // Signed-in users of a staff scope only: an admin viewing as the public is the public here.
  if (!user || socket.data.benutzerId === null || socket.data.scope.kind === 'public') return;

  socket.on('presence:set', async (state) => {
    const parsed = parseGerman(presenceStateSchema, state);
    if (!parsed.success) return;
    const { ags, editing } = parsed.data;
    let area = user.polizeidirektion;
    if (ags) {
      // Only a Kommune the tab may see can be announced; anything else says nothing about it.
      const pd = await kommunen.polizeidirektionIn(handle.db, socket.data.scope, ags).catch(() => undefined);
      if (!pd) return;
      area = pd;
    }
    if (!socket.connected) return;
    const previous = socket.data.presence;
    const entry: PresenceEntry = {
      id: socket.id,
      benutzerId: socket.data.benutzerId!,
      name: user.name,
      role: user.role,
      polizeidirektion: area,
      ags,
      editing,
      since: previous?.ags === ags ? previous.since : new Date().toISOString(),
    };
    socket.data.presence = entry;
    if (previous && previous.polizeidirektion !== area) {
      const left = viewerRooms(previous.polizeidirektion).filter((room) => !viewerRooms(area).includes(room));
      if (left.length) io.to(left).emit('presence:gone', socket.id);
      socket.leave(presenceRoom(previous.polizeidirektion));
    }
    socket.join(['presence', presenceRoom(area)]);
    io.to(viewerRooms(area)).emit('presence:updated', entry);
  });

  socket.on('presence:list', async (ack) => {
    if (typeof ack !== 'function') return;
    const room = listedRoom(socket.data.scope);
    if (!room) return ack({ data: [] });
    try {
      const sockets = await io.in(room).fetchSockets();
      ack({ data: sockets.flatMap((s) => (s.data.presence ? [s.data.presence] : [])) });
    } catch {
      ack({ error: 'Die Anwesenheit konnte nicht abgefragt werden.' });
    }
  });

  socket.on('disconnect', () => {
    const entry = socket.data.presence;
    if (entry) io.to(viewerRooms(entry.polizeidirektion)).emit('presence:gone', socket.id);
  });
}
