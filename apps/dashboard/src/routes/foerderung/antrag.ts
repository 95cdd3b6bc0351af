import type { FoerderantragRecord } from '@asskomm/domain';
import { parseEuro } from '$lib/ui/format';

export const BETRAG_FEHLER = 'Bitte einen Betrag in Euro eingeben, z. B. 12.345,67.';

/** The body of `PUT /api/foerderantraege/:id`: the application as it is, with `changes` on top. */
export function antragBody(antrag: FoerderantragRecord, changes: Partial<FoerderantragRecord>, version: number) {
  const next = { ...antrag, ...changes };
  return {
    haushaltsjahr: next.haushaltsjahr,
    zweck: next.zweck,
    handlungsfelder: next.handlungsfelder,
    eingereichtAm: next.eingereichtAm,
    beantragtCent: next.beantragtCent,
    foerderfaehigCent: next.foerderfaehigCent,
    entscheidung: next.entscheidung,
    bewilligtCent: next.bewilligtCent,
    zurueckgezogenAm: next.zurueckgezogenAm,
    verwendungsnachweisAm: next.verwendungsnachweisAm,
    geprueftAm: next.geprueftAm,
    zurueckgefordertCent: next.zurueckgefordertCent,
    zurueckgefordertAm: next.zurueckgefordertAm,
    notiz: next.notiz,
    version,
  };
}

/** € text → cents, or a message for the field. */
export function betrag(text: string): { cent: number } | { fehler: string } {
  const cent = parseEuro(text);
  return cent === null ? { fehler: BETRAG_FEHLER } : { cent };
}
