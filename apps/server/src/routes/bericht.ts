import { createHash, randomBytes } from 'node:crypto';
import express from 'express';
import { berichte, events, type DbHandle } from '@asskomm/db';
import {
  aendertBerichtBis,
  berichtQuerySchema,
  einJahrVorher,
  HttpError,
  NOT_FOUND,
  scopeCovers,
  todayInSaxony,
  type BerichtPruefung,
  type BerichtQuery,
} from '@asskomm/domain';
import { kreisName, polizeidirektionKurz, polizeidirektionOfGemeinde, polizeidirektionOfKreis } from '@asskomm/geo';
import { actorOf, checkArea, principalOf, scopeOfRequest } from '../authorization.ts';
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

/** The print page `/bericht/druck` of the dashboard (no script) with the same view, and the address that verifies it. */
function berichtSeite({ pd, kreis, seit }: BerichtQuery, stand: string, pruefadresse?: string): string {
  const query = new URLSearchParams({ stand });
  if (pd) query.set('pd', pd);
  if (kreis) query.set('kreis', kreis);
  if (seit) query.set('seit', seit);
  if (pruefadresse) query.set('pruefadresse', pruefadresse);
  return `/bericht/druck?${query}`;
}

/** A Prüfnummer: 10 characters of [a-z0-9], short enough to type from paper (about 51 bits). */
const PRUEFNUMMER = /^[a-z0-9]{10}$/;
function neuePruefnummer(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** The Polizeidirektion a Kommune (8 digits) or Kreis (5 digits) lies in. */
function pdOf(ags: string) {
  return ags.length === 5 ? polizeidirektionOfKreis(ags) : polizeidirektionOfGemeinde(ags);
}

/** How many later events a verification reads at most (the answer says when there are more). */
const KORREKTUREN_GELESEN = 1000;

/**
 * The Lagebericht as PDF: the dashboard's page `/bericht/druck` (`/bericht` without its buttons)
 * printed by Chromium for the caller, so the PDF holds exactly what that page shows them (their scope, the small-count rule for visitors).
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
    const ansicht = berichtSeite(query, stand);
    // Per principal: the cover names who made it, and the figures are of their scope. Each PDF
    // made is recorded with its hash; its Prüfnummer is printed in it.
    const pdf = await cache([principalOf(res), ansicht], async () => {
      const id = neuePruefnummer();
      const seq = await events.lastSeq(handle.db);
      const adresse = `${req.protocol}://${req.get('host') ?? 'localhost'}/bericht/pruefen/${id}`;
      const bytes = await renderer.pdf(berichtSeite(query, stand, adresse), req.headers.cookie);
      await berichte.record(handle.db, {
        id,
        polizeidirektion: query.kreis ? null : (query.pd ?? null),
        kreis: query.kreis ?? null,
        stand,
        seit: query.seit ?? einJahrVorher(stand),
        seq,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        oeffentlich: scope.kind === 'public',
        benutzerId: principalOf(res).benutzerId,
        erstelltVon: actorOf(res).name,
      });
      return bytes;
    });
    // Quoted as the contract says; the name is plain ASCII (no filename* needed).
    res.set('Content-Disposition', `attachment; filename="${dateiname(query, stand)}"`);
    res.type('application/pdf');
    res.set('Cache-Control', 'private, no-store');
    res.send(pdf);
  });

  // A report handed on, checked later: its record and what was corrected since, in the asker's scope.
  router.get('/berichte/:id', async (req, res) => {
    const id = String(req.params.id);
    const bericht = PRUEFNUMMER.test(id) ? await berichte.find(handle.db, id) : undefined;
    const scope = scopeOfRequest(res);
    const gebietPd = bericht?.kreis ? pdOf(bericht.kreis) : bericht?.polizeidirektion;
    if (!bericht || (gebietPd && !scopeCovers(scope, gebietPd))) throw new HttpError(404, NOT_FOUND);
    const spaeter = await events.since(handle.db, scope, bericht.seq, KORREKTUREN_GELESEN);
    const imGebiet = (ags: string | null) =>
      ags === null ||
      (bericht.kreis
        ? ags.slice(0, 5) === bericht.kreis
        : !bericht.polizeidirektion || pdOf(ags) === bericht.polizeidirektion);
    // The account id stays in the database; the name only for staff.
    const { benutzerId: _konto, ...eintrag } = bericht;
    const antwort: BerichtPruefung = {
      ...eintrag,
      erstelltVon: scope.kind === 'public' ? null : bericht.erstelltVon,
      korrekturen: spaeter.filter((e) => imGebiet(e.ags) && aendertBerichtBis(e, bericht.stand)),
      weitere: spaeter.length === KORREKTUREN_GELESEN,
    };
    res.json(antwort);
  });

  return router;
}
