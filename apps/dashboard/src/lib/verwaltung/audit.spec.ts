import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@asskomm/domain';
import { auditDetails } from './audit';

function entry(partial: Partial<AuditEntry>): AuditEntry {
  return {
    id: 1,
    at: '2026-05-01T10:00:00Z',
    action: 'login',
    actor: null,
    target: null,
    details: {},
    ip: null,
    ...partial,
  };
}

describe('auditDetails', () => {
  it('shows e-mail, reason and IP of a failed login', () => {
    expect(
      auditDetails(entry({ action: 'login_failed', details: { email: 'a@b.de', grund: 'gesperrt' }, ip: '10.0.0.1' })),
    ).toEqual(['E-Mail: a@b.de', 'Grund: gesperrt nach zu vielen Fehlversuchen', 'IP-Adresse: 10.0.0.1']);
  });

  it('names only what changed, in German', () => {
    const lines = auditDetails(
      entry({
        action: 'benutzer_updated',
        details: {
          vorher: { name: 'X', rolle: 'ministerium', polizeidirektion: null, aktiv: true },
          nachher: { name: 'X', rolle: 'polizei', polizeidirektion: 'goerlitz', aktiv: false },
        },
      }),
    );
    expect(lines).toEqual([
      'Rolle: Ministerium (SMI) → Polizeidirektion',
      'Polizeidirektion: – → Polizeidirektion Görlitz',
      'Aktiv: ja → nein',
    ]);
  });

  it('describes the view an admin chose', () => {
    expect(
      auditDetails(entry({ action: 'view_as_started', details: { rolle: 'polizei', polizeidirektion: 'leipzig' } })),
    ).toEqual(['Ansicht als: Polizeidirektion Leipzig']);
    expect(
      auditDetails(entry({ action: 'view_as_started', details: { rolle: 'public', polizeidirektion: null } })),
    ).toEqual(['Ansicht als: Öffentlichkeit']);
  });

  it('skips the e-mail when it is the affected account anyway', () => {
    expect(
      auditDetails(entry({ action: 'login_failed', target: { id: 2, email: 'a@b.de' }, details: { email: 'a@b.de' } })),
    ).toEqual([]);
  });
});
