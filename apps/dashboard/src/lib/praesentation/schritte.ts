import { SZENEN, type Kapitel, type Szene } from '@asskomm/domain';

/** One step of the talk: a scene and the day it shows (null: today). */
export interface Schritt {
  szene: Szene;
  stand: string | null;
}

/**
 * Every step of the talk in order: each scene once, except the growth story, which stops at each
 * of its chapters before today.
 */
export function alleSchritte(kapitel: readonly Kapitel[], heute: string): Schritt[] {
  return SZENEN.flatMap((szene): Schritt[] =>
    szene === 'wachstum'
      ? [
          ...[...new Set(kapitel.map((k) => k.datum).filter((d) => d < heute))].map((stand) => ({ szene, stand })),
          { szene, stand: null },
        ]
      : [{ szene, stand: null }],
  );
}

/**
 * The step after (`richtung` 1) or before (-1) `jetzt`; past the end the talk starts again from
 * the beginning (auto-advance), before the beginning it stays. A state between two chapters counts
 * as the chapter before it.
 */
export function naechsterSchritt(alle: readonly Schritt[], jetzt: Schritt, richtung: 1 | -1): Schritt | undefined {
  const index = alle.findLastIndex(
    (s) =>
      s.szene === jetzt.szene &&
      (s.stand === jetzt.stand || (s.stand !== null && jetzt.stand !== null && s.stand <= jetzt.stand)),
  );
  const von = index === -1 ? alle.findIndex((s) => s.szene === jetzt.szene) : index;
  if (richtung === 1) return alle[(von + 1) % alle.length];
  return von > 0 ? alle[von - 1] : undefined;
}
