import type { Kysely, Transaction } from 'kysely';
import {
  foerderstatusAsOf,
  type FoerderantragFacts,
  type FoerderantragRecord,
  type Foerderzweck,
  type Handlungsfeld,
  type Scope,
} from '@asskomm/domain';
import { inScope, type Area } from './area.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** An application as written: the facts plus what the rules do not cover. */
export interface FoerderantragInput extends FoerderantragFacts {
  zweck: Foerderzweck;
  handlungsfelder: Handlungsfeld[];
  notiz?: string | null | undefined;
}

export interface Filter extends Area {
  haushaltsjahr?: number | undefined;
  ags?: string | undefined;
  id?: number | undefined;
}

/** Applications in the scope (and filter), with payouts and their status on `stand`. */
export async function list(db: Db, scope: Scope, stand: string, filter: Filter = {}): Promise<FoerderantragRecord[]> {
  let query = db
    .selectFrom('foerderantrag as f')
    .innerJoin('kommune as k', 'k.ags', 'f.kommune_ags')
    .selectAll('f')
    .select(['k.name as kommune_name', 'k.polizeidirektion_id', 'k.kreis_ags'])
    .where(inScope('k', scope, filter))
    .orderBy('f.haushaltsjahr', 'desc')
    .orderBy('k.name')
    .orderBy('f.id');
  if (filter.haushaltsjahr !== undefined) query = query.where('f.haushaltsjahr', '=', filter.haushaltsjahr);
  if (filter.ags !== undefined) query = query.where('f.kommune_ags', '=', filter.ags);
  if (filter.id !== undefined) query = query.where('f.id', '=', filter.id);
  const rows = await query.execute();
  const payouts = rows.length
    ? await db
        .selectFrom('auszahlung')
        .select(['antrag_id', 'datum', 'betrag_cent'])
        .where(
          'antrag_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('datum')
        .orderBy('id')
        .execute()
    : [];
  return rows.map((r) => {
    const facts: FoerderantragFacts = {
      haushaltsjahr: r.haushaltsjahr,
      eingereichtAm: r.eingereicht_am,
      beantragtCent: Number(r.beantragt_cent),
      foerderfaehigCent: Number(r.foerderfaehig_cent),
      entscheidung: r.entscheidung && r.entschieden_am ? { datum: r.entschieden_am, art: r.entscheidung } : null,
      bewilligtCent: r.bewilligt_cent === null ? null : Number(r.bewilligt_cent),
      zurueckgezogenAm: r.zurueckgezogen_am,
      auszahlungen: payouts
        .filter((p) => p.antrag_id === r.id)
        .map((p) => ({ datum: p.datum, betragCent: Number(p.betrag_cent) })),
      verwendungsnachweisAm: r.verwendungsnachweis_am,
      geprueftAm: r.geprueft_am,
      zurueckgefordertCent: Number(r.zurueckgefordert_cent),
      zurueckgefordertAm: r.zurueckgefordert_am,
    };
    return {
      ...facts,
      id: r.id,
      ags: r.kommune_ags,
      kommuneName: r.kommune_name,
      polizeidirektion: r.polizeidirektion_id,
      kreis: r.kreis_ags,
      zweck: r.zweck as Foerderzweck,
      handlungsfelder: r.handlungsfelder as Handlungsfeld[],
      notiz: r.notiz,
      status: foerderstatusAsOf(facts, stand) ?? null,
      synthetisch: r.synthetisch,
      version: r.version,
    };
  });
}

/** Locks an application in the scope for a change; undefined when there is none. */
export async function lockInScope(trx: Transaction<Database>, scope: Scope, id: number, stand: string) {
  await trx.selectFrom('foerderantrag').select('id').where('id', '=', id).forUpdate().execute();
  const [record] = await list(trx, scope, stand, { id });
  return record;
}

function columns(input: FoerderantragInput) {
  return {
    haushaltsjahr: input.haushaltsjahr,
    zweck: input.zweck,
    handlungsfelder: input.handlungsfelder,
    eingereicht_am: input.eingereichtAm,
    beantragt_cent: input.beantragtCent,
    foerderfaehig_cent: input.foerderfaehigCent,
    entscheidung: input.entscheidung?.art ?? null,
    entschieden_am: input.entscheidung?.datum ?? null,
    bewilligt_cent: input.bewilligtCent,
    zurueckgezogen_am: input.zurueckgezogenAm,
    verwendungsnachweis_am: input.verwendungsnachweisAm,
    geprueft_am: input.geprueftAm,
    zurueckgefordert_cent: input.zurueckgefordertCent,
    zurueckgefordert_am: input.zurueckgefordertAm,
    notiz: input.notiz ?? null,
  };
}

/** Writes a new application with its payouts; returns its id. Demo seeds flag theirs as synthetic. */
export async function insert(
  trx: Transaction<Database>,
  ags: string,
  input: FoerderantragInput,
  { synthetisch = false } = {},
): Promise<number> {
  const { id } = await trx
    .insertInto('foerderantrag')
    .values({ kommune_ags: ags, ...columns(input), synthetisch })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replacePayouts(trx, id, input, synthetisch);
  return id;
}

/** Replaces the application's values and payouts and bumps its version. */
export async function replace(trx: Transaction<Database>, id: number, input: FoerderantragInput): Promise<void> {
  await trx
    .updateTable('foerderantrag')
    .set((eb) => ({ ...columns(input), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
  await replacePayouts(trx, id, input);
}

async function replacePayouts(
  trx: Transaction<Database>,
  id: number,
  input: FoerderantragInput,
  synthetisch = false,
): Promise<void> {
  // Payouts are part of the application's value; the event log keeps the earlier list.
  await trx.deleteFrom('auszahlung').where('antrag_id', '=', id).execute();
  if (input.auszahlungen.length > 0) {
    await trx
      .insertInto('auszahlung')
      .values(
        input.auszahlungen.map((a) => ({ antrag_id: id, datum: a.datum, betrag_cent: a.betragCent, synthetisch })),
      )
      .execute();
  }
}

/** Budgets per Haushaltsjahr, in cents. */
export async function budgets(db: Db): Promise<Map<number, number>> {
  const rows = await db.selectFrom('haushaltsjahr').select(['jahr', 'budget_cent']).execute();
  return new Map(rows.map((r) => [r.jahr, Number(r.budget_cent)]));
}
