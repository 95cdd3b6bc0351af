import {
  MERKMALE,
  SPALTEN,
  STATUS_LABELS,
  type KommuneSummary,
  type KommunenFilter,
  type Scope,
} from '@asskomm/domain';
import { kreisName, polizeidirektionKurz } from '@asskomm/geo';
import { angabenFuer } from './angaben.ts';
import type { Tabelle } from './tabelle.ts';

/** The filters of a Kommunen list in words, for the Angaben of its export. */
function filterText(filter: KommunenFilter): string[] {
  return [
    filter.q && `Suche „${filter.q}“`,
    filter.status && `Status: ${STATUS_LABELS[filter.status]}`,
    filter.pd && `Polizeidirektion: ${polizeidirektionKurz(filter.pd)}`,
    filter.kreis && `Kreis: ${kreisName(filter.kreis)}`,
    filter.merkmal && `Merkmal: ${MERKMALE[filter.merkmal]}`,
    `sortiert nach ${SPALTEN[filter.sort]}, ${filter.absteigend ? 'absteigend' : 'aufsteigend'}`,
  ].filter((text): text is string => Boolean(text));
}

/** The Kommunen list as the page shows it (rows already filtered and sorted), as a table to export. */
export function kommunenTabelle(input: {
  zeilen: readonly KommuneSummary[];
  filter: KommunenFilter;
  stand: string;
  scope: Scope;
  von: string | null;
}): Tabelle<KommuneSummary> {
  return {
    name: 'Kommunen',
    stand: input.stand,
    zeilen: input.zeilen,
    spalten: [
      { titel: 'Gemeindeschlüssel', art: 'text', wert: (k) => k.ags, breite: 18 },
      { titel: 'Name', art: 'text', wert: (k) => k.name, breite: 28 },
      { titel: 'Art', art: 'text', wert: (k) => k.art, breite: 16 },
      { titel: 'Kreis', art: 'text', wert: (k) => kreisName(k.kreis), breite: 24 },
      { titel: 'Polizeidirektion', art: 'text', wert: (k) => polizeidirektionKurz(k.polizeidirektion), breite: 18 },
      { titel: 'Status', art: 'text', wert: (k) => STATUS_LABELS[k.status], breite: 20 },
      { titel: 'KPR', art: 'janein', wert: (k) => k.kpr },
      { titel: 'Modellkommune', art: 'janein', wert: (k) => k.modellkommune },
      { titel: 'Demodaten', art: 'janein', wert: (k) => k.demodaten },
    ],
    angaben: angabenFuer({
      stand: input.stand,
      scope: input.scope,
      filter: filterText(input.filter),
      von: input.von,
      demodaten: input.zeilen.filter((k) => k.demodaten).length,
    }),
  };
}
