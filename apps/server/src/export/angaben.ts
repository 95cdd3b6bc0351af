import { deutschesDatum, type PolizeidirektionId, type Scope } from '@asskomm/domain';
import { kreisName, polizeidirektionName } from '@asskomm/geo';

const QUELLE = 'ASSKomm Lagebild, Landespräventionsrat Sachsen (Allianz Sichere Sächsische Kommunen)';

/** The area the figures are of: a chosen Kreis or Polizeidirektion, else the caller's scope. */
export function gebietVon(
  scope: Scope,
  gewaehlt: { pd?: PolizeidirektionId | undefined; kreis?: string | undefined } = {},
): string {
  if (gewaehlt.kreis) return `Kreis ${kreisName(gewaehlt.kreis)}`;
  if (gewaehlt.pd) return polizeidirektionName(gewaehlt.pd);
  if (scope.kind !== 'polizeidirektion') return 'Sachsen';
  return polizeidirektionName(scope.polizeidirektion);
}

const ERSTELLT = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  dateStyle: 'medium',
  timeStyle: 'short',
});

/**
 * What every exported table says about itself: Stand, area, filters, who made it and when, source,
 * and whether demo data is in it — so a file handed on can be judged without the screen it came from.
 */
export function angabenFuer(input: {
  stand: string;
  scope: Scope;
  /** A Polizeidirektion or Kreis the figures are limited to by the query. */
  gewaehlt?: { pd?: PolizeidirektionId | undefined; kreis?: string | undefined };
  filter: readonly string[];
  von: string | null;
  /** Rows that are (or hold) demo data; for figures summed over many records, whether any is. */
  demodaten: number | boolean;
  jetzt?: Date;
}): [string, string][] {
  return [
    ['Stand', deutschesDatum(input.stand)],
    ['Gebiet', gebietVon(input.scope, input.gewaehlt)],
    ['Filter', input.filter.length ? input.filter.join('; ') : 'keine'],
    ['Erstellt', ERSTELLT.format(input.jetzt ?? new Date())],
    ['Erstellt von', input.von ?? 'öffentliche Ansicht'],
    ['Quelle', QUELLE],
    ['Demodaten', demodatenText(input.demodaten)],
  ];
}

function demodatenText(demodaten: number | boolean): string {
  if (demodaten === true) return 'Die Zahlen enthalten erfundene Demodaten.';
  if (!demodaten) return 'keine';
  return `${demodaten} Zeilen enthalten erfundene Demodaten.`;
}
