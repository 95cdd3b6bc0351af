import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '@asskomm/db';
import { TEST_DATABASE_KINDS } from '@asskomm/db/testing';
import {
  toPublicEvent,
  type DomainEventOf,
  type VisibleEvent,
  type KommuneDetail,
  type KommuneSummary,
  type KpiPoint,
  type KpiSnapshot,
  type PresenceEntry,
  type BenutzerInfo,
} from '@asskomm/domain';
import { DEMO_PASSWORD, DEMO_BENUTZER } from '../src/auth/initial-benutzer.ts';
import { TestClient } from './test-client.ts';
import { recordMeilensteinAsLpr, startTestServer, useTestServer, type RunningServer } from './test-server.ts';

/**
 * The authorization matrix: every role × every endpoint × read/write, each cell asserted. Later
 * issues add their endpoints and events here.
 */
const ROLES = ['anonym', 'admin', 'lpr', 'ministerium', 'pd-goerlitz', 'pd-leipzig'] as const;
type Who = (typeof ROLES)[number];

const GOERLITZ = '14626110'; // Görlitz, PD Görlitz
const LEIPZIG = '14713000'; // Leipzig, PD Leipzig

const everyone = (status: number): Record<Who, number> =>
  Object.fromEntries(ROLES.map((r) => [r, status])) as Record<Who, number>;
const adminOnly = (ok: number): Record<Who, number> => ({ ...everyone(404), anonym: 401, admin: ok });
/** Commands on Görlitz data: editors get through (here to the version check), read-only roles 403, Leipzig 404. */
const goerlitzEditors = (ok: number): Record<Who, number> => ({
  anonym: 401,
  admin: ok,
  lpr: ok,
  ministerium: 403,
  'pd-goerlitz': 403,
  'pd-leipzig': 404,
});
/** A version nobody saw: an allowed write reaches the version check and answers 409, changing nothing. */
const STALE = 999_999;
const exceptPd = (pd: 'pd-goerlitz' | 'pd-leipzig'): Record<Who, number> => ({ ...everyone(200), [pd]: 404 });
/** Signed-in users of Görlitz's scope; visitors 401, the other area 404. */
const goerlitzStaff = (ok: number): Record<Who, number> => ({ ...everyone(ok), anonym: 401, 'pd-leipzig': 404 });
const signedInOnly = (ok: number): Record<Who, number> => ({ ...everyone(ok), anonym: 401 });

const ANTRAG = {
  haushaltsjahr: 2025,
  zweck: 'projekt',
  eingereichtAm: '2024-09-20',
  beantragtCent: 900_000,
  foerderfaehigCent: 1_000_000,
};

const POLIZEIKONTAKT = {
  rolle: 'polizeirevier',
  name: 'Paula Prüffall',
  telefon: '03581 0100 10',
  rechtsgrundlage: 'oeffentliche_aufgabe',
};

interface Cell {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: (who: Who) => unknown;
  expect: Record<Who, number>;
}

// Order matters only at the end: the view switch is undone right away, logout comes last.
const MATRIX: Cell[] = [
  { method: 'GET', path: '/api/health', expect: everyone(200) },
  { method: 'GET', path: '/api/kommunen', expect: everyone(200) },
  { method: 'GET', path: `/api/kommunen/${GOERLITZ}`, expect: exceptPd('pd-leipzig') },
  { method: 'GET', path: `/api/kommunen/${LEIPZIG}`, expect: exceptPd('pd-goerlitz') },
  { method: 'GET', path: '/api/kpi', expect: everyone(200) },
  { method: 'GET', path: '/api/kpi?pd=goerlitz', expect: exceptPd('pd-leipzig') },
  { method: 'GET', path: '/api/kpi?pd=leipzig', expect: exceptPd('pd-goerlitz') },
  { method: 'GET', path: '/api/kpi?kreis=14626', expect: exceptPd('pd-leipzig') },
  { method: 'GET', path: '/api/kpi/verlauf', expect: everyone(200) },
  { method: 'GET', path: '/api/kpi/verlauf?pd=leipzig', expect: exceptPd('pd-goerlitz') },
  { method: 'GET', path: '/api/auth/me', expect: { ...everyone(200), anonym: 401 } },
  { method: 'GET', path: '/api/foerderung', expect: everyone(200) },
  { method: 'GET', path: '/api/foerderung?pd=leipzig', expect: exceptPd('pd-goerlitz') },
  { method: 'GET', path: '/api/foerderantraege', expect: { ...everyone(200), anonym: 401 } },
  { method: 'GET', path: '/api/foerderantraege?pd=goerlitz', expect: { ...exceptPd('pd-leipzig'), anonym: 401 } },
  {
    method: 'POST',
    path: `/api/kommunen/${GOERLITZ}/meilensteine`,
    // A new milestone checks no version (a stale one is no conflict); one day per role, as the
    // same milestone twice on one day is refused.
    body: (who) => ({ kind: 'coaching_begonnen', date: `2024-01-0${ROLES.indexOf(who) + 1}`, version: STALE }),
    expect: goerlitzEditors(201),
  },
  {
    method: 'PATCH',
    path: '/api/meilensteine/:meilenstein',
    body: () => ({ notiz: 'x', version: STALE }),
    expect: goerlitzEditors(409),
  },
  {
    method: 'POST',
    path: '/api/meilensteine/:meilenstein/zurueckziehen',
    body: () => ({ grund: 'Prüfung', version: STALE }),
    expect: goerlitzEditors(409),
  },
  {
    method: 'POST',
    path: '/api/unterzeichnungen',
    body: () => ({ date: '2024-01-01', unterzeichner: ['LPR'], kommunen: [{ ags: GOERLITZ, version: STALE }] }),
    expect: goerlitzEditors(409),
  },
  {
    method: 'POST',
    path: '/api/foerderantraege',
    body: () => ({ ...ANTRAG, ags: GOERLITZ }),
    expect: goerlitzEditors(201),
  },
  {
    method: 'PUT',
    path: '/api/foerderantraege/:antrag',
    body: () => ({ ...ANTRAG, version: STALE }),
    expect: goerlitzEditors(409),
  },
  {
    method: 'POST',
    path: '/api/foerderantraege/:antrag/auszahlungen',
    body: () => ({ datum: '2025-03-01', betragCent: 100, version: STALE }),
    expect: goerlitzEditors(409),
  },
  { method: 'GET', path: '/api/aktivitaet', expect: everyone(200) },
  { method: 'GET', path: `/api/kommunen/${GOERLITZ}/verlauf`, expect: exceptPd('pd-leipzig') },
  { method: 'GET', path: `/api/kommunen/${LEIPZIG}/verlauf?limit=5`, expect: exceptPd('pd-goerlitz') },
  { method: 'GET', path: `/api/kommunen/${GOERLITZ}/kommentare`, expect: goerlitzStaff(200) },
  {
    method: 'POST',
    path: `/api/kommunen/${GOERLITZ}/kommentare`,
    body: (who) => ({ text: `Anmerkung von ${who} an @lpr` }),
    expect: goerlitzStaff(201),
  },
  { method: 'GET', path: `/api/kommunen/${GOERLITZ}/ansprechpartner`, expect: exceptPd('pd-leipzig') },
  {
    method: 'POST',
    path: `/api/kommunen/${GOERLITZ}/ansprechpartner`,
    body: () => POLIZEIKONTAKT,
    expect: { ...goerlitzEditors(201), 'pd-goerlitz': 201 },
  },
  {
    method: 'PATCH',
    path: '/api/ansprechpartner/:kontakt',
    body: () => ({ notiz: 'x', version: STALE }),
    expect: { ...goerlitzEditors(409), 'pd-goerlitz': 409 },
  },
  // A contact that is not public: staff of the area only.
  { method: 'GET', path: '/api/ansprechpartner/:kontakt/vcard', expect: { ...exceptPd('pd-leipzig'), anonym: 404 } },
  { method: 'GET', path: '/api/wiedervorlagen', expect: signedInOnly(200) },
  { method: 'GET', path: '/api/wiedervorlagen?pd=goerlitz', expect: { ...signedInOnly(200), 'pd-leipzig': 404 } },
  {
    method: 'POST',
    path: `/api/kommunen/${GOERLITZ}/wiedervorlagen`,
    body: () => ({ was: 'Rückruf', faelligAm: '2026-01-15' }),
    expect: { ...goerlitzEditors(201), 'pd-goerlitz': 201 },
  },
  {
    method: 'PATCH',
    path: '/api/wiedervorlagen/:vorlage',
    body: () => ({ erledigt: true, version: STALE }),
    expect: { ...goerlitzEditors(409), 'pd-goerlitz': 409 },
  },
  { method: 'GET', path: '/api/stockt', expect: signedInOnly(200) },
  { method: 'GET', path: '/api/stockt?pd=goerlitz', expect: { ...signedInOnly(200), 'pd-leipzig': 404 } },
  { method: 'GET', path: '/api/stockt/schwellen', expect: signedInOnly(200) },
  {
    method: 'PUT',
    path: '/api/stockt/schwellen',
    body: () => ({ vorvereinbarungMonate: 6, analyseMonate: 9, kprMonate: 12, kontaktMonate: 12, nachweisMonate: 6 }),
    expect: { ...everyone(403), anonym: 401, admin: 200, lpr: 200 },
  },
  { method: 'GET', path: '/api/benachrichtigungen', expect: signedInOnly(200) },
  { method: 'POST', path: '/api/benachrichtigungen/gelesen', body: () => ({}), expect: signedInOnly(200) },
  { method: 'GET', path: '/api/metrics', expect: { ...everyone(403), admin: 200 } },
  { method: 'GET', path: '/api/praesentation', expect: everyone(200) },
  {
    method: 'PUT',
    path: '/api/praesentation',
    body: () => ({ szene: 'wachstum', stand: null }),
    expect: { ...everyone(403), anonym: 401, admin: 200, lpr: 200 },
  },
  { method: 'GET', path: '/api/kiosk-links', expect: { ...everyone(403), anonym: 401, admin: 200, lpr: 200 } },
  {
    method: 'POST',
    path: '/api/kiosk-links',
    body: (who) => ({ name: `Saal ${who}` }),
    expect: { ...everyone(403), anonym: 401, admin: 201, lpr: 201 },
  },
  { method: 'GET', path: '/api/benutzer', expect: adminOnly(200) },
  {
    method: 'POST',
    path: '/api/benutzer',
    body: (who) => ({ email: `neu-${who}@example.org`, name: 'Neu', role: 'lpr', password: 'ein-langes-passwort' }),
    expect: adminOnly(201),
  },
  { method: 'PATCH', path: '/api/benutzer/:target', body: () => ({ name: 'Geändert' }), expect: adminOnly(200) },
  {
    method: 'POST',
    path: '/api/benutzer/:target/password',
    body: () => ({ password: 'noch-ein-langes-passwort' }),
    expect: adminOnly(204),
  },
  { method: 'GET', path: '/api/audit', expect: adminOnly(200) },
  { method: 'POST', path: '/api/auth/ansicht', body: () => ({ role: 'ministerium' }), expect: adminOnly(200) },
  { method: 'DELETE', path: '/api/auth/ansicht', expect: adminOnly(200) },
  { method: 'POST', path: '/api/auth/logout', expect: everyone(204) },
];

async function versionOf(client: TestClient, ags: string): Promise<number> {
  return (await client.json<KommuneDetail>('GET', `/api/kommunen/${ags}`)).body.version;
}

async function signedIn(server: RunningServer, who: Who): Promise<TestClient> {
  const client = new TestClient(server.url);
  if (who !== 'anonym') {
    const account = DEMO_BENUTZER.find((u) => u.email.startsWith(`${who}@`))!;
    expect(await client.login(account.email, DEMO_PASSWORD)).toBe(200);
  }
  return client;
}

describe.each(TEST_DATABASE_KINDS)('authorization on %s', (kind) => {
  let server: RunningServer;
  let target: BenutzerInfo;
  let meilensteinId: number;
  let antragId: number;
  let kontaktId: number;
  let vorlageId: number;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const admin = await signedIn(server, 'admin');
    const created = await admin.json<BenutzerInfo>('POST', '/api/benutzer', {
      email: 'ziel@example.org',
      name: 'Ziel',
      role: 'ministerium',
      password: 'ein-langes-passwort',
    });
    target = created.body;
    const lpr = await signedIn(server, 'lpr');
    meilensteinId = (await lpr.json<KommuneDetail>('GET', `/api/kommunen/${GOERLITZ}`)).body.meilensteine[0]!.id;
    antragId = (
      await lpr.json<{ antrag: { id: number } }>('POST', '/api/foerderantraege', { ...ANTRAG, ags: GOERLITZ })
    ).body.antrag.id;
    kontaktId = (
      await lpr.json<{ ansprechpartner: { id: number } }>(
        'POST',
        `/api/kommunen/${GOERLITZ}/ansprechpartner`,
        POLIZEIKONTAKT,
      )
    ).body.ansprechpartner.id;
    vorlageId = (
      await lpr.json<{ wiedervorlage: { id: number } }>('POST', `/api/kommunen/${GOERLITZ}/wiedervorlagen`, {
        was: 'Rückruf',
        faelligAm: '2026-01-15',
      })
    ).body.wiedervorlage.id;
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  it.each(ROLES)('answers every endpoint as specified for %s', async (who) => {
    const client = await signedIn(server, who);
    const answers: string[] = [];
    const expected: string[] = [];
    for (const cell of MATRIX) {
      const path = cell.path
        .replace(':target', String(target.id))
        .replace(':meilenstein', String(meilensteinId))
        .replace(':antrag', String(antragId))
        .replace(':kontakt', String(kontaktId))
        .replace(':vorlage', String(vorlageId));
      const response = await client.request(cell.method, path, cell.body?.(who));
      answers.push(`${cell.method} ${cell.path} → ${response.status}`);
      expected.push(`${cell.method} ${cell.path} → ${cell.expect[who]}`);
    }
    expect(answers).toEqual(expected);
  });

  it.each(ROLES)('delivers live events and replays only within the scope of %s', async (who) => {
    const client = await signedIn(server, who);
    const { socket, received, brokenChain } = await client.socket();
    try {
      // One event of every type, in both areas, through the API as LPR staff would make them.
      const start = await events.lastSeq(server.test.db);
      const lpr = await signedIn(server, 'lpr');
      const goerlitz = await recordMeilensteinAsLpr(server, {
        ags: GOERLITZ,
        kind: 'coaching_begonnen',
        date: '2025-01-02',
      });
      const leipzig = await recordMeilensteinAsLpr(server, {
        ags: LEIPZIG,
        kind: 'coaching_begonnen',
        date: '2025-01-03',
      });
      const idOf = (event: DomainEventOf<'meilenstein:recorded'>) => event.after.id;
      const answers = [
        (await lpr.request('POST', `/api/kommunen/${LEIPZIG}/kommentare`, { text: 'Bitte prüfen' })).status,
        (await lpr.request('POST', '/api/foerderantraege', { ...ANTRAG, ags: GOERLITZ })).status,
        (await lpr.request('POST', `/api/kommunen/${LEIPZIG}/ansprechpartner`, POLIZEIKONTAKT)).status,
        (
          await lpr.request('POST', `/api/kommunen/${GOERLITZ}/wiedervorlagen`, {
            was: 'Anruf',
            faelligAm: '2026-02-01',
          })
        ).status,
        (
          await lpr.request('PATCH', `/api/meilensteine/${idOf(leipzig)}`, {
            notiz: 'korrigiert',
            version: await versionOf(lpr, LEIPZIG),
          })
        ).status,
        (
          await lpr.request('POST', `/api/meilensteine/${idOf(goerlitz)}/zurueckziehen`, {
            grund: 'Doppelt erfasst',
            version: await versionOf(lpr, GOERLITZ),
          })
        ).status,
        // Withdrawn again, so the next role's round starts from the same state.
        (
          await lpr.request('POST', `/api/meilensteine/${idOf(leipzig)}/zurueckziehen`, {
            grund: 'Testlauf',
            version: await versionOf(lpr, LEIPZIG),
          })
        ).status,
      ];
      expect(answers).toEqual([201, 201, 201, 201, 200, 200, 200]);
      const made = (await events.routedSince(server.test.db, start)).map((routed) => routed.event);
      expect(made.map((e) => e.type)).toEqual([
        'meilenstein:recorded',
        'meilenstein:recorded',
        'kommentar:created',
        'foerderantrag:saved',
        'ansprechpartner:saved',
        'wiedervorlage:saved',
        'meilenstein:corrected',
        'meilenstein:withdrawn',
        'meilenstein:withdrawn',
      ]);
      const area = (e: VisibleEvent) => (e.ags === LEIPZIG ? 'pd-leipzig' : 'pd-goerlitz');
      const inScope = who.startsWith('pd-') ? made.filter((e) => area(e) === who) : made;
      // The public sees milestones without notes or names, and no funding events, comments, contacts or next steps.
      const visible = who === 'anonym' ? inScope.flatMap((e) => toPublicEvent(e) ?? []) : inScope;
      await expect.poll(() => received.length, { timeout: 2_000 }).toBe(visible.length);
      // A moment longer, so an event that should not arrive would have.
      await new Promise((r) => setTimeout(r, 200));
      expect(received).toEqual(visible);
      expect(brokenChain()).toEqual([]);
      expect(await socket.emitWithAck('events:since', start)).toEqual({ data: visible });
    } finally {
      socket.close();
    }
  });
});

describe.each(TEST_DATABASE_KINDS)('police directorates see nothing of each other on %s', (kind) => {
  const server = useTestServer(kind);

  const AREAS = {
    'pd-goerlitz': { own: 'goerlitz', other: 'leipzig', otherAgs: LEIPZIG, otherPrefixes: ['14713', '14729', '14730'] },
    'pd-leipzig': { own: 'leipzig', other: 'goerlitz', otherAgs: GOERLITZ, otherPrefixes: ['14625', '14626'] },
  } as const;

  it.each(Object.keys(AREAS) as (keyof typeof AREAS)[])(
    '%s: no endpoint and no event reveals the other area',
    async (who) => {
      const area = AREAS[who];
      const client = await signedIn(server, who);
      const leaks = (text: string) => area.otherPrefixes.some((prefix) => text.includes(`"${prefix}`));

      const list = await client.json<KommuneSummary[]>('GET', '/api/kommunen');
      expect(list.body.length).toBeGreaterThan(0);
      expect(list.body.every((k) => k.polizeidirektion === area.own)).toBe(true);
      const kpi = await client.json<KpiSnapshot>('GET', '/api/kpi');
      expect(kpi.body.polizeidirektion).toBe(area.own);
      const verlauf = await client.json<KpiPoint[]>('GET', '/api/kpi/verlauf');
      const ownVerlauf = await new TestClient(server.url).json<KpiPoint[]>('GET', `/api/kpi/verlauf?pd=${area.own}`);
      expect(verlauf.body).toEqual(ownVerlauf.body);
      for (const path of [
        '/api/kommunen',
        '/api/kpi',
        '/api/kpi/verlauf',
        '/api/auth/me',
        '/api/aktivitaet',
        '/api/wiedervorlagen',
      ]) {
        expect(leaks(await (await client.request('GET', path)).text()), path).toBe(false);
      }
      for (const path of [
        `/api/kommunen/${area.otherAgs}`,
        `/api/kpi?pd=${area.other}`,
        `/api/kpi/verlauf?pd=${area.other}`,
        `/api/kommunen/${area.otherAgs}/verlauf`,
        `/api/kommunen/${area.otherAgs}/kommentare`,
        `/api/kommunen/${area.otherAgs}/ansprechpartner`,
        `/api/wiedervorlagen?ags=${area.otherAgs}`,
      ]) {
        const response = await client.request('GET', path);
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
        expect(leaks(await response.text())).toBe(false);
      }

      const { socket, received } = await client.socket();
      const presence: PresenceEntry[] = [];
      socket.on('presence:updated', (entry) => presence.push(entry));
      const other = await recordMeilensteinAsLpr(server, {
        ags: area.otherAgs,
        kind: 'praeventionskonzept_beschlossen',
        date: '2025-02-01',
      });
      // A colleague of the Land comments on and looks at a Kommune of the other area.
      const lpr = await signedIn(server, 'lpr');
      expect((await lpr.request('POST', `/api/kommunen/${area.otherAgs}/kommentare`, { text: 'Intern' })).status).toBe(
        201,
      );
      const { socket: lprSocket } = await lpr.socket();
      lprSocket.emit('presence:set', { ags: area.otherAgs, editing: true });
      // Own presence announced in the other area is refused as well.
      socket.emit('presence:set', { ags: area.otherAgs, editing: false });
      await new Promise((r) => setTimeout(r, 300));
      const replay = (await socket.emitWithAck('events:since', other.seq - 1)) as { data: VisibleEvent[] };
      const listed = (await socket.emitWithAck('presence:list')) as { data: PresenceEntry[] };
      socket.close();
      lprSocket.close();
      expect(received).toEqual([]);
      expect(replay.data).toEqual([]);
      expect(presence).toEqual([]);
      expect(listed.data).toEqual([]);
    },
  );
});
