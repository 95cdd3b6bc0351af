import { describe, expect, it, vi } from 'vitest';
import { events } from '@asskomm/db';
import { TEST_DATABASE_KINDS } from '@asskomm/db/testing';
import type {
  Benachrichtigung,
  BenachrichtigungListe,
  VisibleEvent,
  KommentarThread,
  PresenceEntry,
} from '@asskomm/domain';
import { REPLAY_RATE, SOCKET_LIMITS } from '../src/realtime/index.ts';
import { SOCKET_RATE } from '../src/realtime/socket-guard.ts';
import { demoBenutzer, TestClient, type LiveSocket } from './test-client.ts';
import { recordMeilensteinAsLpr, useTestServer, useTwoNodes } from './test-server.ts';

const GOERLITZ = '14626110';
const LEIPZIG = '14713000';

/** Emits what the typed client would not let us: unknown or malformed messages. */
function rawEmit(socket: LiveSocket, name: string, ...args: unknown[]): void {
  (socket as unknown as { emit(name: string, ...args: unknown[]): void }).emit(name, ...args);
}

describe.each(TEST_DATABASE_KINDS)('working together on %s', (kind) => {
  const server = useTestServer(kind);

  it('notifies the @mentioned user at once, and only them', async () => {
    const lpr = await demoBenutzer(server.url, 'lpr');
    const pd = await demoBenutzer(server.url, 'pd-goerlitz');
    const ministerium = await demoBenutzer(server.url, 'ministerium');
    const { socket: pdSocket } = await pd.socket();
    const { socket: otherSocket } = await ministerium.socket();
    const toPd: Benachrichtigung[] = [];
    const toOther: Benachrichtigung[] = [];
    pdSocket.on('benachrichtigung:created', (n) => toPd.push(n));
    otherSocket.on('benachrichtigung:created', (n) => toOther.push(n));
    try {
      const { socket: lprSocket } = await lpr.socket();
      const toAuthor: Benachrichtigung[] = [];
      lprSocket.on('benachrichtigung:created', (n) => toAuthor.push(n));
      const posted = await lpr.json<{ id: number; erwaehnt: { name: string }[] }>(
        'POST',
        `/api/kommunen/${GOERLITZ}/kommentare`,
        { text: '@pd-goerlitz bitte die Lage am Bahnhof prüfen (cc @lpr)' },
      );
      lprSocket.close();
      expect(posted.status).toBe(201);
      expect(posted.body.erwaehnt.map((u) => u.name)).toEqual(['Demo PD Görlitz']);
      await expect.poll(() => toPd.length, { timeout: 2_000 }).toBe(1);
      expect(toPd[0]).toMatchObject({
        ags: GOERLITZ,
        kommentarId: posted.body.id,
        von: 'Demo LPR-Team',
        auszug: '@pd-goerlitz bitte die Lage am Bahnhof prüfen (cc @lpr)',
        gelesen: false,
      });

      const inbox = await pd.json<BenachrichtigungListe>('GET', '/api/benachrichtigungen');
      expect(inbox.body.ungelesen).toBe(1);
      expect(inbox.body.eintraege[0]!.id).toBe(toPd[0]!.id);
      expect((await pd.json('POST', '/api/benachrichtigungen/gelesen', { ids: [toPd[0]!.id] })).body).toEqual({
        ungelesen: 0,
      });
      // Neither a bystander nor the author, who named themselves, is notified.
      expect(toOther).toEqual([]);
      expect(toAuthor).toEqual([]);
      expect((await ministerium.json<BenachrichtigungListe>('GET', '/api/benachrichtigungen')).body.ungelesen).toBe(0);

      const thread = await pd.json<KommentarThread>('GET', `/api/kommunen/${GOERLITZ}/kommentare`);
      expect(thread.body.kommentare.at(-1)).toMatchObject({ id: posted.body.id, autor: { name: 'Demo LPR-Team' } });
      // Only those who can see Görlitz can be mentioned there.
      const handles = thread.body.erwaehnbar.map((u) => u.handle);
      expect(handles).toContain('pd-goerlitz');
      expect(handles).not.toContain('pd-leipzig');
    } finally {
      pdSocket.close();
      otherSocket.close();
    }
  });

  it('lets a notification pass the scope rule when it is read: a user moved to another area no longer sees it', async () => {
    const admin = await demoBenutzer(server.url, 'admin');
    const created = await admin.json<{ id: number }>('POST', '/api/benutzer', {
      email: `umzug-${kind}@polizei.example`,
      name: 'Umzug Test',
      role: 'polizei',
      polizeidirektion: 'leipzig',
      password: 'ein-langes-passwort-123',
    });
    expect(created.status).toBe(201);
    const moved = new TestClient(server.url);
    expect(await moved.login(`umzug-${kind}@polizei.example`, 'ein-langes-passwort-123')).toBe(200);
    const lpr = await demoBenutzer(server.url, 'lpr');
    const posted = await lpr.json('POST', `/api/kommunen/${LEIPZIG}/kommentare`, {
      text: `@umzug-${kind} bitte die Beschwerden am Hauptbahnhof prüfen`,
    });
    expect(posted.status).toBe(201);
    const before = (await moved.json<BenachrichtigungListe>('GET', '/api/benachrichtigungen')).body;
    expect(before.ungelesen).toBe(1);
    expect(before.eintraege.map((n) => n.ags)).toEqual([LEIPZIG]);

    const patched = await admin.json('PATCH', `/api/benutzer/${created.body.id}`, { polizeidirektion: 'goerlitz' });
    expect(patched.status).toBe(200);
    expect(await moved.login(`umzug-${kind}@polizei.example`, 'ein-langes-passwort-123')).toBe(200);
    expect((await moved.json('GET', `/api/kommunen/${LEIPZIG}`)).status).toBe(404);
    expect((await moved.json<BenachrichtigungListe>('GET', '/api/benachrichtigungen')).body).toEqual({
      ungelesen: 0,
      eintraege: [],
    });
    // Five password hashes (a new user, four logins): slow on a loaded machine.
  }, 120_000);

  it('refuses a mention nobody can answer with 422 naming the text, and writes nothing', async () => {
    const lpr = await demoBenutzer(server.url, 'lpr');
    const before = await events.lastSeq(server.test.db);
    const countBefore = (await lpr.json<KommentarThread>('GET', `/api/kommunen/${GOERLITZ}/kommentare`)).body.kommentare
      .length;
    for (const text of ['Frage an @niemand', 'Frage an @pd-leipzig, der Görlitz nicht sieht']) {
      const answer = await lpr.json<{ error: string; field: string }>('POST', `/api/kommunen/${GOERLITZ}/kommentare`, {
        text,
      });
      expect(answer.status).toBe(422);
      expect(answer.body.field).toBe('text');
      expect(answer.body.error).toMatch(/kennen wir nicht|kann diese Kommune nicht sehen/);
    }
    const empty = await lpr.json<{ field: string }>('POST', `/api/kommunen/${GOERLITZ}/kommentare`, { text: '   ' });
    expect(empty).toMatchObject({ status: 400, body: { field: 'text' } });
    expect(await events.lastSeq(server.test.db)).toBe(before);
    const after = (await lpr.json<KommentarThread>('GET', `/api/kommunen/${GOERLITZ}/kommentare`)).body.kommentare;
    expect(after.length).toBe(countBefore);
  });

  it("keeps a Kommune's comments and foerderung out of its public history", async () => {
    const lpr = await demoBenutzer(server.url, 'lpr');
    await recordMeilensteinAsLpr(server, { ags: GOERLITZ, kind: 'coaching_begonnen', date: '2025-01-02' });
    expect((await lpr.request('POST', `/api/kommunen/${GOERLITZ}/kommentare`, { text: 'Intern' })).status).toBe(201);
    const antrag = { haushaltsjahr: 2025, zweck: 'projekt', eingereichtAm: '2024-09-20' };
    const created = await lpr.request('POST', '/api/foerderantraege', {
      ...antrag,
      ags: GOERLITZ,
      beantragtCent: 900_000,
      foerderfaehigCent: 1_000_000,
    });
    expect(created.status).toBe(201);
    const staff = await lpr.json<VisibleEvent[]>('GET', `/api/kommunen/${GOERLITZ}/verlauf?limit=5`);
    expect(staff.body.map((e) => e.type).slice(0, 2)).toEqual(['foerderantrag:saved', 'kommentar:created']);
    const visitor = await new TestClient(server.url).json<VisibleEvent[]>('GET', `/api/kommunen/${GOERLITZ}/verlauf`);
    expect(visitor.status).toBe(200);
    expect(visitor.body.length).toBeGreaterThan(0);
    expect(visitor.body.every((e) => e.type.startsWith('meilenstein:') && e.actor === null && e.ags === GOERLITZ)).toBe(
      true,
    );
  });

  it('lets no one comment from a read-only view', async () => {
    const admin = await demoBenutzer(server.url, 'admin');
    expect((await admin.request('POST', '/api/auth/ansicht', { role: 'lpr' })).status).toBe(200);
    const answer = await admin.request('POST', `/api/kommunen/${GOERLITZ}/kommentare`, { text: 'Nur lesen' });
    expect(answer.status).toBe(403);
    expect((await admin.request('DELETE', '/api/auth/ansicht')).status).toBe(200);
  });

  it('shows who edits a Kommune to those who may see it, and forgets them when they leave', async () => {
    const lpr = await demoBenutzer(server.url, 'lpr');
    const pd = await demoBenutzer(server.url, 'pd-goerlitz');
    const { socket: watcher } = await pd.socket();
    const { socket: editor } = await lpr.socket();
    const updates: PresenceEntry[] = [];
    const gone: string[] = [];
    watcher.on('presence:updated', (entry) => updates.push(entry));
    watcher.on('presence:gone', (id) => gone.push(id));
    editor.emit('presence:set', { ags: GOERLITZ, editing: true });
    await expect.poll(() => updates.length, { timeout: 2_000 }).toBe(1);
    expect(updates[0]).toMatchObject({
      id: editor.id,
      name: 'Demo LPR-Team',
      role: 'lpr',
      ags: GOERLITZ,
      editing: true,
      polizeidirektion: 'goerlitz',
    });
    const listed = (await watcher.emitWithAck('presence:list')) as { data: PresenceEntry[] };
    expect(listed.data.map((e) => e.id)).toEqual([editor.id]);
    editor.close();
    await expect.poll(() => gone, { timeout: 2_000 }).toEqual([updates[0]!.id]);
    watcher.close();
  });

  it('leaves an admin viewing as the public out of presence', async () => {
    const admin = await demoBenutzer(server.url, 'admin');
    expect((await admin.request('POST', '/api/auth/ansicht', { role: 'public' })).status).toBe(200);
    const { socket: watcher } = await (await demoBenutzer(server.url, 'lpr')).socket();
    const { socket: publicView } = await admin.socket();
    const updates: PresenceEntry[] = [];
    watcher.on('presence:updated', (entry) => updates.push(entry));
    publicView.emit('presence:set', { ags: GOERLITZ, editing: false });
    await new Promise((r) => setTimeout(r, 300));
    const listed = (await watcher.emitWithAck('presence:list')) as { data: PresenceEntry[] };
    watcher.close();
    publicView.close();
    expect(updates).toEqual([]);
    expect(listed.data.map((e) => e.name)).not.toContain('Demo Administration');
  });

  it('never pushes an event whose transaction rolled back, and goes on after it', async () => {
    const { socket, received, brokenChain } = await (await demoBenutzer(server.url, 'lpr')).socket();
    try {
      await expect(
        server.test.db.transaction().execute(async (trx) => {
          await events.append(trx, server.test.appended, {
            event: { type: 'demo:reset', ags: null, before: null, after: null },
            version: null,
            polizeidirektion: null,
            actor: { id: null, name: null },
          });
          throw new Error('abgebrochen');
        }),
      ).rejects.toThrow('abgebrochen');
      const kept = await recordMeilensteinAsLpr(server, {
        ags: GOERLITZ,
        kind: 'coaching_begonnen',
        date: '2025-03-01',
      });
      await expect.poll(() => received.map((e) => e.seq), { timeout: 2_000 }).toEqual([kept.seq]);
      await new Promise((r) => setTimeout(r, 200));
      expect(received.map((e) => e.type)).toEqual(['meilenstein:recorded']);
      expect(brokenChain()).toEqual([]);
    } finally {
      socket.close();
    }
  });

  it('answers a socket’s replays up to its budget, then refuses them in German, and others still get theirs', async () => {
    const asker = await (await demoBenutzer(server.url, 'lpr')).socket();
    const other = await (await demoBenutzer(server.url, 'ministerium')).socket();
    try {
      for (let i = 0; i < REPLAY_RATE.burst; i++) {
        expect('data' in (await asker.socket.timeout(2_000).emitWithAck('events:since', 0))).toBe(true);
      }
      expect(await asker.socket.timeout(2_000).emitWithAck('events:since', 0)).toEqual({
        error: 'Zu viele Nachholabfragen; bitte die Seite neu laden.',
      });
      expect('data' in (await other.socket.timeout(2_000).emitWithAck('events:since', 0))).toBe(true);
    } finally {
      asker.socket.close();
      other.socket.close();
    }
  });

  it('drops a flood from one socket without slowing the others', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const flooder = await (await demoBenutzer(server.url, 'lpr')).socket();
    const calm = await (await demoBenutzer(server.url, 'ministerium')).socket();
    try {
      const answered: number[] = [];
      const refused: number[] = [];
      const flooding = Date.now();
      for (let i = 0; i < 300; i++) {
        flooder.socket.emit('events:since', 0, (reply) => ('data' in reply ? answered : refused).push(i));
      }
      const started = Date.now();
      const reply = await calm.socket.timeout(2_000).emitWithAck('events:since', 0);
      expect('data' in reply).toBe(true);
      expect(Date.now() - started).toBeLessThan(1_000);
      // Of the 300, one burst got through the rate limit (plus what the bucket refilled while the
      // 300 arrived, on a loaded machine) and at most one at a time was served.
      await expect
        .poll(() => answered.length + refused.length, { timeout: 5_000 })
        .toBeGreaterThanOrEqual(SOCKET_RATE.burst);
      const refilled = Math.ceil(((Date.now() - flooding) / 1000) * SOCKET_RATE.perSecond);
      expect(answered.length + refused.length).toBeLessThanOrEqual(Math.min(300, SOCKET_RATE.burst + refilled));
      expect(answered.length).toBeGreaterThan(0);
      expect(warn.mock.calls.flat().join('\n')).toMatch(/zu viele Nachrichten/);
      // The bucket refills: after a pause the same socket's message is answered again, not dropped
      // (with events, or with the refusal of its replay budget, which the flood may have spent).
      await new Promise((r) => setTimeout(r, 1_500));
      await expect(flooder.socket.timeout(2_000).emitWithAck('events:since', 0)).resolves.toBeDefined();
    } finally {
      flooder.socket.close();
      calm.socket.close();
      warn.mockRestore();
    }
  });

  it('accepts at most its share of sockets per user, and a new one once one closed', async () => {
    const pd = await demoBenutzer(server.url, 'pd-leipzig');
    const open = [];
    try {
      for (let i = 0; i < SOCKET_LIMITS.perBenutzer; i++) open.push((await pd.socket()).socket);
      await expect(pd.socket()).rejects.toThrow('Zu viele offene Verbindungen dieses Kontos');
      open.pop()!.disconnect();
      await expect
        .poll(async () =>
          pd.socket().then(
            (s) => (open.push(s.socket), true),
            () => false,
          ),
        )
        .toBe(true);
    } finally {
      for (const socket of open) socket.disconnect();
    }
  });

  it('logs an unknown event and ignores it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { socket } = await (await demoBenutzer(server.url, 'lpr')).socket();
    try {
      rawEmit(socket, 'admin:alles-loeschen', { bitte: true });
      await expect.poll(() => warn.mock.calls.flat().join('\n'), { timeout: 2_000 }).toMatch(/admin:alles-loeschen/);
      expect(socket.connected).toBe(true);
    } finally {
      socket.close();
      warn.mockRestore();
    }
  });

  it('closes a socket that sends an oversized message', async () => {
    const { socket } = await (await demoBenutzer(server.url, 'lpr')).socket();
    const reason = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    rawEmit(socket, 'presence:set', { ags: 'x'.repeat(64 * 1024), editing: false });
    expect(await reason).toBe('transport close');
  });
});

describe.skipIf(!TEST_DATABASE_KINDS.includes('postgres'))('presence across two nodes on PostgreSQL', () => {
  const { first: server, second } = useTwoNodes();

  it('shows an editor on node A to a viewer on node B, in the list and live', async () => {
    const { socket: editor } = await (await demoBenutzer(server.url, 'lpr')).socket();
    const { socket: watcher } = await (await demoBenutzer(second.url, 'pd-goerlitz')).socket();
    const updates: PresenceEntry[] = [];
    watcher.on('presence:updated', (entry) => updates.push(entry));
    try {
      editor.emit('presence:set', { ags: GOERLITZ, editing: true });
      await expect.poll(() => updates.map((e) => e.id), { timeout: 3_000 }).toEqual([editor.id]);
      const listed = (await watcher.emitWithAck('presence:list')) as { data: PresenceEntry[] };
      expect(listed.data.map((e) => [e.id, e.editing])).toEqual([[editor.id, true]]);
    } finally {
      editor.close();
      watcher.close();
    }
  });
});
