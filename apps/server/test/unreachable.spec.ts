import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createDb } from '@asskomm/db';
import { createApp } from '../src/app.ts';

describe('with PostgreSQL unreachable', () => {
  it('keeps running, answers health 503 and API calls 503 with a German message', async () => {
    // Port 9 (discard) has no PostgreSQL: every connection attempt fails at once.
    const handle = createDb({ databaseUrl: 'postgres://postgres@127.0.0.1:9/asskomm' });
    const log: string[] = [];
    const app = createApp({ handle, demoMode: false, log: (m) => log.push(m) });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'unavailable', database: 'postgres' });
      const kpi = await fetch(`${base}/api/kpi`);
      expect(kpi.status).toBe(503);
      expect(((await kpi.json()) as { error: string }).error).toMatch(/Datenbank/);
      await expect
        .poll(() => log.filter((m) => m.includes('neuer Versuch')).length, { timeout: 5_000 })
        .toBeGreaterThan(1);
    } finally {
      await app.close();
    }
  });
});
