import { describe, expect, it } from 'vitest';
import type { VisibleEvent } from '@asskomm/domain';
import { betrifftUebersicht, hervorzuheben } from './live-folgen';

const event = (type: string, ags: string | null) => ({ type, ags }) as unknown as VisibleEvent;
const folgt = { vorher: '', jetzt: '', folgtLive: true };

describe('the overview following live changes', () => {
  it('reloads for every change but comments, and for a resync', () => {
    expect(betrifftUebersicht(event('meilenstein:recorded', '14626110'))).toBe(true);
    expect(betrifftUebersicht(null)).toBe(true);
    expect(betrifftUebersicht(event('kommentar:created', '14626110'))).toBe(false);
  });

  it('outlines each changed Kommune once, and nothing for changes without one', () => {
    const ags = hervorzuheben(
      [event('meilenstein:recorded', '14626110'), event('foerderantrag:saved', null), event('x', '14626110')],
      folgt,
    );
    expect(ags && [...ags]).toEqual(['14626110']);
  });

  it('outlines nothing after a resync, a change of view, or when not following', () => {
    const burst = [event('meilenstein:recorded', '14626110')];
    expect(hervorzuheben([], folgt)).toBeNull();
    expect(hervorzuheben(burst, { ...folgt, jetzt: '?stand=2024-01-01' })).toBeNull();
    expect(hervorzuheben(burst, { ...folgt, folgtLive: false })).toBeNull();
  });
});
