import { describe, expect, it } from 'vitest';
import { match } from './ags';

describe('the [ags=ags] matcher', () => {
  it('takes the key of a Saxon Gemeinde (8 digits) or Kreis (5 digits)', () => {
    expect(match('14626110')).toBe(true);
    expect(match('14626')).toBe(true);
  });

  it('leaves everything else to the 404 page', () => {
    for (const param of ['15626110', '1462611', '146261100', '1462', 'goerlitz', '14626110 ', '']) {
      expect(match(param), param).toBe(false);
    }
  });
});
