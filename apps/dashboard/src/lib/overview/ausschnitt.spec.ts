import { describe, expect, it } from 'vitest';
import type { KommuneSummary, PolizeidirektionId, Status } from '@asskomm/domain';
import { auswahlName, ausschnitt, seitFuer } from './ausschnitt';

function kommune(ags: string, name: string, pd: PolizeidirektionId, status: Status): KommuneSummary {
  return {
    ags,
    name,
    art: ags.length === 5 ? 'Landkreis' : 'Gemeinde',
    kreis: ags.slice(0, 5),
    polizeidirektion: pd,
    status,
    kpr: false,
    modellkommune: false,
    demodaten: false,
  } as KommuneSummary;
}

const kommunen = [
  kommune('14626110', 'Görlitz', 'goerlitz', 'mitglied'),
  kommune('14626010', 'Bad Muskau', 'goerlitz', 'kein_kontakt'),
  kommune('14626', 'Landkreis Görlitz', 'goerlitz', 'mitglied'),
  kommune('14625', 'Landkreis Bautzen', 'goerlitz', 'kein_kontakt'),
  kommune('14713000', 'Leipzig', 'leipzig', 'mitglied'),
];

describe('the comparison day', () => {
  it('is the chosen one while it lies before the day shown', () => {
    expect(seitFuer('2025-06-30', { seit: '2024-01-01', seitGewaehlt: true })).toBe('2024-01-01');
  });

  it('is one year earlier when none is chosen, or the chosen one is not earlier', () => {
    expect(seitFuer('2025-06-30', { seit: '2024-01-01', seitGewaehlt: false })).toBe('2024-06-30');
    expect(seitFuer('2025-06-30', { seit: '2025-06-30', seitGewaehlt: true })).toBe('2024-06-30');
  });
});

describe('the area the overview shows', () => {
  it('sorts the Gemeinden by name and counts them per status', () => {
    const { gemeinden, counts } = ausschnitt(kommunen, { pd: null, kreis: null });
    expect(gemeinden.map((g) => g.name)).toEqual(['Bad Muskau', 'Görlitz', 'Leipzig']);
    expect(counts.mitglied).toBe(2);
    expect(counts.kein_kontakt).toBe(1);
  });

  it('keeps the Landkreise apart, only those that are partners', () => {
    expect(ausschnitt(kommunen, { pd: null, kreis: null }).kreisPartner.map((k) => k.ags)).toEqual(['14626']);
  });

  it('narrows to a Polizeidirektion or a Kreis', () => {
    expect(ausschnitt(kommunen, { pd: 'leipzig', kreis: null }).gemeinden.map((g) => g.ags)).toEqual(['14713000']);
    const kreis = ausschnitt(kommunen, { pd: 'goerlitz', kreis: '14626' });
    expect(kreis.gemeinden.map((g) => g.ags)).toEqual(['14626010', '14626110']);
    expect(kreis.counts.mitglied).toBe(1);
  });

  it('names a chosen area only when it is narrower than the caller’s own', () => {
    expect(auswahlName({ pd: 'goerlitz', kreis: '14626' }, 'goerlitz', 'x')).toBe('Landkreis Görlitz');
    expect(auswahlName({ pd: 'goerlitz', kreis: null }, null, 'Polizeidirektion Görlitz')).toBe(
      'der Polizeidirektion Görlitz',
    );
    expect(auswahlName({ pd: 'goerlitz', kreis: null }, 'goerlitz', 'Polizeidirektion Görlitz')).toBeNull();
    expect(auswahlName({ pd: null, kreis: null }, null, 'Sachsen')).toBeNull();
  });
});
