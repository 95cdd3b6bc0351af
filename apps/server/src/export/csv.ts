import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { deutschesDatum } from '@asskomm/domain';
import { saechsischeZeit, type Spalte, type Tabelle, type Zellwert } from './tabelle.ts';

/**
 * A cell a spreadsheet would read as a formula (OWASP „CSV injection“): `=`, `+`, `-`, `@`, tab or
 * CR first. A leading apostrophe makes Excel and LibreOffice show it as text.
 */
const FORMEL_ANFANG = /^[=+\-@\t\r]/;

function zelle<Z>(spalte: Spalte<Z>, wert: Zellwert): string {
  if (wert === null) return '';
  switch (spalte.art) {
    case 'zahl':
      return String(wert);
    case 'euro':
      // Decimal comma, no thousands separator: German Excel reads it as a number.
      return (Number(wert) / 100).toFixed(2).replace('.', ',');
    case 'datum':
      return deutschesDatum(String(wert));
    case 'zeitpunkt': {
      const [tag = '', uhrzeit = ''] = saechsischeZeit(String(wert)).split(' ');
      return `${deutschesDatum(tag)} ${uhrzeit.slice(0, 5)}`;
    }
    case 'anteil':
      // Percent with one decimal, decimal comma; the column title says „in %“.
      return (Number(wert) * 100).toFixed(1).replace('.', ',');
    case 'janein':
      return wert ? 'ja' : 'nein';
    case 'text': {
      const text = String(wert);
      return FORMEL_ANFANG.test(text) ? `'${text}` : text;
    }
  }
}

/**
 * CSV the way German Excel opens it with a double click: UTF-8 with BOM (umlauts), `;` between
 * cells, CRLF between rows, decimal comma, dates TT.MM.JJJJ. Streamed: each row is written when
 * the reader takes the one before, so a long table is never held as one text.
 */
export function alsCsv<Z>(tabelle: Tabelle<Z>): Readable {
  function* zeilen() {
    yield tabelle.spalten.map((s) => s.titel);
    for (const z of tabelle.zeilen) yield tabelle.spalten.map((s) => zelle(s, s.wert(z)));
  }
  return Readable.from(zeilen()).pipe(stringify({ bom: true, delimiter: ';', record_delimiter: 'windows' }));
}
