import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateTo, migrateToLatest } from './migrate.ts';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from './testing.ts';

describe.each(TEST_DATABASE_KINDS)('upgrading a database on %s', (kind) => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.drop();
  });

  it('renames tables, columns and logged event types to the German names, keeping every row', async () => {
    test = await createTestDatabase(kind);
    await migrateTo(test.db, '2026-11-21T1700_praesentation');
    await sql`insert into polizeidirektion (id, name) values ('goerlitz', 'Görlitz')`.execute(test.db);
    await sql`insert into kommune (ags, name, art, kreis_ags, polizeidirektion_id)
      values ('14626110', 'Görlitz', 'Stadt', '14626', 'goerlitz')`.execute(test.db);
    await sql`insert into app_user (email, name, role, password_hash) values ('a@example.org', 'A', 'lpr', 'x')`.execute(
      test.db,
    );
    await sql`insert into signing (datum, unterzeichner) values ('2020-07-08', '{}')`.execute(test.db);
    await sql`insert into milestone (kommune_ags, kind, datum, signing_id)
      select '14626110', 'kooperationsvereinbarung', '2020-07-08', id from signing`.execute(test.db);
    await sql`insert into session (id, user_id) select 'abc', id from app_user`.execute(test.db);
    await sql`insert into audit_log (action) values ('user_created')`.execute(test.db);
    const recorded = { type: 'milestone:recorded', ags: '14626110', before: null, after: { id: 1, signingId: 1 } };
    await sql`insert into domain_event (type, payload) values ('milestone:recorded', ${JSON.stringify(recorded)})`.execute(
      test.db,
    );

    await migrateToLatest(test.db);

    const meilenstein = await sql<{ unterzeichnung_id: number }>`select unterzeichnung_id from meilenstein`.execute(
      test.db,
    );
    expect(meilenstein.rows).toHaveLength(1);
    expect(meilenstein.rows[0]!.unterzeichnung_id).toBeGreaterThan(0);
    expect((await sql`select benutzer_id from session`.execute(test.db)).rows).toHaveLength(1);
    expect((await sql`select * from benutzer`.execute(test.db)).rows).toHaveLength(1);
    expect((await sql`select * from unterzeichnung`.execute(test.db)).rows).toHaveLength(1);
    const audit = await sql<{ action: string }>`select action from audit_log`.execute(test.db);
    expect(audit.rows).toEqual([{ action: 'benutzer_created' }]);
    const event = await sql<{ type: string; payload: unknown }>`select type, payload from domain_event`.execute(
      test.db,
    );
    expect(event.rows).toEqual([
      {
        type: 'meilenstein:recorded',
        payload: { type: 'meilenstein:recorded', ags: '14626110', before: null, after: { id: 1, unterzeichnungId: 1 } },
      },
    ]);
  }, 60_000);
});
