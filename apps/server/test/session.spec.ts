import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import type { AuditEntry, Me } from '@asskomm/domain';
import { DEMO_PASSWORD } from '../src/auth/initial-benutzer.ts';
import { TestClient } from './test-client.ts';
import { startTestServer, useTestServer, type RunningServer } from './test-server.ts';

const LPR = 'lpr@demo.asskomm.invalid';
const ADMIN = 'admin@demo.asskomm.invalid';

describe('sessions and login', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer('pglite');
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('logs in with a HttpOnly, SameSite=Lax cookie and answers /me with role and scope', async () => {
    const client = new TestClient(server.url);
    const response = await client.request('POST', '/api/auth/login', {
      email: 'PD-Goerlitz@demo.asskomm.invalid',
      password: DEMO_PASSWORD,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(
      /^asskomm_sitzung=[\w-]{43}; Max-Age=43200; Path=\/; .*HttpOnly; SameSite=Lax$/,
    );
    const me = await client.json<Me>('GET', '/api/auth/me');
    expect(me.body).toMatchObject({
      benutzer: { email: 'pd-goerlitz@demo.asskomm.invalid', role: 'polizei', polizeidirektion: 'goerlitz' },
      scope: { kind: 'polizeidirektion', polizeidirektion: 'goerlitz' },
      canEdit: false,
    });
  });

  it('gives the same German answer for a wrong password and an unknown account', async () => {
    const wrong = await new TestClient(server.url).json<{ error: string }>('POST', '/api/auth/login', {
      email: LPR,
      password: 'falsch-falsch',
    });
    const unknown = await new TestClient(server.url).json<{ error: string }>('POST', '/api/auth/login', {
      email: 'niemand@example.org',
      password: 'falsch-falsch',
    });
    expect(wrong).toEqual({ status: 401, body: { error: 'E-Mail-Adresse oder Passwort ist falsch.' } });
    expect(unknown).toEqual(wrong);
  });

  it('issues a new session id at login and never adopts one set before (fixation)', async () => {
    const client = new TestClient(server.url);
    expect(await client.login(LPR, DEMO_PASSWORD)).toBe(200);
    const first = client.cookie;
    expect(await client.login(LPR, DEMO_PASSWORD)).toBe(200);
    expect(client.cookie).not.toEqual(first);
    const stale = new TestClient(server.url);
    stale.cookie = first;
    expect((await stale.request('GET', '/api/auth/me')).status).toBe(401);
    const planted = new TestClient(server.url);
    planted.cookie = `asskomm_sitzung=${'A'.repeat(43)}`;
    expect(await planted.login(LPR, DEMO_PASSWORD)).toBe(200);
    expect(planted.cookie).not.toContain('A'.repeat(43));
  });

  it('invalidates the session on logout and disconnects its sockets within a second', async () => {
    const client = new TestClient(server.url);
    await client.login(LPR, DEMO_PASSWORD);
    const cookie = client.cookie;
    const { socket } = await client.socket();
    const disconnected = new Promise<number>((resolve) => {
      const started = Date.now();
      socket.once('disconnect', () => resolve(Date.now() - started));
    });
    expect((await client.request('POST', '/api/auth/logout')).status).toBe(204);
    expect(await disconnected).toBeLessThan(1_000);
    const replay = new TestClient(server.url);
    replay.cookie = cookie;
    expect((await replay.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('disconnects the sockets of a user an admin deactivates, and refuses that user', async () => {
    const admin = new TestClient(server.url);
    await admin.login(ADMIN, DEMO_PASSWORD);
    const created = await admin.json<{ id: number }>('POST', '/api/benutzer', {
      email: 'kurzzeit@example.org',
      name: 'Kurzzeit',
      role: 'lpr',
      password: 'ein-langes-passwort',
    });
    const user = new TestClient(server.url);
    expect(await user.login('kurzzeit@example.org', 'ein-langes-passwort')).toBe(200);
    const { socket } = await user.socket();
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    const started = Date.now();
    expect((await admin.request('PATCH', `/api/benutzer/${created.body.id}`, { active: false })).status).toBe(200);
    await disconnected;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await user.request('GET', '/api/auth/me')).status).toBe(401);
    expect(await new TestClient(server.url).login('kurzzeit@example.org', 'ein-langes-passwort')).toBe(401);
  });

  it('refuses an admin to lock themselves out', async () => {
    const admin = new TestClient(server.url);
    await admin.login(ADMIN, DEMO_PASSWORD);
    const me = await admin.json<Me>('GET', '/api/auth/me');
    const answer = await admin.json<{ error: string }>('PATCH', `/api/benutzer/${me.body.benutzer.id}`, {
      active: false,
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatch(/nicht selbst/);
  });

  it('throttles logins per account with a German message, also for the right password', async () => {
    const email = 'ministerium@demo.asskomm.invalid';
    for (let i = 0; i < 5; i++) expect(await new TestClient(server.url).login(email, 'falsches-passwort')).toBe(401);
    const blocked = await new TestClient(server.url).json<{ error: string }>('POST', '/api/auth/login', {
      email,
      password: DEMO_PASSWORD,
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toMatch(/Zu viele fehlgeschlagene Anmeldungen/);
    expect(await new TestClient(server.url).login(LPR, DEMO_PASSWORD)).toBe(200);
  });

  it('refuses state changes from other origins, and non-JSON bodies', async () => {
    const client = new TestClient(server.url);
    const body = JSON.stringify({ email: LPR, password: DEMO_PASSWORD });
    const foreign = await client.request('POST', '/api/auth/login', body, {
      origin: 'https://boese.example',
      'content-type': 'application/json',
    });
    expect(foreign.status).toBe(403);
    const crossSite = await client.request('POST', '/api/auth/login', body, {
      'sec-fetch-site': 'cross-site',
      'content-type': 'application/json',
    });
    expect(crossSite.status).toBe(403);
    expect((await client.request('POST', '/api/auth/login', body, { 'content-type': 'text/plain' })).status).toBe(415);
    const form = await client.request('POST', '/api/auth/login', `email=${LPR}&password=x`, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
  });

  it('refuses a WebSocket handshake from another origin', async () => {
    const socket = connect(server.url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { origin: 'https://boese.example' },
    });
    await expect(
      new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(undefined));
        socket.once('connect_error', reject);
      }),
    ).rejects.toThrow();
    socket.close();
  });

  it('rejects malformed bodies with 400 naming the field, and writes nothing', async () => {
    const admin = new TestClient(server.url);
    await admin.login(ADMIN, DEMO_PASSWORD);
    const before = (await admin.json<unknown[]>('GET', '/api/benutzer')).body.length;
    const cases: [string, string, unknown, string | undefined][] = [
      ['POST', '/api/auth/login', '{"email": ', undefined],
      ['POST', '/api/auth/login', { email: 'x'.repeat(300) + '@example.org', password: 'x' }, 'email'],
      ['POST', '/api/auth/login', { email: LPR }, 'password'],
      [
        'POST',
        '/api/benutzer',
        { email: 'a@example.org', name: 'A', role: 'kaiser', password: 'ein-langes-passwort' },
        'role',
      ],
      [
        'POST',
        '/api/benutzer',
        { email: 'a@example.org', name: 'A', role: 'polizei', password: 'ein-langes-passwort' },
        'polizeidirektion',
      ],
      [
        'POST',
        '/api/benutzer',
        {
          email: 'a@example.org',
          name: 'A',
          role: 'polizei',
          polizeidirektion: 'berlin',
          password: 'ein-langes-passwort',
        },
        'polizeidirektion',
      ],
      ['POST', '/api/benutzer', { email: 'a@example.org', name: 'A', role: 'lpr', password: 'kurz' }, 'password'],
    ];
    for (const [method, path, body, field] of cases) {
      const answer = await admin.json<{ error: string; field?: string }>(method, path, body);
      expect({ path, status: answer.status, field: answer.body.field }).toEqual({ path, status: 400, field });
      expect(answer.body.error.length).toBeGreaterThan(5);
    }
    expect((await admin.json<unknown[]>('GET', '/api/benutzer')).body.length).toBe(before);
  });

  it('redirects the old /api/users paths to /api/benutzer, method and body kept', async () => {
    const admin = new TestClient(server.url);
    expect(await admin.login(ADMIN, DEMO_PASSWORD)).toBe(200);
    const list = await admin.request('GET', '/api/users?format=csv', undefined, {});
    expect(list.status).toBe(200);
    expect(list.url).toBe(`${server.url}/api/benutzer?format=csv`);
    const old = await fetch(`${server.url}/api/users/7/password`, { method: 'POST', redirect: 'manual' });
    expect(old.status).toBe(308);
    expect(old.headers.get('location')).toBe('/api/benutzer/7/password');
  });

  it('records logins, failures, logouts and user changes in the audit log', async () => {
    const admin = new TestClient(server.url);
    await admin.login(ADMIN, DEMO_PASSWORD);
    const log = (await admin.json<AuditEntry[]>('GET', '/api/audit')).body;
    const actions = new Set(log.map((e) => e.action));
    for (const action of ['login', 'login_failed', 'logout', 'benutzer_created', 'benutzer_updated'])
      expect(actions).toContain(action);
    const failure = log.find((e) => e.action === 'login_failed')!;
    expect(failure.details).toHaveProperty('email');
    expect(failure.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const update = log.find((e) => e.action === 'benutzer_updated')!;
    expect(update.actor?.name).toBe('Demo Administration');
    expect(update.details).toMatchObject({ vorher: { aktiv: true }, nachher: { aktiv: false } });
  });
});

describe('a flood of logins', () => {
  // Behind a proxy, so the flood and the admin come from different addresses.
  const server = useTestServer('pglite', { trustProxy: true });
  const from = (ip: string) => ({ 'x-forwarded-for': ip });

  it('checks at most five simultaneous wrong passwords for one account, each written as the failure it was', async () => {
    const email = 'pd-dresden@demo.asskomm.invalid';
    const body = { email, password: 'falsches-passwort' };
    const flood = await Promise.all(
      Array.from({ length: 30 }, async () => {
        const response = await new TestClient(server.url).request('POST', '/api/auth/login', body, from('10.0.0.1'));
        return response.status;
      }),
    );
    expect(flood.filter((status) => status === 401)).toHaveLength(5);
    expect(flood.filter((status) => status === 429)).toHaveLength(25);
    // Nothing is left undecided: every attempt is written as the login or failure it was.
    const admin = new TestClient(server.url);
    const login = { email: ADMIN, password: DEMO_PASSWORD };
    expect((await admin.request('POST', '/api/auth/login', login, from('10.0.0.2'))).status).toBe(200);
    const log = (await admin.json<AuditEntry[]>('GET', '/api/audit')).body;
    const ofTheAccount = log.filter((e) => e.details.email === email || e.target?.email === email);
    expect(ofTheAccount.map((e) => e.action)).toEqual(Array(30).fill('login_failed'));
    expect(log.some((e) => e.action === 'login_pending')).toBe(false);
  });
});

describe('session time limits', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer('pglite', { session: { idleMs: 800, absoluteMs: 2_000 } });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('ends a session after the idle timeout', async () => {
    const client = new TestClient(server.url);
    await client.login(LPR, DEMO_PASSWORD);
    expect((await client.request('GET', '/api/auth/me')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await client.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('ends an active session at the absolute limit', async () => {
    const client = new TestClient(server.url);
    await client.login(LPR, DEMO_PASSWORD);
    const started = Date.now();
    while (Date.now() - started < 1_800) {
      expect((await client.request('GET', '/api/auth/me')).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
    }
    await new Promise((r) => setTimeout(r, 400));
    expect((await client.request('GET', '/api/auth/me')).status).toBe(401);
  });
});

describe('production mode', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer('pglite', {
      demoMode: false,
      admin: { email: 'chef@lpr.example', password: 'ein-sehr-langes-passwort' },
      // Stands in for the SvelteKit build (the e2e suite runs the real one): a page as HTML.
      pages: (_req, res) => res.end('<!doctype html><title>Seite</title>'),
    });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('has no demo accounts, creates the admin from the environment and sets a __Host- Secure cookie', async () => {
    expect(await new TestClient(server.url).login(LPR, DEMO_PASSWORD)).toBe(401);
    const admin = new TestClient(server.url);
    const response = await admin.request('POST', '/api/auth/login', {
      email: 'chef@lpr.example',
      password: 'ein-sehr-langes-passwort',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-asskomm_sitzung=[\w-]{43};.*Secure/);
    const refused = await admin.json<{ field: string }>('POST', '/api/benutzer', {
      email: 'x@demo.asskomm.invalid',
      name: 'X',
      role: 'lpr',
      password: 'ein-langes-passwort',
    });
    expect(refused).toMatchObject({ status: 422, body: { field: 'email' } });
  });

  it('tells browsers to reach it over HTTPS only, for at least a year', async () => {
    const hsts = (await fetch(`${server.url}/api/health`)).headers.get('strict-transport-security');
    expect(Number(/max-age=(\d+)/.exec(hsts ?? '')?.[1])).toBeGreaterThanOrEqual(365 * 24 * 3600);
  });

  it('lets no cache keep a page rendered for a signed-in user', async () => {
    const visitor = new TestClient(server.url);
    expect((await visitor.request('GET', '/kommunen')).headers.get('cache-control')).toBeNull();
    const admin = new TestClient(server.url);
    expect(await admin.login('chef@lpr.example', 'ein-sehr-langes-passwort')).toBe(200);
    const page = await admin.request('GET', '/kommunen');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
  });
});
