import { EARLIEST_DATE } from './dates.ts';
import type { RuleViolation } from './foerderung.ts';
import type { MeilensteinKind } from './meilensteine.ts';
import { deriveStatus } from './status.ts';

interface Dated {
  kind: MeilensteinKind;
  date: string;
}

/**
 * The rules for the milestones of one Kommune, checked on the whole set as it would be after a
 * change (a new record, a correction or a withdrawal), so no change can leave an inconsistent history.
 * Each violation has a German message; `field` names the input it is about.
 */
export function checkMeilensteine(meilensteine: readonly Dated[], today: string): RuleViolation[] {
  const problems: RuleViolation[] = [];
  const add = (field: string, message: string) => {
    if (!problems.some((p) => p.message === message)) problems.push({ field, message });
  };
  meilensteine.forEach((m, index) => {
    const others = meilensteine.filter((_, i) => i !== index);
    if (m.date < EARLIEST_DATE) add('date', 'Das Datum darf nicht vor dem 01.01.2018 liegen.');
    if (m.date > today) add('date', 'Das Datum darf nicht in der Zukunft liegen.');
    if (others.some((o) => o.kind === m.kind && o.date === m.date)) {
      add('date', 'Dieser Meilenstein ist für diese Kommune an diesem Tag bereits erfasst.');
    }
    if (
      m.kind === 'sicherheitsanalyse_abgeschlossen' &&
      !others.some((o) => o.kind === 'sicherheitsanalyse_begonnen' && o.date <= m.date)
    ) {
      add('date', 'Der Abschluss der Sicherheitsanalyse kann nicht vor ihrem Beginn liegen.');
    }
    const memberThen = deriveStatus(others, m.date).mitglied;
    if (m.kind === 'austritt' && !memberThen) add('kind', 'Ein Austritt ist nur für ein Mitglied möglich.');
    if (m.kind === 'kooperationsvereinbarung' && memberThen)
      add('date', 'Die Kommune ist an diesem Tag bereits Mitglied.');
  });
  return problems;
}
