/**
 * The Germany-scale export (issue 12): the Kommunen table of 11,000 Kommunen, about as many as
 * Germany has, through the product's own export path (kommunenTabelle → sendeTabelle, streamed)
 * over HTTP in this process, read by a client that keeps no byte. The product's data is Saxony's
 * Kommunen (418 Gemeinden and the Kreise in the programme), so the larger set exists only here:
 * the Saxon list repeated with new keys and names.
 * Memory is the process's RSS, sampled every 5 ms, against its value before the request.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import express from 'express';
import { kommunenFilterAus, type ExportFormat, type KommuneSummary } from '@asskomm/domain';
import { kommunenTabelle } from '../src/export/kommunen.ts';
import { sendeTabelle } from '../src/export/send.ts';

export const DEUTSCHLAND = 11_000;

export interface ExportMessung {
  ms: number;
  bytes: number;
  /** Peak RSS growth during the request, in MiB. */
  mib: number;
}

/** Serves the 11,000 rows made from `saechsische` and measures `runs` downloads per format. */
export async function deutschlandExport(
  saechsische: readonly KommuneSummary[],
  runs: number,
): Promise<Record<ExportFormat, ExportMessung[]>> {
  const zeilen = Array.from({ length: DEUTSCHLAND }, (_, i) => {
    const vorlage = saechsische[i % saechsische.length]!;
    return {
      ...vorlage,
      ags: String(10_000_000 + i),
      name: `${vorlage.name} ${Math.floor(i / saechsische.length) + 1}`,
    };
  });
  const app = express();
  app.get('/kommunen', async (req, res) => {
    const format = req.query.format === 'xlsx' ? 'xlsx' : 'csv';
    const tabelle = kommunenTabelle({
      zeilen,
      filter: kommunenFilterAus(new URLSearchParams()),
      stand: '2026-12-04',
      scope: { kind: 'land' },
      von: 'Benchmark',
    });
    await sendeTabelle(res, tabelle, format);
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kommunen`;
  const ergebnis: Record<ExportFormat, ExportMessung[]> = { csv: [], xlsx: [] };
  try {
    for (const format of ['csv', 'xlsx'] as const) {
      for (let run = 0; run < runs; run++) {
        const vorher = process.memoryUsage().rss;
        let spitze = vorher;
        const probe = setInterval(() => (spitze = Math.max(spitze, process.memoryUsage().rss)), 5);
        const start = performance.now();
        const response = await fetch(`${url}?format=${format}`);
        let bytes = 0;
        const reader = response.body!.getReader();
        for (let teil = await reader.read(); !teil.done; teil = await reader.read()) bytes += teil.value.byteLength;
        const ms = performance.now() - start;
        clearInterval(probe);
        if (response.status !== 200 || bytes < DEUTSCHLAND * 20)
          throw new Error(`${format}: ${response.status}, ${bytes} B`);
        ergebnis[format].push({ ms, bytes, mib: (spitze - vorher) / 2 ** 20 });
      }
    }
  } finally {
    server.close();
  }
  return ergebnis;
}
