import type { Role, Scope } from './access.ts';
import type { KommuneArt, PolizeidirektionId } from './kommune.ts';
import type { KpiCounts } from './kpi.ts';
import type { Status } from './status.ts';

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
export interface FoerderungKpi {
  haushaltsjahr: number;
  budgetCent: number;
  beantragtCent: number;
  bewilligtCent: number;
  ausgezahltCent: number;
  zurueckgefordertCent: number;
}

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

/** A user account as the admin pages see it. Never carries the password hash. */
export interface UserInfo {
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
  user: Pick<UserInfo, 'id' | 'email' | 'name' | 'role' | 'polizeidirektion'>;
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

export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'session_expired',
  'user_created',
  'user_updated',
  'password_reset',
  'view_as_started',
  'view_as_ended',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_LABELS: Record<AuditAction, string> = {
  login: 'Anmeldung',
  login_failed: 'Fehlgeschlagene Anmeldung',
  logout: 'Abmeldung',
  session_expired: 'Sitzung abgelaufen',
  user_created: 'Benutzer angelegt',
  user_updated: 'Benutzer geändert',
  password_reset: 'Passwort zurückgesetzt',
  view_as_started: 'Ansicht als andere Rolle begonnen',
  view_as_ended: 'Ansicht als andere Rolle beendet',
};
