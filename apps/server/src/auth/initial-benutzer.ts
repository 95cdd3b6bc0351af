import { benutzer, type DbHandle } from '@asskomm/db';
import type { PolizeidirektionId, Role } from '@asskomm/domain';
import { hashPassword } from './password.ts';

/** The password of every demo account; it is printed in the README. */
export const DEMO_PASSWORD = 'Demo-Passwort-2026';

export const DEMO_BENUTZER: readonly {
  email: string;
  name: string;
  role: Role;
  polizeidirektion: PolizeidirektionId | null;
}[] = [
  { email: 'admin@demo.asskomm.invalid', name: 'Demo Administration', role: 'admin', polizeidirektion: null },
  { email: 'lpr@demo.asskomm.invalid', name: 'Demo LPR-Team', role: 'lpr', polizeidirektion: null },
  { email: 'ministerium@demo.asskomm.invalid', name: 'Demo Ministerium', role: 'ministerium', polizeidirektion: null },
  { email: 'pd-goerlitz@demo.asskomm.invalid', name: 'Demo PD Görlitz', role: 'polizei', polizeidirektion: 'goerlitz' },
  { email: 'pd-leipzig@demo.asskomm.invalid', name: 'Demo PD Leipzig', role: 'polizei', polizeidirektion: 'leipzig' },
];

export interface InitialBenutzerOptions {
  demoMode: boolean;
  /** The first administrator in production, from ADMIN_EMAIL and ADMIN_PASSWORD. */
  admin?: { email: string; password: string } | undefined;
  log: (message: string) => void;
}

/**
 * Demo mode: the demo accounts exist. Production: they are deactivated (and cannot sign in), and
 * the administrator from the environment is created if there is no active one yet.
 */
export async function ensureInitialBenutzer(
  handle: DbHandle,
  { demoMode, admin, log }: InitialBenutzerOptions,
): Promise<void> {
  if (demoMode) {
    const missing = [];
    for (const user of DEMO_BENUTZER) if (!(await benutzer.findByEmail(handle.db, user.email))) missing.push(user);
    if (missing.length === 0) return;
    // One hash for all: the demo password is public anyway, and seeding stays fast.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const user of missing) await benutzer.create(handle.db, { ...user, passwordHash, demo: true });
    log(`Demo-Zugänge angelegt: ${missing.map((u) => u.email).join(', ')}`);
    return;
  }
  const deactivated = await benutzer.deactivateDemoBenutzer(handle.db);
  if (deactivated > 0) log(`${deactivated} Demo-Zugänge deaktiviert (Produktionsbetrieb)`);
  if ((await benutzer.countActiveAdmins(handle.db)) > 0) return;
  if (!admin) {
    log('WARNUNG: Es gibt keinen aktiven Administrator. ADMIN_EMAIL und ADMIN_PASSWORD setzen und neu starten.');
    return;
  }
  const passwordHash = await hashPassword(admin.password);
  await benutzer.create(handle.db, {
    email: admin.email,
    name: 'Administration',
    role: 'admin',
    polizeidirektion: null,
    passwordHash,
  });
  log(`Administrator ${admin.email} angelegt`);
}
