import { describe, expect, it } from 'vitest';
import { TEST_DATABASE_KINDS } from '@asskomm/db/testing';
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
