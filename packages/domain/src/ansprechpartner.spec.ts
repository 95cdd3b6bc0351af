import { describe, expect, it } from 'vitest';
import {
  alsVCard,
  ansprechpartnerVerstoss,
  canPflegeAnsprechpartner,
  oeffentlicherAnsprechpartner,
  type Ansprechpartner,
} from './ansprechpartner.ts';
import type { Principal } from './access.ts';
import { faelligkeitVerstoss, spaetesteFaelligkeit } from './wiedervorlagen.ts';

const HEUTE = '2026-12-04';

const KONTAKT: Ansprechpartner = {
  id: 1,
  ags: '14626110',
  rolle: 'kpr_vorsitz',
  name: 'Erika Beispiel',
  organisation: 'KPR Görlitz',
  telefon: '03581 0100 10',
  email: 'erika.beispiel@kommune.demo.invalid',
  notiz: 'intern',
  seit: '2024-01-01',
  bis: null,
  oeffentlich: true,
  rechtsgrundlage: 'einwilligung',
  einwilligungAm: '2024-01-15',
  benutzerId: null,
  synthetisch: true,
  version: 3,
  geaendertVon: 'Demo LPR-Team',
  geaendertAm: '2026-12-01T10:00:00.000Z',
};

const principal = (role: Principal['role'], readOnly = false): Principal => ({
  benutzerId: 7,
  role,
  polizeidirektion: role === 'polizei' ? 'goerlitz' : null,
  readOnly,
});

describe('contact rules', () => {
  it('accepts a complete contact', () => {
    expect(ansprechpartnerVerstoss(KONTAKT, HEUTE)).toBeNull();
  });

  it.each([
    [{ telefon: '0351' }, 'telefon'],
    [{ telefon: 'bitte anrufen' }, 'telefon'],
    [{ email: 'erika@' }, 'email'],
    [{ email: 'erika beispiel@x.de' }, 'email'],
    [{ name: ' E ' }, 'name'],
    [{ seit: '2026-12-05' }, 'seit'],
    [{ bis: '2023-12-31' }, 'bis'],
    [{ einwilligungAm: null }, 'einwilligungAm'],
    [{ einwilligungAm: '2026-12-05' }, 'einwilligungAm'],
    [{ rechtsgrundlage: 'oeffentliche_aufgabe', einwilligungAm: null }, 'oeffentlich'],
    [{ rolle: 'asskomm_coach' }, 'benutzerId'],
    [{ benutzerId: 4 }, 'benutzerId'],
  ] as const)('refuses %o at %s', (change, field) => {
    expect(ansprechpartnerVerstoss({ ...KONTAKT, ...change }, HEUTE)?.field).toBe(field);
  });

  it('takes the usual ways of writing a German number, and the day itself as the last allowed', () => {
    for (const telefon of ['+49 351 123456', '0351/123456', '(0351) 12 34 56', '0351-123456']) {
      expect(ansprechpartnerVerstoss({ ...KONTAKT, telefon }, HEUTE), telefon).toBeNull();
    }
    expect(ansprechpartnerVerstoss({ ...KONTAKT, seit: HEUTE, einwilligungAm: HEUTE }, HEUTE)).toBeNull();
  });

  it('lets LPR staff keep every role, a Polizeidirektion the police roles, read-only views none', () => {
    expect(canPflegeAnsprechpartner(principal('lpr'), 'kpr_vorsitz')).toBe(true);
    expect(canPflegeAnsprechpartner(principal('polizei'), 'buergerpolizist')).toBe(true);
    expect(canPflegeAnsprechpartner(principal('polizei'), 'kpr_vorsitz')).toBe(false);
    expect(canPflegeAnsprechpartner(principal('ministerium'), 'polizeirevier')).toBe(false);
    expect(canPflegeAnsprechpartner(principal('admin', true), 'kpr_vorsitz')).toBe(false);
  });

  it('shows the public a public contact without notes, version or editor, and nothing of the others', () => {
    expect(oeffentlicherAnsprechpartner(KONTAKT)).toMatchObject({
      name: 'Erika Beispiel',
      telefon: '03581 0100 10',
      notiz: null,
      version: null,
      geaendertVon: null,
    });
    expect(oeffentlicherAnsprechpartner({ ...KONTAKT, oeffentlich: false })).toBeNull();
  });

  it('writes a vCard with escaped text and a dialable number', () => {
    const card = alsVCard({ ...KONTAKT, organisation: 'KPR; Görlitz, Stadt' }, 'Görlitz');
    expect(card.split('\r\n')).toEqual([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Erika Beispiel',
      'N:Beispiel;Erika;;;',
      'ORG:KPR\\; Görlitz\\, Stadt',
      'TITLE:KPR-Vorsitz – Görlitz',
      'TEL;TYPE=work,voice;VALUE=uri:tel:03581010010',
      'EMAIL;TYPE=work:erika.beispiel@kommune.demo.invalid',
      'END:VCARD',
      '',
    ]);
  });
});

describe('due dates of next steps', () => {
  it('allows from 2019 up to the same day five years on', () => {
    expect(faelligkeitVerstoss('2019-01-01', HEUTE)).toBeNull();
    expect(faelligkeitVerstoss('2018-12-31', HEUTE)).toMatch(/nicht vor dem 01\.01\.2019/);
    expect(faelligkeitVerstoss('2031-12-04', HEUTE)).toBeNull();
    expect(faelligkeitVerstoss('2031-12-05', HEUTE)).toMatch(/höchstens 5 Jahre/);
    expect(spaetesteFaelligkeit('2028-02-29')).toBe('2033-02-28');
  });
});
