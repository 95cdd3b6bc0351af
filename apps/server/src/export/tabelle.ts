/**
 * A table as it leaves the product: columns with a kind that fixes how a value is written (CSV,
 * German) and typed (XLSX), the rows, and what the figures are (Stand, area, filters, source). Every
 * export builds one of these; csv.ts and xlsx.ts write it, send.ts answers with it.
 */

/**
 * text: as it is · zahl: an integer · euro: integer cents, written as euros · datum: 'YYYY-MM-DD'
 * · janein: a flag.
 */
export type Spaltenart = 'text' | 'zahl' | 'euro' | 'datum' | 'janein';

export type Zellwert = string | number | boolean | null;

export interface Spalte<Z> {
  titel: string;
  art: Spaltenart;
  wert: (zeile: Z) => Zellwert;
  /** Width in characters in the XLSX sheet; the header's length otherwise. */
  breite?: number;
}

export interface Tabelle<Z> {
  /** The file's name without date and extension, e.g. „Kommunen“. */
  name: string;
  /** The day the figures are as of ('YYYY-MM-DD'): in the file name and the Angaben. */
  stand: string;
  spalten: readonly Spalte<Z>[];
  zeilen: readonly Z[];
  /** Label and text: Stand, Gebiet, Filter, Quelle … — the XLSX sheet „Angaben“. */
  angaben: readonly (readonly [string, string])[];
}

/** 'YYYY-MM-DD' → 'TT.MM.JJJJ' */
export function deutschesDatum(iso: string): string {
  const [jahr, monat, tag] = iso.split('-');
  return `${tag}.${monat}.${jahr}`;
}
