/**
 * A table as it leaves the product: columns with a kind that fixes how a value is written (CSV,
 * German) and typed (XLSX), the rows, and what the figures are (Stand, area, filters, source). Every
 * export builds one of these; csv.ts and xlsx.ts write it, send.ts answers with it.
 */

/**
 * text: as it is · zahl: an integer · euro: integer cents, written as euros · datum: 'YYYY-MM-DD'
 * · zeitpunkt: an ISO timestamp, written in Saxon time · anteil: a ratio (0.81 = 81 %) · janein: a flag.
 */
export type Spaltenart = 'text' | 'zahl' | 'euro' | 'datum' | 'zeitpunkt' | 'anteil' | 'janein';

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

/**
 * A table whose row type the caller need not know (one endpoint, several tables): its columns
 * read the rows it was built with, and nothing else reads them.
 */
export function ohneZeilentyp<Z>(tabelle: Tabelle<Z>): Tabelle<unknown> {
  return tabelle as Tabelle<unknown>;
}

const WANDUHR = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * A moment as the clock in Saxony showed it: 'YYYY-MM-DD HH:MM:SS'. Files carry no time zone, so
 * they hold the wall time a reader in Saxony expects.
 */
export function saechsischeZeit(iso: string): string {
  const teil = Object.fromEntries(WANDUHR.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${teil.year}-${teil.month}-${teil.day} ${teil.hour}:${teil.minute}:${teil.second}`;
}
