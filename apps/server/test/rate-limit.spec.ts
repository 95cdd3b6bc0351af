import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it, vi } from 'vitest';
import { TEST_DATABASE_KINDS } from '@asskomm/db/testing';
import { anonymousLine } from '../src/rate-limit.ts';
import { demoBenutzer } from './test-client.ts';
import { startSecondNode, useTestServer } from './test-server.ts';

const PER_MINUTE = 5;
const SSR_TOKEN = 'token-des-seitenservers';

/** `count` anonymous GETs of `path` from `address` (behind the proxy); answers their statuses. */
async function anonymous(url: string, address: string, count: number, headers: Record<string, string> = {}) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${url}/api/kpi`, { headers: { 'x-forwarded-for': address, ...headers } });
    statuses.push(response.status);
    if (response.status === 429) {
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(response.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(((await response.json()) as { error: string }).error).toMatch(/^Zu viele Anfragen von dieser Adresse/);
    } else await response.body?.cancel();
  }
  return statuses;
}

const limited = [200, 200, 200, 200, 200, 429, 429];

/** Counts go by the clock's minute: a test starts with at least 20 s of it left, so it never straddles two. */
async function freshMinute(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 40_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 100));
}

describe.each(TEST_DATABASE_KINDS)('anonymous API requests per address (%s)', (kind) => {
  const server = useTestServer(kind, { trustProxy: true, requestsPerMinute: PER_MINUTE, ssrToken: SSR_TOKEN });

  it('answers an address beyond its requests per minute with 429, others and signed-in users go on', async () => {
    await freshMinute();
    // Each test uses addresses of its own: the minute's counts outlive a test.
    expect(await anonymous(server.url, '198.51.100.1', 7)).toEqual(limited);
    expect(await anonymous(server.url, '198.51.100.2', 1)).toEqual([200]);
    expect((await fetch(`${server.url}/api/health`, { headers: { 'x-forwarded-for': '198.51.100.1' } })).status).toBe(
      200,
    );
    const lpr = await demoBenutzer(server.url, 'lpr');
    for (let i = 0; i < PER_MINUTE + 2; i++) expect((await lpr.json('GET', '/api/kpi')).status).toBe(200);
  });

  it('counts the page rendering’s requests for the visitor it names, and only with the token', async () => {
    await freshMinute();
    const rendered = { 'x-asskomm-client': '203.0.113.9', 'x-asskomm-ssr': SSR_TOKEN };
    expect(await anonymous(server.url, '127.0.0.1', 7, rendered)).toEqual(limited);
    // The renderer itself (loopback) is not the one counted …
    expect(await anonymous(server.url, '127.0.0.1', 1)).toEqual([200]);
    // … and a visitor naming someone else without the token is counted as itself.
    const forged = { 'x-asskomm-client': '203.0.113.10', 'x-asskomm-ssr': 'geraten' };
    expect(await anonymous(server.url, '198.51.100.3', 7, forged)).toEqual(limited);
    expect(await anonymous(server.url, '127.0.0.1', 1, { ...rendered, 'x-asskomm-client': '203.0.113.10' })).toEqual([
      200,
    ]);
  });

  it.runIf(kind === 'postgres')('counts an address on every node together', async () => {
    const second = await startSecondNode(server, { trustProxy: true, requestsPerMinute: PER_MINUTE });
    try {
      await freshMinute();
      const first = await anonymous(server.url, '198.51.100.4', 3);
      const then = await anonymous(second.url, '198.51.100.4', 4);
      expect([...first, ...then]).toEqual(limited);
    } finally {
      await second.stop();
    }
  });
});

describe('the line of anonymous requests', () => {
  it('gives a waiting request’s place to the next one when its client goes away, and keeps signed-in users out of it', async () => {
    // The line itself on a tiny server: a route that answers only when told to, four places.
    const haengend: (() => void)[] = [];
    const app = express();
    app.use((req, res, next) => {
      res.locals.auth = { session: req.headers.cookie ? { id: 'angemeldet' } : null };
      next();
    });
    app.use(anonymousLine());
    app.get('/langsam', (_req, res) => void haengend.push(() => res.end('spät')));
    app.get('/schnell', (_req, res) => void res.end('sofort'));
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      // Four anonymous requests take the four places and wait for their answers.
      const besetzt = Array.from({ length: 4 }, () => fetch(`${url}/langsam`));
      await vi.waitFor(() => expect(haengend).toHaveLength(4));
      // Ten more wait in line, and their clients give up.
      const aufgegeben = Array.from({ length: 10 }, () => new AbortController());
      const wartend = aufgegeben.map((abbruch) =>
        fetch(`${url}/schnell`, { signal: abbruch.signal }).catch(() => null),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const abbruch of aufgegeben) abbruch.abort();
      await Promise.all(wartend);
      // A signed-in user never waits in it.
      expect(await (await fetch(`${url}/schnell`, { headers: { cookie: 'sitzung=1' } })).text()).toBe('sofort');
      // The four are answered: the places are free, and none of the ten who left still holds one.
      for (const antworte of haengend) antworte();
      await Promise.all((await Promise.all(besetzt)).map((response) => response.text()));
      const danach = await Promise.all(
        Array.from({ length: 4 }, () => fetch(`${url}/schnell`, { signal: AbortSignal.timeout(2000) })),
      );
      expect(await Promise.all(danach.map((response) => response.text()))).toEqual(Array(4).fill('sofort'));
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
