import {
  checkFoerderantrag,
  checkMeilensteine,
  HttpError,
  todayInSaxony,
  type FoerderantragFacts,
  type MeilensteinKind,
  type RuleViolation,
} from '@asskomm/domain';
import type { Transaction } from 'kysely';
import * as meilensteine from '../meilensteine.ts';
import type { Database } from '../schema.ts';

/** 422 with the first rule a change would break. */
function refuse([problem]: RuleViolation[]): void {
  if (problem) throw new HttpError(422, problem.message, problem.field);
}

/** The Kommune's milestones as they would be after the change must keep every milestone rule. */
export function enforceMeilensteinRules(next: readonly { kind: MeilensteinKind; date: string }[]): void {
  refuse(checkMeilensteine(next, todayInSaxony()));
}

/** The application as it would be must keep the RL KommPräv rules (advice first, 90 % …). */
export async function enforceFoerderRules(
  trx: Transaction<Database>,
  ags: string,
  facts: FoerderantragFacts,
): Promise<void> {
  const advised = (await meilensteine.activeOf(trx, ags))
    .filter((m) => m.kind === 'erstberatung')
    .map((m) => m.date)
    .sort()[0];
  refuse(checkFoerderantrag(facts, { today: todayInSaxony(), erstberatungAm: advised ?? null }));
}
