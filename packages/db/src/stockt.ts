import type { Kysely, Transaction } from 'kysely';
import {
  STANDARD_SCHWELLEN,
  stockungen,
  type PolizeidirektionId,
  type Scope,
  type StocktSchwellen,
  type StocktZeile,
} from '@asskomm/domain';
import type { Area } from './area.ts';
import { inScope } from './area.ts';
import * as kommunen from './kommunen.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

const SCHWELLEN = 'stockt_schwellen';

/** The thresholds in force: the LPR's, over the defaults (a new key keeps its default). */
export async function schwellen(db: Db): Promise<StocktSchwellen> {
  const row = await db.selectFrom('einstellung').select('wert').where('schluessel', '=', SCHWELLEN).executeTakeFirst();
  return { ...STANDARD_SCHWELLEN, ...(row?.wert as Partial<StocktSchwellen> | undefined) };
}

export async function setzeSchwellen(trx: Transaction<Database>, werte: StocktSchwellen, von: number): Promise<void> {
  await trx
    .insertInto('einstellung')
    .values({ schluessel: SCHWELLEN, wert: JSON.stringify(werte), geaendert_von: von })
    .onConflict((oc) => oc.column('schluessel').doUpdateSet({ wert: JSON.stringify(werte), geaendert_von: von }))
    .execute();
}

/**
 * The Kommunen of the scope and area that have stalled on `heute`, longest stalled first, with how
 * many open next steps each has (so nobody plans the same step twice).
 */
export async function liste(
  db: Kysely<Database>,
  scope: Scope,
  heute: string,
  area: Area = {},
): Promise<StocktZeile[]> {
  const [grenzen, alle, antraege, offen] = await Promise.all([
    schwellen(db),
    kommunen.withMeilensteine(db, scope, heute, area),
    db
      .selectFrom('foerderantrag as f')
      .innerJoin('kommune as k', 'k.ags', 'f.kommune_ags')
      .select(['f.id', 'f.kommune_ags', 'f.haushaltsjahr', 'f.entscheidung', 'f.entschieden_am', 'f.zurueckgezogen_am'])
      .select('f.verwendungsnachweis_am')
      .where(inScope('k', scope, area))
      .where('f.entscheidung', '=', 'bewilligt')
      .where('f.verwendungsnachweis_am', 'is', null)
      .execute(),
    db
      .selectFrom('wiedervorlage as w')
      .innerJoin('kommune as k', 'k.ags', 'w.kommune_ags')
      .select(['w.kommune_ags', (eb) => eb.fn.countAll<string>().as('n')])
      .where(inScope('k', scope, area))
      .where('w.erledigt_am', 'is', null)
      .groupBy('w.kommune_ags')
      .execute(),
  ]);
  const offenNach = new Map(offen.map((o) => [o.kommune_ags, Number(o.n)]));
  const zeilen = alle.flatMap((k): StocktZeile[] => {
    const eigene = antraege
      .filter((a) => a.kommune_ags === k.ags)
      .map((a) => ({
        id: a.id,
        haushaltsjahr: a.haushaltsjahr,
        entscheidung: a.entscheidung && a.entschieden_am ? { datum: a.entschieden_am, art: a.entscheidung } : null,
        zurueckgezogenAm: a.zurueckgezogen_am,
        verwendungsnachweisAm: a.verwendungsnachweis_am,
      }));
    const gruende = stockungen(k.meilensteine ?? [], eigene, heute, grenzen);
    return gruende.length
      ? [
          {
            ags: k.ags,
            name: k.name,
            kreis: k.kreis_ags,
            polizeidirektion: k.polizeidirektion_id as PolizeidirektionId,
            gruende,
            offeneWiedervorlagen: offenNach.get(k.ags) ?? 0,
            demodaten: (k.meilensteine ?? []).some((m) => m.synthetisch),
          },
        ]
      : [];
  });
  const frueheste = (z: StocktZeile) => z.gruende.reduce((min, g) => (g.seit < min ? g.seit : min), '9999-12-31');
  return zeilen.sort((a, b) => frueheste(a).localeCompare(frueheste(b)) || a.ags.localeCompare(b.ags));
}
