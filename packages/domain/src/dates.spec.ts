import { describe, expect, it } from 'vitest';
import { isIsoDate, monthEnds, todayInSaxony } from './dates.ts';

describe('isIsoDate', () => {
  it('accepts real days and rejects impossible or malformed ones', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2021-9-1')).toBe(false);
    expect(isIsoDate('01.09.2021')).toBe(false);
  });
});

describe('monthEnds', () => {
  it('lists the last day of each month in the range', () => {
    expect(monthEnds('2019-02-06', '2019-05-15')).toEqual(['2019-02-28', '2019-03-31', '2019-04-30']);
    expect(monthEnds('2023-12-01', '2024-02-29')).toEqual(['2023-12-31', '2024-01-31', '2024-02-29']);
  });
});

describe('todayInSaxony', () => {
  it('uses the Berlin calendar day, not UTC', () => {
    expect(todayInSaxony(new Date('2026-11-21T23:30:00Z'))).toBe('2026-11-22');
    expect(todayInSaxony(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });
});
