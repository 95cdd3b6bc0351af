import type { Kysely } from 'kysely';
import { GEMEINDEN, KREISE, POLIZEIDIREKTIONEN, VORGAENGER, polizeidirektionOfKreis } from '@asskomm/geo';
import type { Database, NewKommune } from './schema.ts';

/**
 * Writes the Land's master data from @asskomm/geo: Polizeidirektionen, Kreise, current Gemeinden and
 * the Gemeinden dissolved by mergers. Idempotent: runs at every start and updates what changed.
 */
export async function seedMasterData(db: Kysely<Database>): Promise<void> {
  const kreise: NewKommune[] = KREISE.map((k) => ({
    ags: k.ags,
    name: k.name,
    art: k.art,
    kreis_ags: k.ags,
    polizeidirektion_id: k.polizeidirektion,
    gueltig_ab: null,
    gueltig_bis: null,
    nachfolger_ags: null,
  }));
  const gemeinden: NewKommune[] = GEMEINDEN.map((g) => ({
    ags: g.ags,
    name: g.name,
    art: g.art,
    kreis_ags: g.kreis,
    polizeidirektion_id: polizeidirektionOfKreis(g.kreis),
    gueltig_ab: g.gueltigAb ?? null,
    gueltig_bis: null,
    nachfolger_ags: null,
  }));
  const vorgaenger: NewKommune[] = VORGAENGER.map((v) => ({
    ags: v.ags,
    name: v.name,
    art: v.art,
    kreis_ags: v.kreis,
    polizeidirektion_id: polizeidirektionOfKreis(v.kreis),
    gueltig_ab: null,
    gueltig_bis: v.gueltigBis,
    nachfolger_ags: v.nachfolger,
  }));

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('polizeidirektion')
      .values(POLIZEIDIREKTIONEN.map(({ id, name }) => ({ id, name })))
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
      .execute();
    // Successors before predecessors: the predecessor rows point at them.
    for (const rows of [kreise, gemeinden, vorgaenger]) {
      await trx
        .insertInto('kommune')
        .values(rows)
        .onConflict((oc) =>
          oc.column('ags').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            art: eb.ref('excluded.art'),
            kreis_ags: eb.ref('excluded.kreis_ags'),
            polizeidirektion_id: eb.ref('excluded.polizeidirektion_id'),
            gueltig_ab: eb.ref('excluded.gueltig_ab'),
            gueltig_bis: eb.ref('excluded.gueltig_bis'),
            nachfolger_ags: eb.ref('excluded.nachfolger_ags'),
          })),
        )
        .execute();
    }
  });
}
