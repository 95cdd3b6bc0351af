import { describe, expect, it } from 'vitest';
import { Formular } from '$lib/ui/Formular.svelte';
import { betraege } from './antrag';

describe('amounts typed into a funding form', () => {
  it('are sent in cents', () => {
    const formular = new Formular(['beantragtCent', 'foerderfaehigCent'] as const);
    expect(betraege(formular, { beantragtCent: '12.345,67', foerderfaehigCent: '20000' })).toEqual({
      beantragtCent: 1234567,
      foerderfaehigCent: 2000000,
    });
  });

  it('stop the form, with the message next to each field that holds no amount', () => {
    const formular = new Formular(['beantragtCent', 'foerderfaehigCent'] as const);
    formular.allgemein = 'alt';
    expect(betraege(formular, { beantragtCent: '12,5', foerderfaehigCent: 'viel' })).toBeNull();
    expect(Object.keys(formular.fehler)).toEqual(['foerderfaehigCent']);
    expect(formular.fehler.foerderfaehigCent).toContain('Betrag in Euro');
    expect(formular.allgemein).toBe('');
  });
});
