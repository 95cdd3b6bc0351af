import { type Scope } from '@asskomm/domain';
import { polizeidirektionName } from '@asskomm/geo';
import { deutschesDatum } from './tabelle.ts';

const QUELLE = 'ASSKomm Lagebild, Landespräventionsrat Sachsen (Allianz Sichere Sächsische Kommunen)';

/** „Sachsen“, or the Polizeidirektion the figures are limited to. */
export function gebietVon(scope: Scope): string {
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
  filter: readonly string[];
  von: string | null;
  demodaten: number;
  jetzt?: Date;
}): [string, string][] {
  return [
    ['Stand', deutschesDatum(input.stand)],
    ['Gebiet', gebietVon(input.scope)],
    ['Filter', input.filter.length ? input.filter.join('; ') : 'keine'],
    ['Erstellt', ERSTELLT.format(input.jetzt ?? new Date())],
    ['Erstellt von', input.von ?? 'öffentliche Ansicht'],
    ['Quelle', QUELLE],
    [
      'Demodaten',
      input.demodaten ? `${input.demodaten} Zeilen enthalten erfundene Demodaten (Spalte „Demodaten“).` : 'keine',
    ],
  ];
}
