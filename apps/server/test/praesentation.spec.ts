import { describe, expect, it } from 'vitest';
import { TEST_DATABASE_KINDS } from '@asskomm/db/testing';
import type { KioskLink, PraesentationStand } from '@asskomm/domain';
import { demoBenutzer, TestClient } from './test-client.ts';
import { useTestServer, useTwoNodes } from './test-server.ts';

/** PUT /api/praesentation as a venue screen with a kiosk link, without an account. */
function asKiosk(url: string, token: string, body: unknown): Promise<Response> {
  return fetch(`${url}/api/praesentation`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', origin: url, authorization: `Kiosk ${token}` },
    body: JSON.stringify(body),
  });
}

describe.each(TEST_DATABASE_KINDS)('the Fachtag presentation on %s', (kind) => {
  const server = useTestServer(kind);

  it('moves every screen, the public audience included, when the LPR steps it', async () => {
    const lpr = await demoBenutzer(server.url, 'lpr');
    const { socket: audience } = await new TestClient(server.url).socket();
    const seen: PraesentationStand[] = [];
    audience.on('praesentation:stand', (stand) => seen.push(stand));
    try {
      const before = await new TestClient(server.url).json<PraesentationStand>('GET', '/api/praesentation');
      expect(before.status).toBe(200);
      const moved = await lpr.json<PraesentationStand>('PUT', '/api/praesentation', {
        szene: 'wachstum',
        stand: '2021-09-30',
      });
      expect(moved.body).toMatchObject({ szene: 'wachstum', stand: '2021-09-30', version: before.body.version + 1 });
      await expect.poll(() => seen, { timeout: 2_000 }).toEqual([moved.body]);
      // A screen that reloads returns to the same scene.
      expect((await new TestClient(server.url).json('GET', '/api/praesentation')).body).toEqual(moved.body);
    } finally {
      audience.close();
    }
  });

  it('refuses unknown scenes and dates with 400 naming the field, and keeps the state', async () => {
    const lpr = await demoBenutzer(server.url, 'lpr');
    const before = (await lpr.json<PraesentationStand>('GET', '/api/praesentation')).body;
    for (const [body, field] of [
      [{ szene: 'finale', stand: null }, 'szene'],
      [{ szene: 'karte', stand: '31.12.2021' }, 'stand'],
    ] as const) {
      const answer = await lpr.json<{ field: string; error: string }>('PUT', '/api/praesentation', body);
      expect(answer.status).toBe(400);
      expect(answer.body.field).toBe(field);
    }
    expect((await lpr.json('GET', '/api/praesentation')).body).toEqual(before);
  });

  it('lets a kiosk link present and nothing else, until it is revoked', async () => {
    const lpr = await demoBenutzer(server.url, 'lpr');
    const created = await lpr.json<{ link: KioskLink; token: string }>('POST', '/api/kiosk-links', {
      name: 'Fachtag 2026, Saal 1',
    });
    expect(created.status).toBe(201);
    const { link, token } = created.body;
    expect(link).toMatchObject({ name: 'Fachtag 2026, Saal 1', erstelltVon: 'Demo LPR-Team', widerrufenAm: null });
    const listed = await lpr.request('GET', '/api/kiosk-links');
    expect(await listed.text()).not.toContain(token);

    expect((await asKiosk(server.url, token, { szene: 'polizeidirektionen', stand: null })).status).toBe(200);
    expect((await asKiosk(server.url, 'falsch', { szene: 'karte', stand: null })).status).toBe(401);
    const ministerium = await demoBenutzer(server.url, 'ministerium');
    expect((await ministerium.request('PUT', '/api/praesentation', { szene: 'karte', stand: null })).status).toBe(403);
    expect((await new TestClient(server.url).request('PUT', '/api/praesentation', { szene: 'karte' })).status).toBe(
      401,
    );

    expect((await lpr.request('DELETE', `/api/kiosk-links/${link.id}`)).status).toBe(204);
    const refused = await asKiosk(server.url, token, { szene: 'karte', stand: null });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toMatch(/widerrufen/);
    expect((await lpr.request('DELETE', `/api/kiosk-links/${link.id}`)).status).toBe(404);
  });
});

describe.skipIf(!TEST_DATABASE_KINDS.includes('postgres'))('the presentation across two nodes', () => {
  const { first: server, second } = useTwoNodes();

  it('reaches the audience of the other node', async () => {
    const { socket: audience } = await new TestClient(second.url).socket();
    const seen: PraesentationStand[] = [];
    audience.on('praesentation:stand', (stand) => seen.push(stand));
    try {
      const lpr = await demoBenutzer(server.url, 'lpr');
      const moved = await lpr.json<PraesentationStand>('PUT', '/api/praesentation', {
        szene: 'kpr-foerderung',
        stand: null,
      });
      await expect.poll(() => seen, { timeout: 3_000 }).toEqual([moved.body]);
    } finally {
      audience.close();
    }
  });
});
