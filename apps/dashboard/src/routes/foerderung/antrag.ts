import type { FoerderantragRecord } from '@asskomm/domain';
import type { Formular } from '$lib/ui/Formular.svelte';
import { parseEuro } from '$lib/ui/format';

const BETRAG_FEHLER = 'Bitte einen Betrag in Euro eingeben, z. B. 12.345,67.';

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

/**
 * The amounts typed into a form's fields (€ text, by the API's field name) in cents; null when one
 * is no amount, after putting the message next to each such field: nothing is sent then.
 */
export function betraege<F extends string, K extends F>(
  formular: Formular<F>,
  texte: Record<K, string>,
): Record<K, number> | null {
  const cent = Object.entries<string>(texte).map(([field, text]) => [field, parseEuro(text)] as const);
  const falsch = cent.filter(([, wert]) => wert === null);
  if (falsch.length === 0) return Object.fromEntries(cent) as Record<K, number>;
  formular.reset();
  formular.fehler = Object.fromEntries(falsch.map(([field]) => [field, BETRAG_FEHLER])) as Partial<
    Record<F | K, string>
  >;
  return null;
}
