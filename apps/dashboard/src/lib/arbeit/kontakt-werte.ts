import {
  LPR_ROLLEN,
  type Ansprechpartner,
  type AnsprechpartnerEingabe,
  type AnsprechpartnerRolle,
  type Rechtsgrundlage,
} from '@asskomm/domain';

/** The fields of the contact form, as the API names them (errors land next to them). */
export const KONTAKT_FELDER = [
  'rolle',
  'benutzerId',
  'name',
  'organisation',
  'telefon',
  'email',
  'seit',
  'bis',
  'rechtsgrundlage',
  'einwilligungAm',
  'oeffentlich',
  'notiz',
] as const;
export type KontaktFeld = (typeof KONTAKT_FELDER)[number];

/** The form's values: text as typed, `benutzerId` as the select's value ('' for none). */
export interface KontaktWerte {
  rolle: AnsprechpartnerRolle;
  benutzerId: string;
  name: string;
  organisation: string;
  telefon: string;
  email: string;
  seit: string;
  bis: string;
  rechtsgrundlage: Rechtsgrundlage;
  einwilligungAm: string;
  oeffentlich: boolean;
  notiz: string;
}

export function leereKontaktWerte(rolle: AnsprechpartnerRolle): KontaktWerte {
  return {
    rolle,
    benutzerId: '',
    name: '',
    organisation: '',
    telefon: '',
    email: '',
    seit: '',
    bis: '',
    rechtsgrundlage: 'oeffentliche_aufgabe',
    einwilligungAm: '',
    oeffentlich: false,
    notiz: '',
  };
}

export function kontaktWerteAus(a: Ansprechpartner): KontaktWerte {
  return {
    rolle: a.rolle,
    benutzerId: a.benutzerId === null ? '' : String(a.benutzerId),
    name: a.name,
    organisation: a.organisation ?? '',
    telefon: a.telefon ?? '',
    email: a.email ?? '',
    seit: a.seit ?? '',
    bis: a.bis ?? '',
    rechtsgrundlage: a.rechtsgrundlage,
    einwilligungAm: a.einwilligungAm ?? '',
    oeffentlich: a.oeffentlich,
    notiz: a.notiz ?? '',
  };
}

/** The request body: empty fields are null; an LPR role names its account and no typed name. */
export function kontaktEingabe(w: KontaktWerte): AnsprechpartnerEingabe {
  const text = (v: string) => v.trim() || null;
  const lpr = LPR_ROLLEN.includes(w.rolle);
  return {
    rolle: w.rolle,
    benutzerId: lpr && w.benutzerId ? Number(w.benutzerId) : null,
    name: lpr ? '' : w.name.trim(),
    organisation: text(w.organisation),
    telefon: text(w.telefon),
    email: lpr ? null : text(w.email),
    seit: text(w.seit),
    bis: text(w.bis),
    rechtsgrundlage: w.rechtsgrundlage,
    // Consent and publicity belong to the consent: hidden fields of another choice are not sent.
    einwilligungAm: w.rechtsgrundlage === 'einwilligung' ? text(w.einwilligungAm) : null,
    oeffentlich: w.rechtsgrundlage === 'einwilligung' && w.oeffentlich,
    notiz: text(w.notiz),
  };
}
