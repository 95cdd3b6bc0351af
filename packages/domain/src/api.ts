import { codesOf } from './codes.ts';
import type { DomainEvent } from './events.ts';
import type { Benachrichtigung } from './protocol.ts';
import type { Role, Scope } from './access.ts';
import type { Ansprechpartner } from './ansprechpartner.ts';
import type { FoerderantragFacts, Foerderstatus, Foerderzweck, Handlungsfeld } from './foerderung.ts';
import type { KommuneArt, PolizeidirektionId } from './kommune.ts';
import type { MeilensteinKind } from './meilensteine.ts';
import type { KpiCounts } from './kpi.ts';
import type { OeffentlicheStaende, Verdeckbar } from './public-figures.ts';
import type { Status, StatusFacts } from './status.ts';
import type { Wiedervorlage } from './wiedervorlagen.ts';

/** One Kommune on the map and in lists, as of a day (`GET /api/kommunen`). */
export interface KommuneSummary {
  ags: string;
  name: string;
  art: KommuneArt;
  /** 5-digit AGS of the Kreis (a Kreis is its own Kreis). */
  kreis: string;
  polizeidirektion: PolizeidirektionId;
  status: Status;
  kpr: boolean;
  modellkommune: boolean;
  /** True when any milestone shown for it is synthetic demo data. */
  demodaten: boolean;
}

/** Funds of one Haushaltsjahr as of a day, in integer euro cents. */
export interface FoerderungKpiZahlen {
  haushaltsjahr: number;
  budgetCent: number;
  beantragtCent: number;
  bewilligtCent: number;
  ausgezahltCent: number;
  zurueckgefordertCent: number;
  /**
   * For the public: the quarter end each figure is as of (public-figures.ts), while `stand` is the
   * day asked for; null when every figure is as of `stand` (signed-in users) or hidden.
   */
  oeffentlichAm: OeffentlicheStaende | null;
}
export const FOERDER_KPI_BETRAEGE = [
  'beantragtCent',
  'bewilligtCent',
  'ausgezahltCent',
  'zurueckgefordertCent',
] as const satisfies (keyof FoerderungKpiZahlen)[];
/** The public gets no funding of a Polizeidirektion or Kreis (public-figures.ts); the budget stays. */
export type FoerderungKpi = Verdeckbar<FoerderungKpiZahlen, (typeof FOERDER_KPI_BETRAEGE)[number]>;

/** `GET /api/kpi`: the headline figures for the Land, a Polizeidirektion or a Kreis. */
export interface KpiSnapshot extends KpiCounts {
  stand: string;
  polizeidirektion: PolizeidirektionId | null;
  kreis: string | null;
  /** Gemeinden in the area on that day, the denominator of coverage. */
  gemeinden: number;
  foerderung: FoerderungKpi;
  /** True when synthetic demo records contribute to these figures. */
  demodaten: boolean;
}

/** One point of the growth chart (`GET /api/kpi/verlauf`). */
export interface KpiPoint extends KpiCounts {
  stand: string;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: 'pglite' | 'postgres';
  version: string;
  uptimeSeconds: number;
}

/** Body of every 4xx/5xx answer of the API. */
export interface ApiError {
  error: string;
  /** The query parameter or field the message is about, when there is one. */
  field?: string;
}

/**
 * The one 409 answer of every command: the version the user saw is stale. `aktuell` is the record
 * as it is now (the Kommune's detail, or the application), `letzteAenderung` the last change and who made it.
 */
export interface VersionConflict extends ApiError {
  field: 'version';
  aktuell: KommuneDetail | FoerderantragRecord | Ansprechpartner | Wiedervorlage | null;
  letzteAenderung: DomainEvent | null;
}

/** A user account as the admin pages see it. Never carries the password hash. */
export interface BenutzerInfo {
  id: number;
  email: string;
  name: string;
  role: Role;
  polizeidirektion: PolizeidirektionId | null;
  active: boolean;
  demo: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

/** `GET /api/auth/me`: who is signed in and what they may see. */
export interface Me {
  benutzer: Pick<BenutzerInfo, 'id' | 'email' | 'name' | 'role' | 'polizeidirektion'>;
  scope: Scope;
  /** Set while an admin looks at the dashboard as another role; everything is read-only then. */
  ansicht: { role: Role | 'public'; polizeidirektion: PolizeidirektionId | null } | null;
  readOnly: boolean;
  canEdit: boolean;
  canAdminister: boolean;
}

/** One line of the audit log (`GET /api/audit`). */
export interface AuditEntry {
  id: number;
  at: string;
  action: AuditAction;
  actor: { id: number; name: string } | null;
  target: { id: number; email: string } | null;
  details: Record<string, unknown>;
  ip: string | null;
}

/** What the audit log records, with the label the log page shows. */
export const AUDIT_LABELS = {
  login: 'Anmeldung',
  login_failed: 'Fehlgeschlagene Anmeldung',
  login_pending: 'Anmeldung wird geprüft',
  logout: 'Abmeldung',
  session_expired: 'Sitzung abgelaufen',
  benutzer_created: 'Benutzer angelegt',
  benutzer_updated: 'Benutzer geändert',
  password_reset: 'Passwort zurückgesetzt',
  view_as_started: 'Ansicht als andere Rolle begonnen',
  view_as_ended: 'Ansicht als andere Rolle beendet',
  demo_reset: 'Demodaten zurückgesetzt',
};
export type AuditAction = keyof typeof AUDIT_LABELS;
export const AUDIT_ACTIONS = codesOf(AUDIT_LABELS);

/** A milestone as recorded, with its history fields. Notes, sources and names are not public. */
export interface MeilensteinRecord {
  id: number;
  ags: string;
  kind: MeilensteinKind;
  date: string;
  notiz: string | null;
  quelle: string | null;
  unterzeichnungId: number | null;
  synthetisch: boolean;
  erfasstAm: string;
  erfasstVon: string | null;
  zurueckgezogen: { am: string; von: string | null; grund: string } | null;
}

/** A funding application with its payouts and its status on the day asked. */
export interface FoerderantragRecord extends FoerderantragFacts {
  id: number;
  ags: string;
  kommuneName: string;
  polizeidirektion: PolizeidirektionId;
  /** 5-digit AGS of the Kommune's Kreis. */
  kreis: string;
  zweck: Foerderzweck;
  handlungsfelder: Handlungsfeld[];
  notiz: string | null;
  status: Foerderstatus | null;
  synthetisch: boolean;
  version: number;
}

/**
 * A signing of a Kooperationsvereinbarung as recorded: who signed, and the Kommunen that signed it
 * together (those the asker may see).
 */
export interface Unterzeichnung {
  id: number;
  datum: string;
  unterzeichner: string[];
  kommunen: { ags: string; name: string }[];
}

/** `GET /api/kommunen/:ags`: a Kommune with its status, history and (for signed-in users) funding. */
export interface KommuneDetail extends KommuneSummary {
  /** The signings its milestones point to (`unterzeichnungId`). */
  unterzeichnungen: Unterzeichnung[];
  flags: Pick<StatusFacts, 'coaching' | 'sicherheitsanalyse' | 'koordinierungsstelle'>;
  gueltigAb: string | null;
  vorgaenger: { ags: string; name: string; gueltigBis: string }[];
  version: number;
  /** Public visitors get the milestones without notes, sources and names. */
  meilensteine: MeilensteinRecord[];
  /** Empty for the public: no per-application funding in public views. */
  foerderantraege: FoerderantragRecord[];
}

/**
 * What the public gets of a Kommune: no version, since it counts every change, the hidden ones
 * (funding) too, and so would tie them to the Kommune; no applications.
 */
export type OeffentlicheKommuneDetail = Omit<KommuneDetail, 'version' | 'foerderantraege'> & {
  version: null;
  foerderantraege: [];
};

/** Funds of one Haushaltsjahr and area on a day, in cents. */
export interface FoerderJahrZahlen extends FoerderungKpiZahlen {
  /** Applications counted (submitted by the day). */
  anzahl: number;
  /** bewilligt / budget; above 1 means over-commitment. */
  ausschoepfung: number;
}

/** The public gets no funding of a Polizeidirektion or Kreis (public-figures.ts); the budget stays. */
export type FoerderJahr = Verdeckbar<FoerderJahrZahlen, FoerderJahrBetrag>;
export const FOERDER_JAHR_BETRAEGE = [
  ...FOERDER_KPI_BETRAEGE,
  'anzahl',
  'ausschoepfung',
] as const satisfies (keyof FoerderJahrZahlen)[];
export type FoerderJahrBetrag = (typeof FOERDER_JAHR_BETRAEGE)[number];

/**
 * `GET /api/foerderung`: funds per year, and for one year by Handlungsfeld, purpose and area; the
 * breakdowns are empty for the public (public-figures.ts).
 */
export interface FoerderungUebersicht {
  stand: string;
  haushaltsjahr: number;
  jahre: FoerderJahr[];
  /** Applications may name several Handlungsfelder; each counts fully for each it names. */
  nachHandlungsfeld: ({ handlungsfeld: Handlungsfeld } & FoerderSumme)[];
  nachZweck: ({ zweck: Foerderzweck } & FoerderSumme)[];
  nachPolizeidirektion: ({ polizeidirektion: PolizeidirektionId } & FoerderSumme)[];
  nachKreis: ({ kreis: string; name: string } & FoerderSumme)[];
}

export interface FoerderSumme {
  anzahl: number;
  beantragtCent: number;
  bewilligtCent: number;
  ausgezahltCent: number;
}

/** A comment in a Kommune's thread (`GET /api/kommunen/:ags/kommentare`). */
export interface Kommentar {
  id: number;
  ags: string;
  text: string;
  autor: { id: number; name: string } | null;
  at: string;
  /** Users notified by an @mention in the text. */
  erwaehnt: { id: number; name: string }[];
}

/** Someone who may be @mentioned in a Kommune's thread: they can see that Kommune. */
export interface Erwaehnbar {
  id: number;
  name: string;
  /** What follows the @ in a comment. */
  handle: string;
  /** Staff of the LPR (admin, lpr): who may be a Kommune's fixed Ansprechpartner or coach. */
  lpr: boolean;
}

export interface KommentarThread {
  kommentare: Kommentar[];
  erwaehnbar: Erwaehnbar[];
}

/** `GET /api/benachrichtigungen`: the signed-in user's newest notifications. */
export interface BenachrichtigungListe {
  ungelesen: number;
  eintraege: Benachrichtigung[];
}
