import { AUDIT_LABELS, ROLE_LABELS, type AuditEntry, type BenutzerInfo } from '@asskomm/domain';
import { polizeidirektionKurz } from '@asskomm/geo';
import type { Tabelle } from './tabelle.ts';

type Kopf = Pick<Tabelle<unknown>, 'stand' | 'angaben'>;

/** The audit log (admins, `GET /api/audit?format=…`), newest first as on the page. */
export function auditTabelle(zeilen: readonly AuditEntry[], kopf: Kopf): Tabelle<AuditEntry> {
  return {
    name: 'Protokoll',
    ...kopf,
    zeilen,
    spalten: [
      { titel: 'Nr.', art: 'zahl', wert: (e) => e.id },
      { titel: 'Zeitpunkt', art: 'zeitpunkt', wert: (e) => e.at, breite: 18 },
      { titel: 'Ereignis', art: 'text', wert: (e) => AUDIT_LABELS[e.action] ?? e.action, breite: 32 },
      { titel: 'Wer', art: 'text', wert: (e) => e.actor?.name ?? null, breite: 22 },
      { titel: 'Betroffen', art: 'text', wert: (e) => e.target?.email ?? null, breite: 30 },
      {
        titel: 'Einzelheiten',
        art: 'text',
        wert: (e) => (Object.keys(e.details).length ? JSON.stringify(e.details) : null),
        breite: 50,
      },
      { titel: 'IP-Adresse', art: 'text', wert: (e) => e.ip, breite: 18 },
    ],
  };
}

/** The user list (admins, `GET /api/benutzer?format=…`); never a password hash, it has none. */
export function benutzerTabelle(zeilen: readonly BenutzerInfo[], kopf: Kopf): Tabelle<BenutzerInfo> {
  return {
    name: 'Benutzer',
    ...kopf,
    zeilen,
    spalten: [
      { titel: 'Name', art: 'text', wert: (b) => b.name, breite: 26 },
      { titel: 'E-Mail', art: 'text', wert: (b) => b.email, breite: 32 },
      { titel: 'Rolle', art: 'text', wert: (b) => ROLE_LABELS[b.role], breite: 24 },
      {
        titel: 'Polizeidirektion',
        art: 'text',
        wert: (b) => (b.polizeidirektion ? polizeidirektionKurz(b.polizeidirektion) : null),
        breite: 18,
      },
      { titel: 'aktiv', art: 'janein', wert: (b) => b.active },
      { titel: 'Demo-Zugang', art: 'janein', wert: (b) => b.demo },
      { titel: 'angelegt am', art: 'zeitpunkt', wert: (b) => b.createdAt, breite: 18 },
      { titel: 'letzte Anmeldung', art: 'zeitpunkt', wert: (b) => b.lastLoginAt, breite: 18 },
    ],
  };
}
