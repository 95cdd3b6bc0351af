import { sql, type RawBuilder } from 'kysely';
import type { PolizeidirektionId, Scope } from '@asskomm/domain';

/** A filter the user chose within their scope: one Polizeidirektion and/or one Kreis. */
export interface Area {
  polizeidirektion?: PolizeidirektionId | undefined;
  kreis?: string | undefined;
}

/**
 * SQL condition limiting the kommune table `alias` to the scope and, within it, to the area.
 * Every query that reads Kommunen or their data goes through here: the one place scope is applied.
 */
export function inScope(alias: string, scope: Scope, area: Area = {}): RawBuilder<boolean> {
  const scopePd = scope.kind === 'polizeidirektion' ? scope.polizeidirektion : null;
  const pd = area.polizeidirektion ?? null;
  const kreis = area.kreis ?? null;
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<boolean>`(${scopePd}::text is null or ${column('polizeidirektion_id')} = ${scopePd})
    and (${pd}::text is null or ${column('polizeidirektion_id')} = ${pd})
    and (${kreis}::text is null or ${column('kreis_ags')} = ${kreis})`;
}
