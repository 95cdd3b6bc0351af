import { describe, expect, it } from 'vitest';
import { TEST_DATABASE_KINDS } from '@asskomm/db/testing';
import { DEMO_PASSWORD } from '../../src/auth/initial-benutzer.ts';
import { TestClient } from '../test-client.ts';
import { useTestServer } from '../test-server.ts';
import { expectInStep } from './database-truth.ts';
import { NotizWriter } from './notiz-writer.ts';
import { SyncClient } from './sync-client.ts';

const OFFLINE_MS = 30_000;
const CHANGES = 100;

describe.each(TEST_DATABASE_KINDS)('a live client on %s', (kind) => {
  const server = useTestServer(kind);

  it(`disconnected for 30 s while ${CHANGES} changes happen, ends with exactly the database's state`, async () => {
    const lpr = new TestClient(server.url);
    expect(await lpr.login('lpr@demo.asskomm.invalid', DEMO_PASSWORD)).toBe(200);
    const writer = await NotizWriter.over(lpr, 5);
    const client = new SyncClient([server.url], lpr.cookie!, writer.kommunen);
    await client.connect();

    // Connected, a change arrives by push.
    expect((await writer.write()).status).toBe(200);
    await expectInStep(client, server.test.db);

    client.disconnect();
    const offline = Date.now();
    const writes = await writer.writeMany(CHANGES, (OFFLINE_MS - 500) / CHANGES);
    expect(writes.filter((w) => w.status !== 200)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, OFFLINE_MS - (Date.now() - offline)));

    await client.connect();
    await expectInStep(client, server.test.db);
    // Caught up by replaying what it missed, not by reloading everything.
    expect(client.reloads).toBe(1);
    client.close();
  }, 60_000);
});
