import { EDIT_DOMAIN_DATA, type Actor, type StocktSchwellen } from '@asskomm/domain';
import { runCommand, type Outcome } from '../command.ts';
import type { DbHandle } from '../create-db.ts';
import * as stockt from '../stockt.ts';

/** The LPR sets the thresholds of „Stockt“ for the whole Land; every open list follows the event. */
export function setzeStocktSchwellen(
  handle: DbHandle,
  actor: Actor,
  after: StocktSchwellen,
): Promise<Outcome<{ schwellen: StocktSchwellen; seq: number }>> {
  return runCommand(handle, {
    actor,
    kommunen: [],
    may: EDIT_DOMAIN_DATA,
    work: async ({ trx }) => {
      const before = await stockt.schwellen(trx);
      await stockt.setzeSchwellen(trx, after, actor.principal.benutzerId!);
      return {
        events: [{ type: 'schwellen:saved', ags: null, before, after }],
        answer: ([event]) => ({ schwellen: after, seq: event!.seq }),
      };
    },
  });
}
