import { stringify } from 'csv-stringify/sync';
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
 * cells, CRLF between rows, decimal comma, dates TT.MM.JJJJ.
 */
export function alsCsv<Z>(tabelle: Tabelle<Z>): string {
  const kopf = tabelle.spalten.map((s) => s.titel);
  const zeilen = tabelle.zeilen.map((z) => tabelle.spalten.map((s) => zelle(s, s.wert(z))));
  return stringify([kopf, ...zeilen], { bom: true, delimiter: ';', record_delimiter: 'windows' });
}
