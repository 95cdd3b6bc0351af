import { sql, type Kysely, type Transaction } from 'kysely';
import { DEFAULT_BUDGET_CENT, todayInSaxony } from '@asskomm/domain';
import { GEMEINDEN, polizeidirektionOfKreis } from '@asskomm/geo';
import { buildDemoData, DEMO_SIGNATORIES } from './demo-data.ts';

import { writeDemoArbeit } from './demo-arbeit.ts';
import * as fakten from './fakten.ts';
import * as foerderantraege from './foerderantraege.ts';
import * as unterzeichnungen from './unterzeichnungen.ts';
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
  const seeded = await db.transaction().execute(async (trx) => {
    // Serialises concurrent first starts of several server nodes on one PostgreSQL.
    await sql`lock table meilenstein in exclusive mode`.execute(trx);
    const existing = await trx.selectFrom('meilenstein').select('id').limit(1).executeTakeFirst();
    if (existing) return false;
    await writeDemoData(trx, today);
    return true;
  });
  // Fresh statistics after a bulk load, so the planner does not guess from an empty table.
  if (seeded) await sql`analyze`.execute(db);
  return seeded;
}

/** Writes the demo data set into an empty domain: for the first start and the demo reset. */
export async function writeDemoData(trx: Transaction<Database>, today: string): Promise<void> {
  const demo = demoDataFor(today);
  await trx.updateTable('kommune').set({ modellkommune: true }).where('ags', 'in', demo.modellkommunen).execute();
  const unterzeichnungIds = new Map<string, number>();
  for (const m of demo.meilensteine) {
    if (!m.unterzeichnung || unterzeichnungIds.has(m.unterzeichnung)) continue;
    const id = await unterzeichnungen.insert(trx, {
      date: m.date,
      unterzeichner: DEMO_SIGNATORIES,
      notiz: null,
      quelle: m.quelle,
      synthetisch: m.synthetisch,
    });
    unterzeichnungIds.set(m.unterzeichnung, id);
  }
  await trx
    .insertInto('meilenstein')
    .values(
      demo.meilensteine.map((m) => ({
        kommune_ags: m.ags,
        kind: m.kind,
        datum: m.date,
        notiz: m.notiz,
        quelle: m.quelle,
        synthetisch: m.synthetisch,
        unterzeichnung_id: m.unterzeichnung ? unterzeichnungIds.get(m.unterzeichnung)! : null,
      })),
    )
    .execute();
  await fakten.refresh(trx);
  const years = [...new Set(demo.foerderantraege.map((f) => f.haushaltsjahr))];
  await trx
    .insertInto('haushaltsjahr')
    .values(years.map((jahr) => ({ jahr, budget_cent: DEFAULT_BUDGET_CENT })))
    .onConflict((oc) => oc.column('jahr').doNothing())
    .execute();
  for (const { ags, ...antrag } of demo.foerderantraege)
    await foerderantraege.insert(trx, ags, antrag, { synthetisch: true });
  await writeDemoArbeit(trx, today);
}
