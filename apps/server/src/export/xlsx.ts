import type { Readable } from 'node:stream';
import writeExcelFile, { type Cell, type Row } from 'write-excel-file/node';
import { saechsischeZeit, type Spalte, type Tabelle, type Zellwert } from './tabelle.ts';

const EURO = '#,##0.00 "€"';
const DATUM = 'dd.mm.yyyy';
const ZEITPUNKT = 'dd.mm.yyyy hh:mm';

function zelle<Z>(spalte: Spalte<Z>, wert: Zellwert): Cell {
  if (wert === null) return null;
  switch (spalte.art) {
    case 'zahl':
      return { type: Number, value: Number(wert) };
    case 'euro':
      return { type: Number, value: Number(wert) / 100, format: EURO };
    case 'datum':
      // Midnight UTC of that day: Excel keeps no time zone, so the day is exactly the one meant.
      return { type: Date, value: new Date(`${String(wert)}T00:00:00Z`), format: DATUM };
    case 'zeitpunkt':
      // Saxon wall time written as UTC: Excel shows exactly that clock time.
      return { type: Date, value: new Date(`${saechsischeZeit(String(wert)).replace(' ', 'T')}Z`), format: ZEITPUNKT };
    case 'anteil':
      // The same figure as the CSV's percent, as a number Excel can compute with.
      return { type: Number, value: Number(wert) * 100, format: '0.0' };
    case 'janein':
      return { type: String, value: wert ? 'ja' : 'nein' };
    case 'text':
      // Typed as text, a cell starting with „=“ stays text: no formula injection in XLSX.
      return { type: String, value: String(wert) };
  }
}

/**
 * An XLSX workbook: the table with typed cells (dates as dates, euros as numbers in € format), a
 * bold header row that stays in view, and a sheet „Angaben“ saying what the figures are. Streamed
 * as it is zipped.
 */
export async function alsXlsx<Z>(tabelle: Tabelle<Z>, blatt: string): Promise<Readable> {
  const kopf: Row = tabelle.spalten.map((s) => ({ value: s.titel, fontWeight: 'bold' }));
  const zeilen: Row[] = tabelle.zeilen.map((z) => tabelle.spalten.map((s) => zelle(s, s.wert(z))));
  const angaben: Row[] = tabelle.angaben.map(([label, text]) => [{ value: label, fontWeight: 'bold' }, text]);
  const buch = writeExcelFile([
    {
      data: [kopf, ...zeilen],
      sheet: blatt,
      stickyRowsCount: 1,
      columns: tabelle.spalten.map((s) => ({ width: s.breite ?? Math.max(10, s.titel.length + 2) })),
    },
    { data: angaben, sheet: 'Angaben', columns: [{ width: 18 }, { width: 70 }] },
  ]);
  // The typings join both forms of toStream in a union; called without a target it gives the stream.
  return (buch.toStream as () => Promise<Readable>)();
}
