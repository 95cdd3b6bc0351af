import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALL_SCOPES,
  computeKpiCounts,
  DOMAIN_EVENT_TYPES,
  NON_PUBLIC_EVENT_TYPES,
  eventAsSeenBy,
  eventInHistory,
  foerderbetraegeAsOf,
  monthEnds,
  POLIZEIDIREKTION_IDS,
  presenceVisibleTo,
  PROGRAMME_START,
  STANDARD_SCHWELLEN,
  toPublicEvent,
  type KommuneLineage,
  type MeilensteinKind,
  type Scope,
} from '@asskomm/domain';
import {
  createAnsprechpartner,
  createWiedervorlage,
  eraseAnsprechpartner,
  correctMeilenstein,
  createFoerderantrag,
  createKommentar,
  events,
  foerderantraege,
  kommunen,
  kpi,
  recordMeilenstein,
  resetDemoData,
  setzeStocktSchwellen,
  withdrawMeilenstein,
} from './index.ts';
import { createSeededTestDatabase, createTestActor, TEST_DATABASE_KINDS, type TestDatabase } from './testing.ts';

// Every rule that exists twice — once in TypeScript (packages/domain), once in SQL (packages/db) —
// is held equal here, on the real database, for every scope and every case the rule knows.

const GOERLITZ = '14626110';
const LEIPZIG = '14713000';
const TODAY = '2026-11-21';
const LAND: Scope = { kind: 'land' };
const describeScope = (scope: Scope) => (scope.kind === 'polizeidirektion' ? scope.polizeidirektion : scope.kind);

describe.each(TEST_DATABASE_KINDS)('mirrored rules on %s', (kind) => {
  let test: TestDatabase;
  let start: number;

  beforeAll(async () => {
    test = await createSeededTestDatabase(kind, { demo: true });
    start = await events.lastSeq(test.db);
    const lpr = await createTestActor(test, 'lpr');
    const admin = await createTestActor(test, 'admin');
    // One event of every type, in two areas; the demo reset first (it replaces the milestones).
    await resetDemoData(test, admin, TODAY);
    await setzeStocktSchwellen(test, lpr, { ...STANDARD_SCHWELLEN, kprMonate: 9 });
    for (const ags of [GOERLITZ, LEIPZIG]) {
      const [recorded] = (await recordMeilenstein(test, lpr, { ags, kind: 'coaching_begonnen', date: '2025-01-02' }))
        .events;
      const id = recorded?.type === 'meilenstein:recorded' ? recorded.after.id : 0;
      await correctMeilenstein(test, lpr, id, { notiz: 'korrigiert', version: recorded!.version! });
      const version = (await kommunen.findDetail(test.db, LAND, ags, TODAY))!.version;
      await withdrawMeilenstein(test, lpr, id, { grund: 'doppelt erfasst', version });
      await createKommentar(test, lpr, { ags, text: 'Bitte prüfen' });
      const kontakt = await createAnsprechpartner(test, lpr, ags, {
        rolle: 'kpr_vorsitz',
        name: 'Erika Beispiel',
        organisation: null,
        telefon: '0351 0100 10',
        email: null,
        notiz: null,
        seit: null,
        bis: null,
        oeffentlich: true,
        rechtsgrundlage: 'einwilligung',
        einwilligungAm: '2024-01-15',
        benutzerId: null,
      });
      await eraseAnsprechpartner(test, lpr, kontakt.result.ansprechpartner.id);
      await createWiedervorlage(test, lpr, ags, {
        was: 'Rückruf',
        faelligAm: TODAY,
        zustaendigId: null,
        meilensteinKind: null,
      });
      await createFoerderantrag(test, lpr, {
        ags,
        haushaltsjahr: 2025,
        zweck: 'projekt',
        handlungsfelder: [],
        eingereichtAm: '2024-09-20',
        beantragtCent: 900_000,
        foerderfaehigCent: 1_000_000,
        entscheidung: null,
        bewilligtCent: null,
        zurueckgezogenAm: null,
        verwendungsnachweisAm: null,
        geprueftAm: null,
        zurueckgefordertCent: 0,
        zurueckgefordertAm: null,
      });
    }
  }, 120_000);

  afterAll(async () => {
    await test?.drop();
  });

  it('has made one event of every type to compare', async () => {
    const made = await events.routedSince(test.db, start);
    expect(new Set(made.map((r) => r.event.type))).toEqual(new Set(DOMAIN_EVENT_TYPES));
    // The public projection leaves out exactly the types the SQL twin filters out.
    for (const { event } of made) {
      expect(toPublicEvent(event) === null).toBe((NON_PUBLIC_EVENT_TYPES as readonly string[]).includes(event.type));
    }
  });

  it.each(ALL_SCOPES.map((scope) => [describeScope(scope), scope] as const))(
    'replay, feed and every Kommune history of %s: SQL (visibleTo) ≡ TypeScript (eventAsSeenBy)',
    async (_name, scope) => {
      const made = await events.routedSince(test.db, start);
      const seen = made.flatMap((r) => eventAsSeenBy(scope, r.event, r.polizeidirektion) ?? []);
      expect(await events.since(test.db, scope, start)).toEqual(seen);
      expect(await events.lastSeq(test.db, scope)).toBe(seen.at(-1)?.seq ?? start);
      const feed = (await events.newest(test.db, scope, { limit: 200 })).filter((e) => e.seq > start);
      expect(feed).toEqual([...seen].reverse());
      for (const ags of [GOERLITZ, LEIPZIG]) {
        const history = (await events.newest(test.db, scope, { limit: 200, ags })).filter((e) => e.seq > start);
        const expected = made.flatMap((r) => eventInHistory(scope, r.event, r.polizeidirektion, ags) ?? []);
        expect(history).toEqual(expected.reverse());
      }
    },
  );

  it('presence: a scope sees it where the SQL scope rule lets it announce a Kommune (presenceVisibleTo ≡ inScope)', async () => {
    for (const scope of ALL_SCOPES) {
      for (const ags of [GOERLITZ, LEIPZIG, '14522275', '14522430']) {
        const area = await kommunen.polizeidirektionIn(test.db, LAND, ags);
        const announceable =
          scope.kind !== 'public' && (await kommunen.polizeidirektionIn(test.db, scope, ags)) !== undefined;
        expect(presenceVisibleTo(scope, area!), `${describeScope(scope)} × ${ags}`).toBe(announceable);
      }
    }
  });

  it('KPI counts: SQL (kpi.countsOn) ≡ TypeScript (computeKpiCounts) at every month end since 2019, per area', async () => {
    const rows = await test.db
      .selectFrom('meilenstein')
      .select(['kommune_ags', 'kind', 'datum'])
      .where('zurueckgezogen_am', 'is', null)
      .execute();
    const lineageRows = await test.db
      .selectFrom('kommune')
      .select(['ags', 'gueltig_bis', 'nachfolger_ags', 'polizeidirektion_id'])
      .execute();
    const lineage = new Map<string, KommuneLineage>(
      lineageRows.map((r) => [r.ags, { ags: r.ags, gueltigBis: r.gueltig_bis, nachfolger: r.nachfolger_ags }]),
    );
    const pdOf = new Map(lineageRows.map((r) => [r.ags, r.polizeidirektion_id]));
    const dates = monthEnds(PROGRAMME_START, TODAY);
    for (const polizeidirektion of [undefined, ...POLIZEIDIREKTION_IDS]) {
      const facts = rows
        .filter((r) => polizeidirektion === undefined || pdOf.get(r.kommune_ags) === polizeidirektion)
        .map((r) => ({ ags: r.kommune_ags, kind: r.kind as MeilensteinKind, date: r.datum }));
      const fromSql = await kpi.countsOn(test.db, LAND, dates, { polizeidirektion });
      for (const point of fromSql) {
        expect(point, `${polizeidirektion ?? 'land'} ${point.stand}`).toEqual({
          stand: point.stand,
          ...computeKpiCounts(facts, lineage, point.stand),
        });
      }
    }
  });

  it('funding KPI: SQL (kpi.snapshot) ≡ TypeScript (foerderbetraegeAsOf) at every month end since 2019, per area', async () => {
    const budgets = await foerderantraege.budgets(test.db);
    for (const stand of monthEnds(PROGRAMME_START, TODAY)) {
      const haushaltsjahr = Number(stand.slice(0, 4));
      const all = (await foerderantraege.list(test.db, LAND, stand)).filter((a) => a.haushaltsjahr === haushaltsjahr);
      for (const polizeidirektion of [undefined, ...POLIZEIDIREKTION_IDS]) {
        const mine = all.filter((a) => polizeidirektion === undefined || a.polizeidirektion === polizeidirektion);
        const sums = mine.map((a) => foerderbetraegeAsOf(a, stand));
        const total = (key: keyof (typeof sums)[number]) => sums.reduce((sum, b) => sum + b[key], 0);
        const { foerderung } = await kpi.snapshot(test.db, LAND, stand, { polizeidirektion });
        expect(foerderung, `${polizeidirektion ?? 'land'} ${stand}`).toEqual({
          haushaltsjahr,
          budgetCent: budgets.get(haushaltsjahr) ?? 130_000_000,
          beantragtCent: total('beantragtCent'),
          bewilligtCent: total('bewilligtCent'),
          ausgezahltCent: total('ausgezahltCent'),
          zurueckgefordertCent: total('zurueckgefordertCent'),
          oeffentlichAm: null,
        });
      }
    }
  }, 120_000);
});
