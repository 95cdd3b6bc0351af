import { POLIZEIDIREKTION_IDS, type PolizeidirektionId } from './kommune.ts';

/** Roles of signed-in users. Visitors without an account act as `public`. */
export const ROLES = ['admin', 'lpr', 'ministerium', 'polizei'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role | 'public', string> = {
  admin: 'Administration (LPR)',
  lpr: 'LPR / ASSKomm-Team',
  ministerium: 'Ministerium (SMI)',
  polizei: 'Polizeidirektion',
  public: 'Öffentlichkeit',
};

/** What a request may see: the whole Land, one Polizeidirektion's area, or the public aggregate. */
export type Scope =
  { kind: 'land' } | { kind: 'polizeidirektion'; polizeidirektion: PolizeidirektionId } | { kind: 'public' };
/** The scope of a signed-in user: the Land or one Polizeidirektion. */
export type StaffScope = Exclude<Scope, { kind: 'public' }>;

/** Every scope there is: the Land, the public and each Polizeidirektion (hence every room events go to). */
export const ALL_SCOPES: readonly Scope[] = [
  { kind: 'land' },
  { kind: 'public' },
  ...POLIZEIDIREKTION_IDS.map((polizeidirektion): Scope => ({ kind: 'polizeidirektion', polizeidirektion })),
];

/** Who is asking, as far as permissions go. An admin viewing "als" another role is read-only. */
export interface Principal {
  benutzerId: number | null;
  role: Role | 'public';
  polizeidirektion: PolizeidirektionId | null;
  readOnly: boolean;
}

/** Who runs a command: the permissions, and the name the change log records (null for a visitor). */
export interface Actor {
  principal: Principal;
  name: string | null;
}

export const PUBLIC_PRINCIPAL: Principal = { benutzerId: null, role: 'public', polizeidirektion: null, readOnly: true };

/** The one scope rule: every query, room and event filter derives what is visible from this. */
export function scopeOf(principal: Principal): Scope {
  switch (principal.role) {
    case 'admin':
    case 'lpr':
    case 'ministerium':
      return { kind: 'land' };
    case 'polizei':
      // A polizei principal without a Polizeidirektion sees nothing beyond the public view.
      return principal.polizeidirektion
        ? { kind: 'polizeidirektion', polizeidirektion: principal.polizeidirektion }
        : { kind: 'public' };
    case 'public':
      return { kind: 'public' };
  }
}

/** True when the scope includes the area of that Polizeidirektion. */
export function scopeCovers(scope: Scope, polizeidirektion: PolizeidirektionId): boolean {
  return scope.kind !== 'polizeidirektion' || scope.polizeidirektion === polizeidirektion;
}

/** May record and correct milestones, signings and funding. */
export function canEditDomainData(principal: Principal): boolean {
  return !principal.readOnly && (principal.role === 'admin' || principal.role === 'lpr');
}

/** A permission with the German answer for those without it (403). */
export interface Permission {
  allowed: (principal: Principal) => boolean;
  message: string;
}

/** Recording and correcting domain data: LPR staff. */
export const EDIT_DOMAIN_DATA: Permission = {
  allowed: canEditDomainData,
  message: 'Ihre Rolle darf diese Daten nur lesen, nicht ändern.',
};

/** May manage users, view the audit log and look at the dashboard as another role. */
export function canAdminister(principal: Principal): boolean {
  return !principal.readOnly && principal.role === 'admin';
}
