import { sql, type RawBuilder } from 'kysely';
import type { PolizeidirektionId } from '@asskomm/domain';

/** Part of Saxony a query is limited to: the Land (both null), one Polizeidirektion or one Kreis. */
export interface Area {
  polizeidirektion?: PolizeidirektionId | undefined;
  kreis?: string | undefined;
}

/** SQL condition limiting the kommune table `alias` to the area. */
export function inArea(alias: string, area: Area): RawBuilder<boolean> {
  const pd = area.polizeidirektion ?? null;
  const kreis = area.kreis ?? null;
  return sql<boolean>`(${pd}::text is null or ${sql.ref(`${alias}.polizeidirektion_id`)} = ${pd})
    and (${kreis}::text is null or ${sql.ref(`${alias}.kreis_ags`)} = ${kreis})`;
}
