import type { Principal } from './access.ts';

/**
 * The roles a contact person holds for a Kommune: on the Kommune's side, at the police, and the
 * LPR's own people (the fixed Ansprechpartner and the coach, who are users of this product).
 */
export const ANSPRECHPARTNER_ROLLEN = [
  'buergermeister',
  'koordinierungsstelle',
  'kpr_vorsitz',
  'kpr_geschaeftsfuehrung',
  'ordnungsamt',
  'polizeirevier',
  'buergerpolizist',
  'lpr_ansprechpartner',
  'asskomm_coach',
] as const;
export type AnsprechpartnerRolle = (typeof ANSPRECHPARTNER_ROLLEN)[number];

export const ANSPRECHPARTNER_ROLLEN_LABELS: Record<AnsprechpartnerRolle, string> = {
  buergermeister: 'Bürgermeister/in',
  koordinierungsstelle: 'Koordinierungsstelle',
  kpr_vorsitz: 'KPR-Vorsitz',
  kpr_geschaeftsfuehrung: 'KPR-Geschäftsführung',
  ordnungsamt: 'Ordnungsamt',
  polizeirevier: 'Polizeirevier',
  buergerpolizist: 'Bürgerpolizist/in',
  lpr_ansprechpartner: 'Fester Ansprechpartner (LPR)',
  asskomm_coach: 'ASSKomm-Coach',
};

/** The police's own contacts: what a Polizeidirektion keeps for the Kommunen of its area. */
export const POLIZEI_ROLLEN: readonly AnsprechpartnerRolle[] = ['polizeirevier', 'buergerpolizist'];
/** Roles held by LPR staff: the person is chosen from the users, name and e-mail come from the account. */
export const LPR_ROLLEN: readonly AnsprechpartnerRolle[] = ['lpr_ansprechpartner', 'asskomm_coach'];

/** Why the product may keep a person's contact data (Art. 6 Abs. 1 DSGVO). */
export const RECHTSGRUNDLAGEN = ['oeffentliche_aufgabe', 'einwilligung'] as const;
export type Rechtsgrundlage = (typeof RECHTSGRUNDLAGEN)[number];
export const RECHTSGRUNDLAGE_LABELS: Record<Rechtsgrundlage, string> = {
  oeffentliche_aufgabe: 'Dienstliche Kontaktdaten, öffentliche Aufgabe (Art. 6 Abs. 1 lit. e DSGVO)',
  einwilligung: 'Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)',
};

/** A contact person of a Kommune, as staff see it. */
export interface Ansprechpartner {
  id: number;
  ags: string;
  rolle: AnsprechpartnerRolle;
  name: string;
  organisation: string | null;
  telefon: string | null;
  email: string | null;
  notiz: string | null;
  /** In the role since / until (until: no longer the contact; the entry stays for the history). */
  seit: string | null;
  bis: string | null;
  /** Shown to the public (as on the LPR's own map); only with recorded consent. */
  oeffentlich: boolean;
  rechtsgrundlage: Rechtsgrundlage;
  /** The day the person consented (required for `einwilligung`, hence for a public contact). */
  einwilligungAm: string | null;
  /** The user behind an LPR role. */
  benutzerId: number | null;
  synthetisch: boolean;
  version: number;
  geaendertVon: string | null;
  geaendertAm: string;
}

/** What stays of an erased contact, in its event and in the history: that it existed, in which role. */
export interface GeloeschterAnsprechpartner {
  id: number;
  rolle: AnsprechpartnerRolle;
}

/** The text that replaces an erased person's name wherever it was recorded. */
export const GELOESCHT = 'gelöscht';

/**
 * An earlier state of an erased contact as the history keeps it: role, dates and flags, no name,
 * phone, e-mail, organisation or note — the one rule for event payloads and stored answers alike.
 */
export function ohnePerson(a: Ansprechpartner): Ansprechpartner {
  return { ...a, name: GELOESCHT, organisation: null, telefon: null, email: null, notiz: null };
}

/** What the public sees of a public contact: the person and how to reach them, no internal notes. */
export type OeffentlicherAnsprechpartner = Omit<
  Ansprechpartner,
  'notiz' | 'version' | 'geaendertVon' | 'benutzerId'
> & {
  notiz: null;
  version: null;
  geaendertVon: null;
  benutzerId: null;
};

/** The contact as the public may see it, or null when it is not public. The one rule for every channel. */
export function oeffentlicherAnsprechpartner(a: Ansprechpartner): OeffentlicherAnsprechpartner | null {
  if (!a.oeffentlich) return null;
  return { ...a, notiz: null, version: null, geaendertVon: null, benutzerId: null };
}

/**
 * May add and edit a contact of this role: LPR staff every contact, a Polizeidirektion the police
 * contacts (of its own area: the command's scope lock sees to that). Read-only views never.
 */
export function canPflegeAnsprechpartner(principal: Principal, rolle: AnsprechpartnerRolle): boolean {
  if (principal.readOnly || principal.benutzerId === null) return false;
  if (principal.role === 'admin' || principal.role === 'lpr') return true;
  return principal.role === 'polizei' && POLIZEI_ROLLEN.includes(rolle);
}

/** The German answer (403) for a role the caller may not keep. */
export const ANSPRECHPARTNER_VERBOTEN = 'Ihre Rolle darf nur die Ansprechpartner der Polizei pflegen.';

/** A contact still in its role on `stand` (no „bis“, or one not yet passed). */
export function istAktuell(a: Pick<Ansprechpartner, 'bis'>, stand: string): boolean {
  return a.bis === null || a.bis >= stand;
}

/**
 * A phone number as Germans write it: digits, spaces and the usual separators („/“, „-“, brackets
 * around the area code), optionally a leading +; 6 to 15 digits (E.164 allows at most 15).
 */
export function istTelefonnummer(value: string): boolean {
  const ziffern = value.replace(/\D/g, '').length;
  return /^\+?[0-9 ()/-]*[0-9]$/.test(value) && ziffern >= 6 && ziffern <= 15;
}

/** The contact as a vCard 4.0 (RFC 6350), for the address book. */
export function alsVCard(a: Ansprechpartner | OeffentlicherAnsprechpartner, kommuneName: string): string {
  const escape = (v: string) => v.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
  const teile = a.name.trim().split(/\s+/);
  const familienname = teile.length > 1 ? teile.at(-1)! : a.name;
  const vornamen = teile.slice(0, -1).join(' ');
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `FN:${escape(a.name)}`,
    `N:${escape(familienname)};${escape(vornamen)};;;`,
    `ORG:${escape(a.organisation ?? kommuneName)}`,
    `TITLE:${escape(`${ANSPRECHPARTNER_ROLLEN_LABELS[a.rolle]} – ${kommuneName}`)}`,
    ...(a.telefon ? [`TEL;TYPE=work,voice;VALUE=uri:tel:${a.telefon.replace(/[^+0-9]/g, '')}`] : []),
    ...(a.email ? [`EMAIL;TYPE=work:${escape(a.email)}`] : []),
    'END:VCARD',
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** A refusal of a rule (422): the field it concerns and the German reason. */
export interface Regelverstoss {
  field: string;
  message: string;
}

const EMAIL_MUSTER = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** The contact's values as a whole, after a change: the first rule it breaks, or null. */
export function ansprechpartnerVerstoss(
  a: Pick<
    Ansprechpartner,
    | 'rolle'
    | 'name'
    | 'telefon'
    | 'email'
    | 'seit'
    | 'bis'
    | 'oeffentlich'
    | 'rechtsgrundlage'
    | 'einwilligungAm'
    | 'benutzerId'
  >,
  heute: string,
): Regelverstoss | null {
  const lpr = LPR_ROLLEN.includes(a.rolle);
  if (lpr && a.benutzerId === null) {
    return { field: 'benutzerId', message: 'Bitte die Person aus den Benutzerkonten des LPR wählen.' };
  }
  if (!lpr && a.benutzerId !== null) {
    return { field: 'benutzerId', message: 'Ein Benutzerkonto gehört nur zu den Rollen des LPR.' };
  }
  if (a.name.trim().length < 2) return { field: 'name', message: 'Bitte den Namen angeben (mindestens 2 Zeichen).' };
  if (a.telefon !== null && !istTelefonnummer(a.telefon)) {
    return { field: 'telefon', message: 'ist keine gültige Telefonnummer (z. B. 0351 123456 oder +49 351 123456).' };
  }
  if (a.email !== null && !EMAIL_MUSTER.test(a.email)) {
    return { field: 'email', message: 'ist keine gültige E-Mail-Adresse.' };
  }
  if (a.seit !== null && a.seit > heute) return { field: 'seit', message: 'darf nicht in der Zukunft liegen.' };
  if (a.seit !== null && a.bis !== null && a.bis < a.seit) {
    return { field: 'bis', message: 'darf nicht vor „seit“ liegen.' };
  }
  if (a.rechtsgrundlage === 'einwilligung' && a.einwilligungAm === null) {
    return { field: 'einwilligungAm', message: 'Bitte das Datum der Einwilligung angeben.' };
  }
  if (a.einwilligungAm !== null && a.einwilligungAm > heute) {
    return { field: 'einwilligungAm', message: 'darf nicht in der Zukunft liegen.' };
  }
  if (a.oeffentlich && a.rechtsgrundlage !== 'einwilligung') {
    return { field: 'oeffentlich', message: 'Öffentlich nur mit erfasster Einwilligung der Person.' };
  }
  return null;
}
