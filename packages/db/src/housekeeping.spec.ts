import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { rateLimit, recordMeilenstein, sessions } from './index.ts';
import { sweep } from './housekeeping.ts';
import { useSeededTestDatabase } from './test-hooks.ts';
import { createTestActor, TEST_DATABASE_KINDS } from './testing.ts';

const LIMITS = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

describe.each(TEST_DATABASE_KINDS)('housekeeping on %s', (kind) => {
  const database = useSeededTestDatabase(kind, { demo: false });

  it('sweeps sessions past their limits (recorded as expired), idempotency keys past a day and finished rate-limit windows, nothing else', async () => {
    const test = database();
    const actor = await createTestActor(test);
    const benutzerId = actor.principal.benutzerId!;
    const now = new Date('2026-11-21T12:00:00Z');
    await sessions.create(test.db, 'fresh', benutzerId, null);
    await sessions.create(test.db, 'idle', benutzerId, null);
    await sessions.create(test.db, 'old', benutzerId, null);
    await test.db.updateTable('session').set({ last_seen_at: now, created_at: now }).execute();
    await test.db
      .updateTable('session')
      .set({ last_seen_at: new Date(now.getTime() - 31 * 60_000) })
      .where('id', '=', 'idle')
      .execute();
    await test.db
      .updateTable('session')
      .set({ created_at: new Date(now.getTime() - 13 * 3_600_000) })
      .where('id', '=', 'old')
      .execute();
    await recordMeilenstein(
      test,
      actor,
      { ags: '14626110', kind: 'erstberatung', date: '2024-01-01' },
      { idempotencyKey: 'alt' },
    );
    await recordMeilenstein(
      test,
      actor,
      { ags: '14626110', kind: 'coaching_begonnen', date: '2024-01-02' },
      { idempotencyKey: 'neu' },
    );
    await sql`update idempotency_key set created_at = ${new Date(now.getTime() - 25 * 3_600_000)} where key = 'alt'`.execute(
      test.db,
    );
    await sql`update idempotency_key set created_at = ${now} where key = 'neu'`.execute(test.db);

    await rateLimit.countRequest(test.db, 'addr:192.0.2.1', new Date(now.getTime() - 61_000));
    await rateLimit.countRequest(test.db, 'addr:192.0.2.1', now);

    expect(await sweep(test.db, LIMITS, now)).toEqual({ sessions: 2, idempotencyKeys: 1, rateLimitWindows: 1 });
    expect(await rateLimit.countRequest(test.db, 'addr:192.0.2.1', now)).toBe(2);
    const left = await test.db.selectFrom('session').select('id').execute();
    expect(left.map((s) => s.id)).toEqual(['fresh']);
    const keys = await test.db.selectFrom('idempotency_key').select('key').execute();
    expect(keys.map((k) => k.key)).toEqual(['neu']);
    const expired = await test.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'session_expired')
      .execute();
    expect(expired).toEqual([{ actor_id: benutzerId }, { actor_id: benutzerId }]);
  });
});
