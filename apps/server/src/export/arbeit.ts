import {
  ANSPRECHPARTNER_ROLLEN_LABELS,
  MEILENSTEIN_LABELS,
  RECHTSGRUNDLAGE_LABELS,
  type Ansprechpartner,
  type OeffentlicherAnsprechpartner,
  type Stockung,
  type StocktZeile,
  type WiedervorlageZeile,
} from '@asskomm/domain';
import type { Tabelle } from './tabelle.ts';

type Kopf = Pick<Tabelle<unknown>, 'stand' | 'angaben'>;

/** A Kommune's contacts (`GET /api/kommunen/:ags/ansprechpartner?format=…`) as the caller sees them. */
export function ansprechpartnerTabelle(
  ags: string,
  zeilen: readonly (Ansprechpartner | OeffentlicherAnsprechpartner)[],
  kopf: Kopf,
): Tabelle<Ansprechpartner | OeffentlicherAnsprechpartner> {
  return {
    name: `Ansprechpartner_${ags}`,
    ...kopf,
    zeilen,
    spalten: [
      { titel: 'Rolle', art: 'text', wert: (a) => ANSPRECHPARTNER_ROLLEN_LABELS[a.rolle], breite: 26 },
      { titel: 'Name', art: 'text', wert: (a) => a.name, breite: 24 },
      { titel: 'Organisation', art: 'text', wert: (a) => a.organisation, breite: 28 },
      { titel: 'Telefon', art: 'text', wert: (a) => a.telefon, breite: 18 },
      { titel: 'E-Mail', art: 'text', wert: (a) => a.email, breite: 32 },
      { titel: 'seit', art: 'datum', wert: (a) => a.seit },
      { titel: 'bis', art: 'datum', wert: (a) => a.bis },
      { titel: 'öffentlich', art: 'janein', wert: (a) => a.oeffentlich },
      { titel: 'Rechtsgrundlage', art: 'text', wert: (a) => RECHTSGRUNDLAGE_LABELS[a.rechtsgrundlage], breite: 40 },
      { titel: 'Einwilligung am', art: 'datum', wert: (a) => a.einwilligungAm },
      { titel: 'Notiz', art: 'text', wert: (a) => a.notiz, breite: 40 },
      { titel: 'Demodaten', art: 'janein', wert: (a) => a.synthetisch },
    ],
  };
}

/** Next steps (`GET /api/wiedervorlagen?format=…`), in the list's order. */
export function wiedervorlagenTabelle(zeilen: readonly WiedervorlageZeile[], kopf: Kopf): Tabelle<WiedervorlageZeile> {
  return {
    name: 'Wiedervorlagen',
    ...kopf,
    zeilen,
    spalten: [
      { titel: 'fällig am', art: 'datum', wert: (w) => w.faelligAm },
      { titel: 'Kommune', art: 'text', wert: (w) => w.kommuneName, breite: 28 },
      { titel: 'AGS', art: 'text', wert: (w) => w.ags },
      { titel: 'Was', art: 'text', wert: (w) => w.was, breite: 50 },
      { titel: 'Zuständig', art: 'text', wert: (w) => w.zustaendig?.name ?? null, breite: 24 },
      {
        titel: 'Meilenstein',
        art: 'text',
        wert: (w) => (w.meilensteinKind ? MEILENSTEIN_LABELS[w.meilensteinKind] : null),
        breite: 30,
      },
      { titel: 'erledigt am', art: 'datum', wert: (w) => w.erledigtAm },
      { titel: 'erledigt von', art: 'text', wert: (w) => w.erledigtVon, breite: 22 },
      { titel: 'Demodaten', art: 'janein', wert: (w) => w.synthetisch },
    ],
  };
}

/** „Stockt“ (`GET /api/stockt?format=…`): one row per reason, longest stalled first. */
export function stocktTabelle(zeilen: readonly StocktZeile[], kopf: Kopf): Tabelle<StocktZeile & { grund: Stockung }> {
  return {
    name: 'Stockt',
    ...kopf,
    zeilen: zeilen.flatMap((z) => z.gruende.map((grund) => ({ ...z, grund }))),
    spalten: [
      { titel: 'Kommune', art: 'text', wert: (z) => z.name, breite: 28 },
      { titel: 'AGS', art: 'text', wert: (z) => z.ags },
      { titel: 'Grund', art: 'text', wert: (z) => z.grund.text, breite: 60 },
      { titel: 'stockt seit', art: 'datum', wert: (z) => z.grund.seit },
      { titel: 'offene Wiedervorlagen', art: 'zahl', wert: (z) => z.offeneWiedervorlagen },
    ],
  };
}
