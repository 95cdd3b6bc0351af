import type { Transaction } from 'kysely';
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
