import { ROLE_LABELS, ROLES, type AuditEntry, type PolizeidirektionId, type Role } from '@asskomm/domain';
import { polizeidirektionName } from '$lib/karte/places';

const ROLE_VALUES: readonly string[] = [...ROLES, 'public'];

function roleLabel(value: unknown): string {
  return typeof value === 'string' && ROLE_VALUES.includes(value) ? ROLE_LABELS[value as Role | 'public'] : show(value);
}

function pdLabel(value: unknown): string {
  if (value === null || value === undefined) return '–';
  return typeof value === 'string' ? polizeidirektionName(value as PolizeidirektionId) : show(value);
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

const CHANGE_LABELS: Record<string, [string, (value: unknown) => string]> = {
  name: ['Name', show],
  rolle: ['Rolle', roleLabel],
  polizeidirektion: ['Polizeidirektion', pdLabel],
  aktiv: ['Aktiv', show],
};

const REASONS: Record<string, string> = {
  gesperrt: 'gesperrt nach zu vielen Fehlversuchen',
};

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The details of an audit entry as short German lines („Rolle: Ministerium (SMI) → Polizeidirektion“),
 * never raw JSON for the known keys; unknown keys are shown as „key: value“.
 */
export function auditDetails(entry: AuditEntry): string[] {
  const lines: string[] = [];
  const { email, grund, rolle, polizeidirektion, vorher, nachher, ...rest } = entry.details;
  if (email !== undefined && email !== entry.target?.email) lines.push(`E-Mail: ${show(email)}`);
  if (grund !== undefined) lines.push(`Grund: ${typeof grund === 'string' ? (REASONS[grund] ?? grund) : show(grund)}`);
  if (rolle !== undefined) {
    const label = entry.action === 'view_as_started' ? 'Ansicht als' : 'Rolle';
    const pd = typeof polizeidirektion === 'string' ? polizeidirektion : null;
    lines.push(`${label}: ${rolle === 'polizei' && pd ? pdLabel(pd) : roleLabel(rolle)}`);
  } else if (polizeidirektion !== undefined && polizeidirektion !== null) {
    lines.push(`Polizeidirektion: ${pdLabel(polizeidirektion)}`);
  }
  if (vorher !== undefined || nachher !== undefined) {
    const before = asRecord(vorher);
    const after = asRecord(nachher);
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
      const [label, format] = CHANGE_LABELS[key] ?? [key, show];
      lines.push(`${label}: ${format(before[key])} → ${format(after[key])}`);
    }
    if (lines.length === 0) lines.push('keine inhaltliche Änderung');
  }
  for (const [key, value] of Object.entries(rest)) lines.push(`${key}: ${show(value)}`);
  if (entry.ip) lines.push(`IP-Adresse: ${entry.ip}`);
  return lines;
}
