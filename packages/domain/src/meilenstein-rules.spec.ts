import { describe, expect, it } from 'vitest';
import { checkMeilensteine } from './meilenstein-rules.ts';

const TODAY = '2026-11-21';
const messages = (meilensteine: Parameters<typeof checkMeilensteine>[0]) =>
  checkMeilensteine(meilensteine, TODAY).map((p) => p.message);

describe('checkMeilensteine', () => {
  const member = [
    { kind: 'erstberatung', date: '2020-01-10' },
    { kind: 'kooperationsvereinbarung', date: '2021-06-25' },
  ] as const;

  it('accepts a consistent history', () => {
    expect(
      messages([
        ...member,
        { kind: 'sicherheitsanalyse_begonnen', date: '2021-09-01' },
        { kind: 'sicherheitsanalyse_abgeschlossen', date: '2022-01-20' },
        { kind: 'austritt', date: '2024-12-31' },
      ]),
    ).toEqual([]);
  });

  it('refuses dates before 2018 and in the future', () => {
    expect(messages([{ kind: 'erstberatung', date: '2017-12-31' }])).toEqual([
      'Das Datum darf nicht vor dem 01.01.2018 liegen.',
    ]);
    expect(messages([{ kind: 'erstberatung', date: '2026-11-22' }])).toEqual([
      'Das Datum darf nicht in der Zukunft liegen.',
    ]);
  });

  it('refuses a completion before the start of the Sicherheitsanalyse', () => {
    expect(
      messages([
        { kind: 'sicherheitsanalyse_begonnen', date: '2022-03-01' },
        { kind: 'sicherheitsanalyse_abgeschlossen', date: '2022-02-28' },
      ]),
    ).toEqual(['Der Abschluss der Sicherheitsanalyse kann nicht vor ihrem Beginn liegen.']);
  });

  it('allows an Austritt only for a member', () => {
    expect(
      messages([
        { kind: 'erstberatung', date: '2020-01-10' },
        { kind: 'austritt', date: '2021-01-01' },
      ]),
    ).toEqual(['Ein Austritt ist nur für ein Mitglied möglich.']);
    expect(messages([...member, { kind: 'austritt', date: '2021-06-24' }])).toEqual([
      'Ein Austritt ist nur für ein Mitglied möglich.',
    ]);
  });

  it('refuses duplicates and a second agreement while already a member', () => {
    expect(messages([...member, { kind: 'erstberatung', date: '2020-01-10' }])).toEqual([
      'Dieser Meilenstein ist für diese Kommune an diesem Tag bereits erfasst.',
    ]);
    expect(messages([...member, { kind: 'kooperationsvereinbarung', date: '2022-01-01' }])).toEqual([
      'Die Kommune ist an diesem Tag bereits Mitglied.',
    ]);
  });
});
