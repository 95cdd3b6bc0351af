import express from 'express';
import type { DbHandle } from '@asskomm/db';
import { berichtQuerySchema, HttpError, todayInSaxony, type BerichtQuery } from '@asskomm/domain';
import { kreisName, polizeidirektionKurz } from '@asskomm/geo';
import { checkArea, principalOf, scopeOfRequest } from '../authorization.ts';
import { parseQuery } from '../http.ts';
import type { PdfRenderer } from '../bericht/renderer.ts';
import { perCommitCache } from './per-commit-cache.ts';

export interface BerichtDeps {
  handle: DbHandle;
  /** Undefined where no Chromium is installed: the route then says so (503). */
  renderer: PdfRenderer | undefined;
  /** The German sentence saying what is missing when `renderer` is undefined. */
  missing: string;
}

/** „Görlitz“ → „Goerlitz“: the file name stays plain ASCII for every mail client and file system. */
function ascii(text: string): string {
  return text
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** `Lagebericht_PD-Goerlitz_2026-12-03.pdf`, `Lagebericht_Sachsen_…`, `Lagebericht_Kreis-Bautzen_…` */
function dateiname({ pd, kreis }: BerichtQuery, stand: string): string {
  const gebiet = kreis ? `Kreis-${ascii(kreisName(kreis))}` : pd ? `PD-${ascii(polizeidirektionKurz(pd))}` : 'Sachsen';
  return `Lagebericht_${gebiet}_${stand}.pdf`;
}

/** The page `/bericht` of the dashboard with the same view. */
function berichtSeite({ pd, kreis, seit }: BerichtQuery, stand: string): string {
  const query = new URLSearchParams({ stand });
  if (pd) query.set('pd', pd);
  if (kreis) query.set('kreis', kreis);
  if (seit) query.set('seit', seit);
  return `/bericht?${query}`;
}

/**
 * The Lagebericht as PDF: the dashboard's page `/bericht` printed by Chromium for the caller, so
 * the PDF holds exactly what that page shows them (their scope, the small-count rule for visitors).
 */
export function berichtRoutes({ handle, renderer, missing }: BerichtDeps): express.Router {
  const router = express.Router();
  // The same report again (a second click, a colleague of the same role) until the data changes.
  const cache = perCommitCache<Buffer>(handle, 20);

  router.get('/bericht', async (req, res) => {
    const asked = parseQuery(berichtQuerySchema, req);
    const scope = scopeOfRequest(res);
    checkArea(scope, asked);
    if (!renderer) throw new HttpError(503, missing);
    // A polizei user's report is of their area even unasked, and its file is named after it.
    const query = {
      ...asked,
      pd: asked.pd ?? (scope.kind === 'polizeidirektion' ? scope.polizeidirektion : undefined),
    };
    const stand = query.stand ?? todayInSaxony();
    const seite = berichtSeite(query, stand);
    // Per principal: the cover names who made it, and the figures are of their scope.
    const pdf = await cache([principalOf(res), seite], () => renderer.pdf(seite, req.headers.cookie));
    // Quoted as the contract says; the name is plain ASCII (no filename* needed).
    res.set('Content-Disposition', `attachment; filename="${dateiname(query, stand)}"`);
    res.type('application/pdf');
    res.set('Cache-Control', 'private, no-store');
    res.send(pdf);
  });

  return router;
}
