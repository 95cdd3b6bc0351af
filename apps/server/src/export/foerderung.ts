import {
  FOERDERSTATUS_LABELS,
  FOERDERZWECK_LABELS,
  HANDLUNGSFELD_LABELS,
  VERBORGEN_TEXT,
  type FoerderantragRecord,
  type FoerderJahr,
  type FoerderSumme,
  type FoerderungUebersicht,
  type FoerderungTabelle,
} from '@asskomm/domain';
import { kreisName, polizeidirektionKurz } from '@asskomm/geo';
import { ohneZeilentyp, type Spalte, type Tabelle } from './tabelle.ts';

/** What every funding table's Angaben say besides Stand, area and who (angaben.ts). */
type Kopf = Pick<Tabelle<unknown>, 'stand' | 'angaben'>;

const SUMME_SPALTEN: Spalte<FoerderSumme>[] = [
  { titel: 'Anträge', art: 'zahl', wert: (z) => z.anzahl },
  { titel: 'beantragt', art: 'euro', wert: (z) => z.beantragtCent, breite: 16 },
  { titel: 'bewilligt', art: 'euro', wert: (z) => z.bewilligtCent, breite: 16 },
  { titel: 'ausgezahlt', art: 'euro', wert: (z) => z.ausgezahltCent, breite: 16 },
];

/** Funds per Haushaltsjahr; a year hidden from the public has empty amounts and says why. */
function jahre(jahre: readonly FoerderJahr[]): Pick<Tabelle<FoerderJahr>, 'spalten' | 'zeilen'> {
  return {
    zeilen: jahre,
    spalten: [
      { titel: 'Haushaltsjahr', art: 'zahl', wert: (j) => j.haushaltsjahr },
      { titel: 'Budget', art: 'euro', wert: (j) => j.budgetCent, breite: 16 },
      { titel: 'Anträge', art: 'zahl', wert: (j) => j.anzahl },
      { titel: 'beantragt', art: 'euro', wert: (j) => j.beantragtCent, breite: 16 },
      { titel: 'bewilligt', art: 'euro', wert: (j) => j.bewilligtCent, breite: 16 },
      { titel: 'ausgezahlt', art: 'euro', wert: (j) => j.ausgezahltCent, breite: 16 },
      { titel: 'zurückgefordert', art: 'euro', wert: (j) => j.zurueckgefordertCent, breite: 16 },
      { titel: 'Ausschöpfung in %', art: 'anteil', wert: (j) => j.ausschoepfung },
      { titel: 'Hinweis', art: 'text', wert: (j) => (j.verborgen ? VERBORGEN_TEXT : null), breite: 32 },
    ],
  };
}

/** A breakdown of the Haushaltsjahr: its label column, then the sums. */
function aufteilung<Z extends FoerderSumme>(
  titel: string,
  zeilen: readonly Z[],
  name: (z: Z) => string,
): Pick<Tabelle<Z>, 'spalten' | 'zeilen'> {
  return { zeilen, spalten: [{ titel, art: 'text', wert: name, breite: 34 }, ...SUMME_SPALTEN] };
}

/** The funding view's tables (`GET /api/foerderung?tabelle=…&format=…`), as the page shows them. */
export function foerderTabelle(
  uebersicht: FoerderungUebersicht,
  welche: FoerderungTabelle,
  kopf: Kopf,
): Tabelle<unknown> {
  const jahr = uebersicht.haushaltsjahr;
  switch (welche) {
    case 'jahre':
      return ohneZeilentyp({ name: 'Foerderung_Haushaltsjahre', ...kopf, ...jahre(uebersicht.jahre) });
    case 'handlungsfeld':
      return ohneZeilentyp({
        name: `Foerderung_${jahr}_Handlungsfelder`,
        ...kopf,
        ...aufteilung('Handlungsfeld', uebersicht.nachHandlungsfeld, (z) => HANDLUNGSFELD_LABELS[z.handlungsfeld]),
      });
    case 'zweck':
      return ohneZeilentyp({
        name: `Foerderung_${jahr}_Zwecke`,
        ...kopf,
        ...aufteilung('Zweck', uebersicht.nachZweck, (z) => FOERDERZWECK_LABELS[z.zweck]),
      });
    case 'polizeidirektion':
      return ohneZeilentyp({
        name: `Foerderung_${jahr}_Polizeidirektionen`,
        ...kopf,
        ...aufteilung('Polizeidirektion', uebersicht.nachPolizeidirektion, (z) =>
          polizeidirektionKurz(z.polizeidirektion),
        ),
      });
    case 'kreis':
      return ohneZeilentyp({
        name: `Foerderung_${jahr}_Kreise`,
        ...kopf,
        ...aufteilung('Kreis', uebersicht.nachKreis, (z) => z.name),
      });
  }
}

/** The applications list (signed-in users of the scope), one row per application. */
export function antraegeTabelle(zeilen: readonly FoerderantragRecord[], kopf: Kopf): Tabelle<FoerderantragRecord> {
  return {
    name: 'Foerderantraege',
    ...kopf,
    zeilen,
    spalten: [
      { titel: 'Nr.', art: 'zahl', wert: (a) => a.id },
      { titel: 'Haushaltsjahr', art: 'zahl', wert: (a) => a.haushaltsjahr },
      { titel: 'Gemeindeschlüssel', art: 'text', wert: (a) => a.ags, breite: 18 },
      { titel: 'Kommune', art: 'text', wert: (a) => a.kommuneName, breite: 28 },
      { titel: 'Kreis', art: 'text', wert: (a) => kreisName(a.kreis), breite: 24 },
      { titel: 'Polizeidirektion', art: 'text', wert: (a) => polizeidirektionKurz(a.polizeidirektion), breite: 18 },
      { titel: 'Zweck', art: 'text', wert: (a) => FOERDERZWECK_LABELS[a.zweck], breite: 22 },
      {
        titel: 'Handlungsfelder',
        art: 'text',
        wert: (a) => a.handlungsfelder.map((h) => HANDLUNGSFELD_LABELS[h]).join(', '),
        breite: 40,
      },
      { titel: 'Status', art: 'text', wert: (a) => (a.status ? FOERDERSTATUS_LABELS[a.status] : null), breite: 22 },
      { titel: 'eingereicht am', art: 'datum', wert: (a) => a.eingereichtAm },
      { titel: 'beantragt', art: 'euro', wert: (a) => a.beantragtCent, breite: 16 },
      { titel: 'förderfähig', art: 'euro', wert: (a) => a.foerderfaehigCent, breite: 16 },
      { titel: 'entschieden am', art: 'datum', wert: (a) => a.entscheidung?.datum ?? null },
      { titel: 'bewilligt', art: 'euro', wert: (a) => a.bewilligtCent, breite: 16 },
      {
        titel: 'ausgezahlt',
        art: 'euro',
        wert: (a) => a.auszahlungen.reduce((s, z) => s + z.betragCent, 0),
        breite: 16,
      },
      { titel: 'zurückgefordert', art: 'euro', wert: (a) => a.zurueckgefordertCent, breite: 16 },
      { titel: 'Notiz', art: 'text', wert: (a) => a.notiz, breite: 40 },
      { titel: 'Demodaten', art: 'janein', wert: (a) => a.synthetisch },
    ],
  };
}
