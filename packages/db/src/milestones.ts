import type { DomainEvent, MilestoneKind } from '@asskomm/domain';
import * as events from './events.ts';
import type { DbHandle } from './create-db.ts';

export interface MilestoneInput {
  ags: string;
  kind: MilestoneKind;
  date: string;
  notiz?: string | null;
  quelle?: string | null;
}

/** Records a milestone and its event in one transaction, then signals the commit; returns the event. */
export async function record({ db, notifyCommitted }: DbHandle, input: MilestoneInput): Promise<DomainEvent> {
  const event = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('milestone')
      .values({
        kommune_ags: input.ags,
        kind: input.kind,
        datum: input.date,
        notiz: input.notiz ?? null,
        quelle: input.quelle ?? null,
      })
      .execute();
    return events.append(trx, { type: 'milestone:recorded', ags: input.ags, kind: input.kind, date: input.date });
  });
  notifyCommitted();
  return event;
}
