import { describe, expect, it } from 'vitest';
import { countRequest, windowOf } from './rate-limit.ts';
import { useSeededTestDatabase } from './test-hooks.ts';
import { TEST_DATABASE_KINDS } from './testing.ts';

describe.each(TEST_DATABASE_KINDS)('rate limit on %s', (kind) => {
  const database = useSeededTestDatabase(kind, { demo: false });

  it('counts concurrent requests of one client once each, per minute and per client', async () => {
    const { db } = database();
    const at = new Date('2026-12-02T10:00:30Z');
    const counts = await Promise.all(Array.from({ length: 40 }, () => countRequest(db, 'addr:198.51.100.7', at)));
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await countRequest(db, 'addr:198.51.100.8', at)).toBe(1);
    expect(await countRequest(db, 'addr:198.51.100.7', windowOf(at).end)).toBe(1);
  });
});
