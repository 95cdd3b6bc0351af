import { sql, type Kysely } from 'kysely';
import { todayInSaxony } from '@asskomm/domain';
import { GEMEINDEN, polizeidirektionOfKreis } from '@asskomm/geo';
import { buildDemoData } from './demo-data.ts';
import { DEFAULT_BUDGET_CENT } from './kpi.ts';
import type { Database } from './schema.ts';

/** The demo data set for today's Gemeinden, generated deterministically. */
export function demoDataFor(today: string) {
  const gemeinden = GEMEINDEN.map((g) => ({
    ags: g.ags,
    name: g.name,
    polizeidirektion: polizeidirektionOfKreis(g.kreis),
  }));
  return buildDemoData(gemeinden, today);
}

/** Seeds the demo data unless the database already holds milestones. Returns whether it seeded. */
export async function seedDemoDataIfEmpty(db: Kysely<Database>, today = todayInSaxony()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Serialises concurrent first starts of several server nodes on one PostgreSQL.
    await sql`lock table milestone in exclusive mode`.execute(trx);
    const existing = await trx.selectFrom('milestone').select('id').limit(1).executeTakeFirst();
    if (existing) return false;
    const demo = demoDataFor(today);
    await trx.updateTable('kommune').set({ modellkommune: true }).where('ags', 'in', demo.modellkommunen).execute();
    await trx
      .insertInto('milestone')
      .values(
        demo.milestones.map((m) => ({
          kommune_ags: m.ags,
          kind: m.kind,
          datum: m.date,
          notiz: m.notiz,
          quelle: m.quelle,
          synthetisch: m.synthetisch,
        })),
      )
      .execute();
    const years = [...new Set(demo.foerderantraege.map((f) => f.haushaltsjahr))];
    await trx
      .insertInto('haushaltsjahr')
      .values(years.map((jahr) => ({ jahr, budget_cent: DEFAULT_BUDGET_CENT })))
      .onConflict((oc) => oc.column('jahr').doNothing())
      .execute();
    await trx
      .insertInto('foerderantrag')
      .values(
        demo.foerderantraege.map((f) => ({
          kommune_ags: f.ags,
          haushaltsjahr: f.haushaltsjahr,
          zweck: f.zweck,
          eingereicht_am: f.eingereichtAm,
          beantragt_cent: f.beantragtCent,
          bewilligt_am: f.bewilligtAm,
          bewilligt_cent: f.bewilligtCent,
          synthetisch: true,
        })),
      )
      .execute();
    return true;
  });
}
