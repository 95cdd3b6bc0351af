import { sql } from 'kysely';
import { canAdminister, todayInSaxony, type Actor } from '@asskomm/domain';
import { runCommand, type Outcome } from '../command.ts';
import type { DbHandle } from '../create-db.ts';
import { writeDemoData } from '../seed-demo.ts';

/**
 * Restores the demo state: every milestone, signing, application, contact and next step is
 * replaced by the generated demo data, in one transaction, with a `demo:reset` event so every open screen reloads. Users,
 * sessions and the event log itself stay. Every Kommune's version moves, so a form opened before
 * answers 409.
 */
export async function resetDemoData(
  handle: DbHandle,
  actor: Actor,
  today = todayInSaxony(),
): Promise<Outcome<{ seq: number }>> {
  const outcome = await runCommand(handle, {
    actor,
    kommunen: [],
    may: { allowed: canAdminister, message: 'Nur die Administration darf die Demodaten zurücksetzen.' },
    work: async ({ trx }) => {
      await sql`lock table meilenstein in exclusive mode`.execute(trx);
      for (const table of [
        'ansprechpartner',
        'wiedervorlage',
        'kommune_fakten',
        'auszahlung',
        'foerderantrag',
        'meilenstein',
        'unterzeichnung',
        'haushaltsjahr',
      ] as const) {
        await trx.deleteFrom(table).execute();
      }
      await trx
        .updateTable('kommune')
        .set((eb) => ({ modellkommune: false, version: eb('version', '+', 1) }))
        .execute();
      await writeDemoData(trx, today);
      return {
        events: [{ type: 'demo:reset', ags: null, before: null, after: null }],
        answer: ([event]) => ({ seq: event!.seq }),
      };
    },
  });
  // Fresh statistics after a bulk load, so the planner does not guess from a different table.
  await sql`analyze`.execute(handle.db);
  return outcome;
}
