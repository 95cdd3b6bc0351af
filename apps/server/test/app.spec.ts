import { describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { TEST_DATABASE_KINDS } from '@asskomm/db/testing';
import {
  toPublicEvent,
  type ClientToServerEvents,
  type KommuneSummary,
  type KpiPoint,
  type KpiSnapshot,
  type ServerToClientEvents,
  type VisibleEvent,
} from '@asskomm/domain';
import { GEMEINDE_COUNT } from '@asskomm/geo';
import { recordMeilensteinAsLpr, useTestServer } from './test-server.ts';

async function getJson<T>(url: string): Promise<{ status: number; body: T; type: string | null }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as T, type: response.headers.get('content-type') };
}

describe.each(TEST_DATABASE_KINDS)('server on %s', (kind) => {
  const server = useTestServer(kind);

  it('reports health with the database kind', async () => {
    const { status, body } = await getJson<{ status: string; database: string }>(`${server.url}/api/health`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', database: kind });
  });

  it('lists every current Gemeinde with Kreis, Polizeidirektion and status', async () => {
    const { status, body } = await getJson<KommuneSummary[]>(`${server.url}/api/kommunen?stand=2023-09-14`);
    expect(status).toBe(200);
    expect(body.filter((k) => k.ags.length === 8)).toHaveLength(GEMEINDE_COUNT);
    expect(body.find((k) => k.name === 'Heidenau')).toMatchObject({
      kreis: '14628',
      polizeidirektion: 'dresden',
      status: expect.stringMatching(/^mitglied/),
    });
  });

  it('answers the KPIs as of a date, for the Land and for a Polizeidirektion', async () => {
    const land = await getJson<KpiSnapshot>(`${server.url}/api/kpi?stand=2021-09-01`);
    expect(land.status).toBe(200);
    expect(land.body).toMatchObject({ stand: '2021-09-01', beraten: 121, kpr: 25, polizeidirektion: null });
    const pd = await getJson<KpiSnapshot>(`${server.url}/api/kpi?stand=2021-09-01&pd=goerlitz`);
    expect(pd.body.polizeidirektion).toBe('goerlitz');
    expect(pd.body.beraten).toBeLessThan(land.body.beraten);
  });

  it('answers the growth curve month by month', async () => {
    const { body } = await getJson<KpiPoint[]>(`${server.url}/api/kpi/verlauf?bis=2021-12-01`);
    expect(body[0]?.stand).toBe('2019-02-28');
    expect(body.at(-1)).toMatchObject({ stand: '2021-12-01', mitglieder: 30 });
  });

  it('rejects bad query parameters with 400 and a German message naming the parameter', async () => {
    const cases: [string, string][] = [
      ['/api/kpi?stand=gestern', 'stand'],
      ['/api/kpi?stand=2021-02-30', 'stand'],
      ['/api/kpi?pd=berlin', 'pd'],
      ['/api/kpi?kreis=abc', 'kreis'],
      ['/api/kommunen?stand=2021-01-01&stand=2021-02-01', 'stand'],
      ['/api/kpi?sort=name', 'sort'],
      ['/api/kommunen/14626110?stand=morgen', 'stand'],
      ['/api/foerderung?jahr=zweitausend', 'jahr'],
    ];
    for (const [path, field] of cases) {
      const { status, body } = await getJson<{ error: string; field: string }>(`${server.url}${path}`);
      expect({ path, status, field: body.field }).toEqual({ path, status: 400, field });
      expect(body.error).toContain(`„${field}“`);
    }
  });

  it('answers unknown API paths with JSON 404 and malformed URLs with 400', async () => {
    const missing = await getJson<{ error: string }>(`${server.url}/api/gibtsnicht`);
    expect(missing.status).toBe(404);
    expect(missing.type).toContain('application/json');
    const malformed = await getJson<{ error: string }>(`${server.url}/api/kpi?stand=%E0%A4%A`);
    expect(malformed.status).toBe(400);
  });

  it('pushes a committed change to a real Socket.IO client and replays it on request', async () => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(server.url, {
      path: '/socket.io',
      transports: ['websocket'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      const received = new Promise<VisibleEvent>((resolve) => socket.once('domain:event', resolve));
      const recorded = await recordMeilensteinAsLpr(server, {
        ags: '14626110',
        kind: 'coaching_begonnen',
        date: '2024-05-02',
      });
      // This client is not signed in: it gets the public part of the event.
      expect(await received).toEqual(toPublicEvent(recorded));
      expect(await received).toMatchObject({
        ags: '14626110',
        after: { kind: 'coaching_begonnen', date: '2024-05-02' },
      });
      const replay = await socket.emitWithAck('events:since', recorded.seq - 1);
      expect(replay).toEqual({ data: [toPublicEvent(recorded)] });
      const refused = await socket.emitWithAck('events:since', -5);
      expect(refused).toHaveProperty('error');
    } finally {
      socket.close();
    }
  });
});
