import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { type DomainEvent, type Scope } from '@asskomm/domain';
import { GEMEINDE_COUNT, POLIZEIDIREKTIONEN } from '@asskomm/geo';
import {
  kommunen,
  kpi,
  migrateToLatest,
  meilensteine,
  events,
  recordMeilenstein,
  type MeilensteinCreate,
} from './index.ts';
import { createSeededTestDatabase, createTestActor, TEST_DATABASE_KINDS, type TestDatabase } from './testing.ts';

const LAND: Scope = { kind: 'land' };

describe.each(TEST_DATABASE_KINDS)('on %s', (kind) => {
  let test: TestDatabase;
  /** Records through the command path as an LPR colleague; answers the event it appended. */
  let record: (input: MeilensteinCreate) => Promise<DomainEvent>;

  beforeAll(async () => {
    test = await createSeededTestDatabase(kind, { demo: true });
    const actor = await createTestActor(test);
    record = async (input) => (await recordMeilenstein(test, actor, input)).events[0]!;
  }, 60_000);

  afterAll(async () => {
    await test?.drop();
  });

  it('runs the migrations once: a second run applies nothing', async () => {
    expect(await migrateToLatest(test.db)).toEqual([]);
  });

  it('holds the master data: 13 Kreise, 5 Polizeidirektionen, every current Gemeinde', async () => {
    const counts = await sql<{ art: string; n: number }>`
      select art, count(*)::int as n from kommune where gueltig_bis is null group by art order by art`.execute(test.db);
    const byArt = Object.fromEntries(counts.rows.map((r) => [r.art, r.n]));
    expect(byArt['Landkreis']).toBe(10);
    expect(byArt['Kreisfreie Stadt']).toBe(3);
    expect((byArt['Gemeinde'] ?? 0) + (byArt['Stadt'] ?? 0)).toBe(GEMEINDE_COUNT);
    const pds = await test.db.selectFrom('polizeidirektion').select('id').orderBy('id').execute();
    expect(pds.map((p) => p.id)).toEqual(POLIZEIDIREKTIONEN.map((p) => p.id).sort());
  });

  it('lists one Kommune per current Gemeinde with its status', async () => {
    const list = await kommunen.findKommunenAsOf(test.db, LAND, '2026-11-21');
    const gemeinden = list.filter((k) => k.ags.length === 8);
    expect(gemeinden).toHaveLength(GEMEINDE_COUNT);
    expect(list.find((k) => k.name === 'Görlitz')).toMatchObject({
      polizeidirektion: 'goerlitz',
      status: 'mitglied_kpr',
    });
    const before = await kommunen.findKommunenAsOf(test.db, LAND, '2020-06-30');
    expect(before.find((k) => k.name === 'Görlitz')?.status).toBe('beraten');
  });

  it('applies a Polizeidirektion scope to every query: lists, single Kommunen, figures, events', async () => {
    const scope: Scope = { kind: 'polizeidirektion', polizeidirektion: 'goerlitz' };
    const own = await kommunen.findKommunenAsOf(test.db, scope, '2026-11-21');
    expect(own.length).toBeGreaterThan(50);
    expect(own.every((k) => k.polizeidirektion === 'goerlitz')).toBe(true);
    expect(await kommunen.findKommunenAsOf(test.db, scope, '2026-11-21', { polizeidirektion: 'leipzig' })).toEqual([]);
    expect(await kommunen.findKommuneAsOf(test.db, scope, '14626110', '2026-11-21')).toMatchObject({ name: 'Görlitz' });
    expect(await kommunen.findKommuneAsOf(test.db, scope, '14713000', '2026-11-21')).toBeUndefined();
    const scoped = await kpi.snapshot(test.db, scope, '2024-06-30');
    const filtered = await kpi.snapshot(test.db, LAND, '2024-06-30', { polizeidirektion: 'goerlitz' });
    expect(scoped).toEqual(filtered);
    expect((await kpi.snapshot(test.db, scope, '2024-06-30', { polizeidirektion: 'leipzig' })).beraten).toBe(0);
    const last = await events.lastSeq(test.db);
    const leipzig = await record({ ags: '14713000', kind: 'coaching_begonnen', date: '2024-01-10' });
    const goerlitz = await record({
      ags: '14626110',
      kind: 'coaching_begonnen',
      date: '2024-01-11',
    });
    expect(await events.since(test.db, scope, last)).toEqual([goerlitz]);
    expect(await events.since(test.db, LAND, last)).toEqual([leipzig, goerlitz]);
  });

  it('limits lists and figures to a Polizeidirektion', async () => {
    const goerlitz = await kommunen.findKommunenAsOf(test.db, LAND, '2026-11-21', { polizeidirektion: 'goerlitz' });
    expect(goerlitz.length).toBeGreaterThan(0);
    expect(goerlitz.every((k) => k.polizeidirektion === 'goerlitz')).toBe(true);
    const parts = await Promise.all(
      POLIZEIDIREKTIONEN.map((pd) => kpi.snapshot(test.db, LAND, '2024-06-30', { polizeidirektion: pd.id })),
    );
    const land = await kpi.snapshot(test.db, LAND, '2024-06-30');
    expect(parts.reduce((sum, p) => sum + p.mitglieder, 0)).toBe(land.mitglieder);
    expect(parts.reduce((sum, p) => sum + p.gemeinden, 0)).toBe(land.gemeinden);
  });

  it('reports the public figures of the demo data through the KPI snapshot', async () => {
    expect(await kpi.snapshot(test.db, LAND, '2021-09-01')).toMatchObject({ beraten: 121, kpr: 25, demodaten: true });
    expect((await kpi.snapshot(test.db, LAND, '2023-09-14')).mitglieder).toBe(54);
    const funds = (await kpi.snapshot(test.db, LAND, '2022-12-31')).foerderung;
    expect(funds).toMatchObject({ haushaltsjahr: 2022, budgetCent: 130_000_000 });
    expect(funds.bewilligtCent).toBeGreaterThan(0);
    expect(funds.bewilligtCent).toBeLessThanOrEqual(funds.beantragtCent);
  });

  it('counts a merged Gemeinde’s meilensteine for its successor from the merger day', async () => {
    // Jahnatal (14522275) was formed on 2023-01-01 from Ostrau and Zschaitz-Ottewig.
    const [ostrau, zschaitz] = await test.db
      .selectFrom('kommune')
      .select('ags')
      .where('nachfolger_ags', '=', '14522275')
      .orderBy('ags')
      .execute();
    const area = { kreis: '14522' };
    const base = await kpi.countsOn(test.db, LAND, ['2022-12-31', '2023-01-01'], area);
    // The predecessors' own history, written as a seed would (the API takes no new data on a dissolved Kommune).
    await test.db.transaction().execute(async (trx) => {
      await meilensteine.insert(trx, { ags: ostrau!.ags, kind: 'erstberatung', date: '2021-03-01' });
      await meilensteine.insert(trx, { ags: zschaitz!.ags, kind: 'erstberatung', date: '2021-04-01' });
    });
    const after = await kpi.countsOn(test.db, LAND, ['2022-12-31', '2023-01-01'], area);
    expect(after[0]!.beraten - base[0]!.beraten).toBe(2);
    expect(after[1]!.beraten - base[1]!.beraten).toBe(1);
    const jahnatal = (await kommunen.findKommunenAsOf(test.db, LAND, '2022-06-30', area)).find(
      (k) => k.ags === '14522275',
    );
    expect(jahnatal?.status).toBe('beraten');
  });

  it('appends an event with a growing sequence number to each recorded meilenstein', async () => {
    const last = await events.lastSeq(test.db);
    const first = await record({ ags: '14626110', kind: 'coaching_begonnen', date: '2024-03-01' });
    const second = await record({
      ags: '14626110',
      kind: 'praeventionskonzept_beschlossen',
      date: '2024-09-01',
    });
    expect(first.seq).toBeGreaterThan(last);
    expect(second.seq).toBe(first.seq + 1);
    expect(await events.since(test.db, LAND, last)).toEqual([first, second]);
  });

  it('keeps the KPI summary in step with records, corrections and withdrawals', async () => {
    const all = await kommunen.findKommunenAsOf(test.db, LAND, '2026-11-21');
    const untouched = all.find((k) => k.ags.length === 8 && k.status === 'kein_kontakt' && !k.kpr)!;
    expect(await meilensteine.listOf(test.db, [untouched.ags])).toEqual([]);
    const count = async (date: string) => (await kpi.countsOn(test.db, LAND, [date]))[0]!.beraten;
    const [june, july] = [await count('2020-06-30'), await count('2020-07-31')];
    const { id } = await test.db
      .transaction()
      .execute((trx) => meilensteine.insert(trx, { ags: untouched.ags, kind: 'erstberatung', date: '2020-06-01' }));
    expect(await count('2020-06-30')).toBe(june + 1);
    await test.db.transaction().execute((trx) => meilensteine.correct(trx, id, { date: '2020-07-15' }));
    expect([await count('2020-06-30'), await count('2020-07-31')]).toEqual([june, july + 1]);
    await test.db.transaction().execute((trx) => meilensteine.withdraw(trx, id, null, 'Test'));
    expect(await count('2020-07-31')).toBe(july);
  });
});
