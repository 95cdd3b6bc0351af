import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { ExportFormat } from '@asskomm/domain';
import { alsCsv } from './csv.ts';
import { alsXlsx } from './xlsx.ts';
import type { Tabelle } from './tabelle.ts';

const TYPEN: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Answers with the table as a file to download (`Kommunen_2026-12-03.csv`), streamed as it is
 * written: a long table costs the server its rows, not a second copy as a file.
 */
export async function sendeTabelle<Z>(res: Response, tabelle: Tabelle<Z>, format: ExportFormat): Promise<void> {
  const inhalt = format === 'csv' ? alsCsv(tabelle) : await alsXlsx(tabelle, tabelle.name);
  res.attachment(`${tabelle.name}_${tabelle.stand}.${format}`);
  res.type(TYPEN[format]);
  // What one user may see: never kept by a shared cache.
  res.set('Cache-Control', 'private, no-store');
  await pipeline(inhalt, res);
}

/** The list as JSON, or, with `format`, as that file: one answer for every list endpoint. */
export async function alsListe<Z>(
  res: Response,
  json: unknown,
  format: ExportFormat | undefined,
  tabelle: () => Tabelle<Z>,
): Promise<void> {
  if (format) await sendeTabelle(res, tabelle(), format);
  else res.json(json);
}
