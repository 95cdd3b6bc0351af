import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@asskomm/db/testing';
import { DEMO_PASSWORD } from '../../src/auth/initial-benutzer.ts';
import { TestClient } from '../test-client.ts';
import { expectInStep } from './database-truth.ts';
import { NotizWriter } from './notiz-writer.ts';
import { killNode, startNode, untilHealth, type ServerNode } from '../server-node.ts';
import { SyncClient } from './sync-client.ts';

const postgres = process.env.TEST_DATABASE_URL !== undefined;
const skipped = postgres ? '' : ' (skipped: TEST_DATABASE_URL is not set)';

describe.skipIf(!postgres)(`two server nodes on one PostgreSQL${skipped}`, () => {
  let test: TestDatabase;
  let a: ServerNode;
  let b: ServerNode;
  const clients: SyncClient[] = [];

  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    // One after the other: the first migrates and seeds, the second finds it done.
    a = await startNode({ DATABASE_URL: test.url! });
    await untilHealth(a, 200, 40_000);
    b = await startNode({ DATABASE_URL: test.url! });
    await untilHealth(b, 200, 20_000);
  }, 90_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    for (const node of [a, b]) if (node) await killNode(node);
    await test?.drop();
  });

  it('a change through node A reaches a client of node B; after kill -9 of A its clients move to B and lose nothing', async () => {
    const viaA = new TestClient(a.url);
    expect(await viaA.login('lpr@demo.asskomm.invalid', DEMO_PASSWORD)).toBe(200);
    const viaB = new TestClient(b.url);
    viaB.cookie = viaA.cookie;
    const writer = await NotizWriter.over(viaA, 5);
    const ofA = new SyncClient([a.url, b.url], viaA.cookie!, writer.kommunen);
    const ofB = new SyncClient([b.url, a.url], viaA.cookie!, writer.kommunen);
    clients.push(ofA, ofB);
    await ofA.connect();
    await ofB.connect();
    expect([ofA.node, ofB.node]).toEqual([a.url, b.url]);

    expect((await writer.write()).status).toBe(200);
    await expectInStep(ofB, test.db, 5_000);
    await expectInStep(ofA, test.db, 5_000);

    // Writes keep going through A while it dies: some answered, maybe one committed without an answer.
    const throughA = writer.writeMany(40, 25);
    await expect.poll(() => ofB.applied.length, { timeout: 10_000 }).toBeGreaterThan(10);
    await killNode(a);
    expect((await throughA).some((w) => w.status === 0)).toBe(true);

    writer.client = viaB;
    const throughB = await writer.writeMany(20, 25);
    expect(throughB.filter((w) => w.status !== 200)).toEqual([]);

    await expectInStep(ofA, test.db);
    await expectInStep(ofB, test.db);
    expect([ofA.node, ofB.node]).toEqual([b.url, b.url]);
    // Nothing was lost that only a full reload could have repaired.
    expect([ofA.reloads, ofB.reloads]).toEqual([1, 1]);
  }, 60_000);
});
