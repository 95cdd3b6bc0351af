import type { Kysely, Transaction } from 'kysely';
import type { Scope, Unterzeichnung } from '@asskomm/domain';
import { inScope } from './area.ts';
import type { Database } from './schema.ts';

export interface UnterzeichnungInput {
  date: string;
  unterzeichner: string[];
  notiz: string | null;
  quelle: string | null;
  erfasstVon?: number | null;
  synthetisch?: boolean;
}

/** Stores one signing (its milestones point to it); returns its id. */
export async function insert(trx: Transaction<Database>, input: UnterzeichnungInput): Promise<number> {
  const { id } = await trx
    .insertInto('unterzeichnung')
    .values({
      datum: input.date,
      unterzeichner: input.unterzeichner,
      notiz: input.notiz,
      quelle: input.quelle,
      erfasst_von: input.erfasstVon ?? null,
      synthetisch: input.synthetisch ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * The signings with these ids: who signed, and every Kommune whose milestone points to it that the
 * scope sees (a co-signer in another area stays unnamed to a Polizeidirektion).
 */
export async function withIds(
  db: Kysely<Database> | Transaction<Database>,
  scope: Scope,
  ids: readonly number[],
): Promise<Unterzeichnung[]> {
  if (!ids.length) return [];
  const [signings, signers] = await Promise.all([
    db
      .selectFrom('unterzeichnung')
      .select(['id', 'datum', 'unterzeichner'])
      .where('id', 'in', ids)
      .orderBy('datum')
      .execute(),
    db
      .selectFrom('meilenstein as m')
      .innerJoin('kommune as k', 'k.ags', 'm.kommune_ags')
      .select(['m.unterzeichnung_id', 'k.ags', 'k.name'])
      .where('m.unterzeichnung_id', 'in', ids)
      .where('m.zurueckgezogen_am', 'is', null)
      .where(inScope('k', scope))
      .orderBy('k.name')
      .execute(),
  ]);
  return signings.map((s) => ({
    id: s.id,
    datum: s.datum,
    unterzeichner: s.unterzeichner,
    kommunen: signers.filter((k) => k.unterzeichnung_id === s.id).map((k) => ({ ags: k.ags, name: k.name })),
  }));
}
