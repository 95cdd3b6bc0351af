import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDb, type DbHandle } from '@asskomm/db';
import { DEMO_PASSWORD } from '../../src/auth/initial-benutzer.ts';
import { TestClient } from '../test-client.ts';
import { committed, expectInStep } from './database-truth.ts';
import { NotizWriter, type Write } from './notiz-writer.ts';
import { privatePostgresAvailable, startPrivatePostgres, type PrivatePostgres } from './private-postgres.ts';
import { killNode, startNode, untilHealth, type ServerNode } from '../server-node.ts';
import { SyncClient } from './sync-client.ts';

const skipped = privatePostgresAvailable ? '' : ' (skipped: no PostgreSQL binaries in /usr/lib/postgresql/15/bin)';

describe.skipIf(!privatePostgresAvailable)(`PostgreSQL restarted under a running server${skipped}`, () => {
  let postgres: PrivatePostgres;
  let node: ServerNode;
  let handle: DbHandle;
  let client: SyncClient | undefined;

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    node = await startNode({ DATABASE_URL: postgres.url });
    await untilHealth(node, 200, 40_000);
    handle = createDb({ databaseUrl: postgres.url });
  }, 90_000);

  afterAll(async () => {
    client?.close();
    if (node) await killNode(node);
    await handle?.close();
    await postgres?.destroy();
  });

  it('during writes: health goes 503 then 200, writes fail with 503 and leave nothing behind, clients resync', async () => {
    const lpr = new TestClient(node.url);
    expect(await lpr.login('lpr@demo.asskomm.invalid', DEMO_PASSWORD)).toBe(200);
    const writer = await NotizWriter.over(lpr, 5);
    client = new SyncClient([node.url], lpr.cookie!, writer.kommunen);
    await client.connect();
    const before = await committed(handle.db, writer.kommunen, client.startSeq!);

    const background: Write[] = [];
    let writing = true;
    const writes = (async () => {
      while (writing) background.push(...(await writer.writeMany(1, 50)));
    })();
    await expect.poll(() => background.length, { timeout: 10_000 }).toBeGreaterThan(10);

    await postgres.crash();
    await untilHealth(node, 503, 10_000);
    const whileDown = await writer.writeMany(3);
    expect(whileDown.map((w) => w.status)).toEqual([503, 503, 503]);

    await postgres.start();
    await untilHealth(node, 200, 30_000);
    const resumed = background.length;
    await expect
      .poll(() => background.slice(resumed).filter((w) => w.status === 200).length, { timeout: 20_000 })
      .toBeGreaterThan(10);
    writing = false;
    await writes;

    // A write cut off by the crash may have committed unanswered (then the next one met 409); none failed otherwise.
    expect(background.filter((w) => ![200, 409, 503].includes(w.status))).toEqual([]);
    await expectInStep(client, handle.db, 20_000);

    // Nothing half-applied: each Kommune's version grew by exactly its events, its note is that of its last event.
    const events = await handle.db
      .selectFrom('domain_event')
      .select(['seq', sql<string>`payload->>'ags'`.as('ags'), sql<string>`payload->'after'->>'notiz'`.as('notiz')])
      .where('seq', '>', String(client.startSeq))
      .orderBy('seq')
      .execute();
    const meilensteine = await handle.db
      .selectFrom('meilenstein')
      .select(['kommune_ags as ags', 'notiz'])
      .where(
        'id',
        'in',
        writer.targets.map((t) => t.meilensteinId),
      )
      .execute();
    const after = await committed(handle.db, writer.kommunen, client.startSeq!);
    for (const ags of writer.kommunen) {
      const own = events.filter((e) => e.ags === ags);
      expect(after.versions[ags]! - before.versions[ags]!).toBe(own.length);
      expect(meilensteine.find((m) => m.ags === ags)?.notiz).toBe(own.at(-1)?.notiz);
    }
    const notes = new Set(events.map((e) => e.notiz));
    expect(background.filter((w) => w.status === 200 && !notes.has(w.notiz))).toEqual([]);
    expect(whileDown.filter((w) => notes.has(w.notiz))).toEqual([]);
  }, 60_000);
});
