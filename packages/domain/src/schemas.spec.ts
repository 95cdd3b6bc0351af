import { describe, expect, it } from 'vitest';
import { kpiQuerySchema, parseGerman } from './schemas.ts';

function problem(query: unknown) {
  const parsed = parseGerman(kpiQuerySchema, query);
  if (parsed.success) throw new Error('expected a failure');
  return { field: parsed.field, message: parsed.message };
}

describe('kpiQuerySchema', () => {
  it('accepts a complete query', () => {
    expect(parseGerman(kpiQuerySchema, { stand: '2021-09-01', pd: 'goerlitz', kreis: '14626' })).toEqual({
      success: true,
      data: {
        stand: '2021-09-01',
        pd: 'goerlitz',
        kreis: '14626',
      },
    });
  });

  it('names the parameter in a German message', () => {
    expect(problem({ stand: '2021-13-01' })).toEqual({
      field: 'stand',
      message: 'Parameter „stand“: muss ein Datum im Format JJJJ-MM-TT sein',
    });
    expect(problem({ stand: '2017-12-31' }).message).toBe('Parameter „stand“: darf nicht vor dem 2018-01-01 liegen');
    expect(problem({ pd: 'berlin' })).toMatchObject({ field: 'pd' });
    expect(problem({ pd: 'berlin' }).message).toContain('goerlitz');
    expect(problem({ kreis: '15001' })).toMatchObject({ field: 'kreis' });
    expect(problem({ foo: '1' })).toEqual({ field: 'foo', message: 'Unbekannter Parameter „foo“' });
  });
});

describe('messages of zod itself', () => {
  it('are German too', () => {
    expect(problem({ stand: ['2021-01-01', '2021-02-01'] }).message).toMatch(/^Parameter „stand“: Ungültige Eingabe/);
  });
});
