import { codesOf } from './codes.ts';
import { PROGRAMME_START } from './dates.ts';
import type { KpiPoint } from './api.ts';

/** The scenes of a Fachtag presentation, in the order the presenter steps through them. */

export const SZENEN_TITEL = {
  karte: 'Sachsen füllt sich',
  wachstum: 'Die Geschichte des Wachstums',
  'kpr-foerderung': 'Präventionsräte und Förderung',
  polizeidirektionen: 'Nach Polizeidirektion',
};
export type Szene = keyof typeof SZENEN_TITEL;
export const SZENEN = codesOf(SZENEN_TITEL);

/**
 * Where the presentation stands: its scene and, while the growth story plays, the date shown.
 * Every screen of the audience follows it. `version` grows with every change, so a screen can
 * drop a state older than the one it shows.
 */
export interface PraesentationStand {
  szene: Szene;
  /** The date the scene shows; null means today. */
  stand: string | null;
  version: number;
  geaendertAm: string;
}

/** A revocable link that lets a screen (a kiosk at the venue) present without an account. */
export interface KioskLink {
  id: number;
  name: string;
  /** Beyond the public scope: funding figures also of fewer than 3 applications (shown on this screen only). */
  zeigtKleineFoerderzahlen: boolean;
  erstelltAm: string;
  erstelltVon: string | null;
  widerrufenAm: string | null;
}

/** A named point of the growth story the playback stops at. */
export interface Kapitel {
  datum: string;
  titel: string;
  art: 'start' | 'fachtag' | 'mitglieder';
}

/** The public ASSKomm-Fachtage (docs/domain.md). */
export const FACHTAGE = ['2021-09-23', '2023-09-14', '2025-09-11'] as const;
/** Member counts the story marks when the alliance first reached them. */
const MITGLIEDER_MARKEN = [10, 25, 30, 50, 75, 100];

/**
 * The chapters of the growth story up to `heute`, in date order: the launch, each Fachtag, and
 * the month-end at which the alliance first had 10, 25, 30, 50 … members (from the KPI history).
 */
export function kapitel(verlauf: KpiPoint[], heute: string): Kapitel[] {
  const chapters: Kapitel[] = [{ datum: PROGRAMME_START, titel: 'Start der Allianz in Chemnitz', art: 'start' }];
  for (const datum of FACHTAGE) if (datum <= heute) chapters.push({ datum, titel: 'ASSKomm-Fachtag', art: 'fachtag' });
  for (const marke of MITGLIEDER_MARKEN) {
    const erreicht = verlauf.find((point) => point.mitglieder >= marke && point.stand <= heute);
    if (erreicht) chapters.push({ datum: erreicht.stand, titel: `${marke}. Mitglied`, art: 'mitglieder' });
  }
  return chapters.sort((a, b) => a.datum.localeCompare(b.datum));
}
