import { EDIT_DOMAIN_DATA, type Actor, type MeilensteinRecord } from '@asskomm/domain';
import { runCommand, type Outcome } from '../command.ts';
import type { DbHandle } from '../create-db.ts';
import * as meilensteine from '../meilensteine.ts';
import * as unterzeichnungen from '../unterzeichnungen.ts';
import type { MeilensteinAnswer } from './meilensteine.ts';
import { enforceMeilensteinRules } from './rules.ts';

export interface UnterzeichnungCreate {
  date: string;
  unterzeichner: string[];
  /** Every Kommune that signs, with the version the user saw of it. */
  kommunen: { ags: string; version: number }[];
  notiz?: string | null | undefined;
  quelle?: string | null | undefined;
}

export interface UnterzeichnungAnswer {
  unterzeichnungId: number;
  recorded: MeilensteinAnswer[];
}

/**
 * One signing of a Kooperationsvereinbarung for one or more Kommunen (a Städtebund, a
 * Verwaltungsgemeinschaft): all of them or none, each with its milestone and its event.
 */
export function recordUnterzeichnung(
  handle: DbHandle,
  actor: Actor,
  input: UnterzeichnungCreate,
  { idempotencyKey }: { idempotencyKey?: string | undefined } = {},
): Promise<Outcome<UnterzeichnungAnswer>> {
  return runCommand(handle, {
    actor,
    kommunen: input.kommunen,
    agsField: 'kommunen',
    may: EDIT_DOMAIN_DATA,
    idempotency: idempotencyKey ? { key: idempotencyKey, name: 'unterzeichnung:record', input } : undefined,
    work: async ({ trx, kommunen }) => {
      for (const { ags } of kommunen) {
        enforceMeilensteinRules([
          ...(await meilensteine.activeOf(trx, ags)),
          { kind: 'kooperationsvereinbarung', date: input.date },
        ]);
      }
      const unterzeichnungId = await unterzeichnungen.insert(trx, {
        date: input.date,
        unterzeichner: input.unterzeichner,
        notiz: input.notiz ?? null,
        quelle: input.quelle ?? null,
        erfasstVon: actor.principal.benutzerId,
      });
      const recorded: MeilensteinRecord[] = [];
      for (const { ags } of kommunen) {
        recorded.push(
          await meilensteine.insert(trx, {
            ags,
            kind: 'kooperationsvereinbarung',
            date: input.date,
            notiz: input.notiz ?? null,
            quelle: input.quelle ?? null,
            unterzeichnungId,
            erfasstVon: actor.principal.benutzerId,
          }),
        );
      }
      return {
        events: recorded.map((after) => ({
          type: 'meilenstein:recorded' as const,
          ags: after.ags,
          before: null,
          after,
        })),
        answer: (appended) => ({
          unterzeichnungId,
          recorded: recorded.map((meilenstein, i) => ({
            meilenstein,
            version: appended[i]!.version!,
            seq: appended[i]!.seq,
          })),
        }),
      };
    },
  });
}
