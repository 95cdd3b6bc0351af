/**
 * Public funding figures never show an aggregate built from fewer applications than this: with one
 * or two, the sum is (nearly) a single Kommune's grant.
 */
export const MINDESTANZAHL_OEFFENTLICH = 3;

/** What a public view shows instead of the amounts of such an aggregate. */
export const VERBORGEN_TEXT = `weniger als ${MINDESTANZAHL_OEFFENTLICH} Anträge – nicht öffentlich`;

/** An aggregate with amount fields `K`: either all shown, or all null and `verborgen`. */
export type Verdeckbar<T, K extends keyof T> =
  (T & { verborgen: false }) | (Omit<T, K> & { [P in K]: null } & { verborgen: true });

/** An aggregate the public may not see; empty ones stay: 0 € says nothing about any Kommune. */
export function zuWenigeAntraege(anzahl: number): boolean {
  return anzahl > 0 && anzahl < MINDESTANZAHL_OEFFENTLICH;
}

/** One cell of a nested breakdown; its `kinder` partition it (their counts add up to its count). */
export interface Zelle {
  schluessel: string;
  anzahl: number;
  kinder: readonly Zelle[];
}

/**
 * The keys of the cells a public view must hide: every small cell, and enough others that no
 * hidden cell is the difference of figures still shown (complementary suppression, top down):
 * in a shown cell a single hidden child takes the smallest other non-empty child with it; in a
 * hidden cell at least one non-empty child is hidden, else the children would add up to it.
 */
export function verborgeneZellen(wurzel: Zelle, wurzelVerborgen = false): Set<string> {
  const verborgen = new Set<string>();
  const besuche = (zelle: Zelle, versteckt: boolean): void => {
    if (versteckt || zuWenigeAntraege(zelle.anzahl)) verborgen.add(zelle.schluessel);
    const belegt = zelle.kinder.filter((kind) => kind.anzahl > 0);
    for (const kind of belegt) if (zuWenigeAntraege(kind.anzahl)) verborgen.add(kind.schluessel);
    const offen = belegt.filter((kind) => !verborgen.has(kind.schluessel)).sort((a, b) => a.anzahl - b.anzahl);
    const schon = belegt.length - offen.length;
    const noetig = verborgen.has(zelle.schluessel) ? 1 : schon > 0 ? 2 : 0;
    for (const kind of offen.slice(0, Math.max(0, noetig - schon))) verborgen.add(kind.schluessel);
    for (const kind of belegt) besuche(kind, verborgen.has(kind.schluessel));
  };
  besuche(wurzel, wurzelVerborgen);
  return verborgen;
}

/**
 * The areas whose funding the public may not see, from the applications counted for one
 * Haushaltsjahr: `land`, Polizeidirektion ids and Kreis AGS. One pattern for the whole Land, so
 * that a filtered view (one Polizeidirektion, one Kreis) cannot reveal what the Land view hides.
 */
export function verborgeneGebiete(antraege: readonly { polizeidirektion: string; kreis: string }[]): Set<string> {
  const zaehle = <T>(liste: readonly T[], nach: (item: T) => string) => {
    const gruppen = new Map<string, T[]>();
    for (const item of liste) gruppen.set(nach(item), [...(gruppen.get(nach(item)) ?? []), item]);
    return [...gruppen];
  };
  return verborgeneZellen({
    schluessel: 'land',
    anzahl: antraege.length,
    kinder: zaehle(antraege, (a) => a.polizeidirektion).map(([pd, inPd]) => ({
      schluessel: pd,
      anzahl: inPd.length,
      kinder: zaehle(inPd, (a) => a.kreis).map(([kreis, inKreis]) => ({
        schluessel: kreis,
        anzahl: inKreis.length,
        kinder: [],
      })),
    })),
  });
}

/**
 * The areas whose funding of Haushaltsjahr `jahr` the public may not see as of `stand`, from all
 * of the Land's applications: every public view of funding hides by this one pattern.
 */
export function verborgeneGebieteAm(
  antraege: readonly { haushaltsjahr: number; eingereichtAm: string; polizeidirektion: string; kreis: string }[],
  jahr: number,
  stand: string,
): Set<string> {
  return verborgeneGebiete(antraege.filter((a) => a.haushaltsjahr === jahr && a.eingereichtAm <= stand));
}

/** A cell as the public gets it: the amounts `betraege` become null when it is hidden. */
export function zeigeOderVerberge<T extends object, K extends keyof T>(
  zelle: T,
  verbergen: boolean,
  betraege: readonly K[],
): Verdeckbar<T, K> {
  if (!verbergen) return { ...zelle, verborgen: false };
  const ohne: Record<string | number | symbol, unknown> = { ...zelle, verborgen: true };
  for (const key of betraege) ohne[key] = null;
  return ohne as Verdeckbar<T, K>;
}
