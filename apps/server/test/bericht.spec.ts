import { describe, expect, it } from 'vitest';
import { demoBenutzer } from './test-client.ts';
import { useTestServer } from './test-server.ts';

// The PDF itself is made by Chromium from the dashboard's page: e2e/tests/bericht.spec.ts reads it
// back. Here: what the route answers before any rendering, on a server whose Chromium is missing.

describe('GET /api/bericht without Chromium', () => {
  const server = useTestServer('pglite', { chromiumPath: '/nicht/vorhanden/chromium' });

  it('answers 503 with a German message naming what is missing and how to add it', async () => {
    const response = await fetch(`${server.url}/api/bericht?stand=2025-12-31`);
    expect(response.status).toBe(503);
    const { error } = (await response.json()) as { error: string };
    expect(error).toContain('„/nicht/vorhanden/chromium“ gibt es nicht');
    expect(error).toContain('apt-get install chromium');
    expect(error).toContain('CHROMIUM_PATH');
  });

  it('checks the query and the scope first: 400 for a bad day, 404 outside the caller’s area', async () => {
    const bad = await fetch(`${server.url}/api/bericht?stand=2025-12-31&seit=2026-01-01`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe('Parameter „seit“: muss vor dem Stand liegen');
    expect((await fetch(`${server.url}/api/bericht?stand=morgen`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/bericht?stand=2025-12-31&pd=nirgendwo`)).status).toBe(400);

    const goerlitz = await demoBenutzer(server.url, 'pd-goerlitz');
    expect((await goerlitz.request('GET', '/api/bericht?stand=2025-12-31&pd=leipzig')).status).toBe(404);
    expect((await goerlitz.request('GET', '/api/bericht?stand=2025-12-31&kreis=14713')).status).toBe(404);
    expect((await goerlitz.request('GET', '/api/bericht?stand=2025-12-31&pd=goerlitz')).status).toBe(503);
  });
});
