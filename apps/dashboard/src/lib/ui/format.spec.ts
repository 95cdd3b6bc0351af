import { describe, expect, it } from 'vitest';
import { formatDate, formatEuro, formatEuroCompact, formatMonth, formatNumber, formatPercent, ratio } from './format';

// Intl output uses narrow no-break spaces; compare with ordinary ones.
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('German formatting', () => {
  it('formats numbers, shares and dates the German way', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(plain(formatPercent(0.125))).toBe('13 %');
    expect(formatDate('2026-11-21')).toBe('21.11.2026');
    expect(formatMonth('2019-02-28')).toBe('Feb. 2019');
  });

  it('shows euro cents as whole euros, compact from a million on', () => {
    expect(plain(formatEuro(123456789))).toBe('1.234.568 €');
    expect(plain(formatEuroCompact(130000000))).toBe('1,3 Mio. €');
    expect(plain(formatEuroCompact(84500000))).toBe('845.000 €');
    // A narrow tile may break after the number, never inside „Mio. €“.
    expect(formatEuroCompact(110000000)).toBe('1,1 Mio.\u00a0€');
  });

  it('treats a zero denominator as no share', () => {
    expect(ratio(3, 0)).toBe(0);
  });
});

describe('euro input', () => {
  it('reads German amounts into cents and rejects the rest', async () => {
    const { parseEuro, centToInput } = await import('./format');
    expect(parseEuro('12.345,67')).toBe(1234567);
    expect(parseEuro('12345')).toBe(1234500);
    expect(parseEuro('1.234')).toBe(123400);
    expect(parseEuro('12,5 €')).toBe(1250);
    expect(parseEuro('99.5')).toBe(9950);
    expect(parseEuro('')).toBeNull();
    expect(parseEuro('-5')).toBeNull();
    expect(parseEuro('1,234')).toBeNull();
    expect(parseEuro('abc')).toBeNull();
    expect(centToInput(1234567)).toBe('12.345,67');
  });
});
