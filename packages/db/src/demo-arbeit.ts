import { sql, type Transaction } from 'kysely';
import {
  plusTage,
  POLIZEIDIREKTION_IDS,
  type AnsprechpartnerEingabe,
  type AnsprechpartnerRolle,
  type PolizeidirektionId,
} from '@asskomm/domain';
import * as ansprechpartner from './ansprechpartner.ts';
import type { Database } from './schema.ts';
import * as wiedervorlagen from './wiedervorlagen.ts';

/**
 * Invented people for the demo: placeholder surnames, addresses under `.invalid` (RFC 2606, never
 * delivered) and phone numbers whose local part starts with 0, which German numbering never
 * assigns to a subscriber — so no demo contact can reach or name a real person.
 */
const VORNAMEN = ['Erika', 'Max', 'Lena', 'Jonas', 'Sabine', 'Tobias', 'Anja', 'Felix', 'Katrin', 'Paul'];
const NACHNAMEN = ['Beispiel', 'Muster', 'Probe', 'Vorlage', 'Platzhalter'];
const VORWAHL: Record<PolizeidirektionId, string> = {
  chemnitz: '0371',
  dresden: '0351',
  goerlitz: '03581',
  leipzig: '0341',
  zwickau: '0375',
};

function person(n: number, pd: PolizeidirektionId, domain: string) {
  const vorname = VORNAMEN[n % VORNAMEN.length]!;
  const nachname = NACHNAMEN[Math.floor(n / 2) % NACHNAMEN.length]!;
  return {
    name: `${vorname} ${nachname}`,
    telefon: `${VORWAHL[pd]} 0${String(1000 + n * 37).slice(-4)} ${String(10 + n).slice(-2)}`,
    email: `${vorname}.${nachname}@${domain}.demo.invalid`.toLowerCase(),
  };
}

/**
 * Demo contacts and next steps, so every role meets the feature on first start: in every
 * Polizeidirektion two member Kommunen with a public KPR contact (consent recorded), a non-public
 * police contact and one of the Kommune, and open (one overdue) and done next steps. Owners are the
 * demo accounts where they exist (the area's Polizeidirektion, else the LPR team).
 */
export async function writeDemoArbeit(trx: Transaction<Database>, heute: string): Promise<void> {
  const konten = await trx
    .selectFrom('benutzer')
    .select(['id', 'role', 'polizeidirektion_id'])
    .where('demo', '=', true)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
  const lpr = konten.find((k) => k.role === 'lpr')?.id ?? null;
  const mitglieder = await trx
    .selectFrom('kommune as k')
    .innerJoin('kommune_fakten as f', 'f.ags', 'k.ags')
    .select(['k.ags', 'k.polizeidirektion_id'])
    .where('k.gueltig_bis', 'is', null)
    .where(sql<boolean>`cardinality(f.kv_daten) > 0`)
    .orderBy('k.ags')
    .execute();
  let n = 0;
  for (const pd of POLIZEIDIREKTION_IDS) {
    const eigene = mitglieder.filter((m) => m.polizeidirektion_id === pd).slice(0, 2);
    const zustaendig = konten.find((k) => k.role === 'polizei' && k.polizeidirektion_id === pd)?.id ?? lpr;
    for (const [i, { ags }] of eigene.entries()) {
      const kontakt = async (rolle: AnsprechpartnerRolle, werte: Partial<AnsprechpartnerEingabe>, domain: string) => {
        const p = person(n++, pd, domain);
        await ansprechpartner.insert(
          trx,
          ags,
          {
            rolle,
            ...p,
            organisation: null,
            notiz: null,
            seit: '2024-01-01',
            bis: null,
            oeffentlich: false,
            rechtsgrundlage: 'oeffentliche_aufgabe',
            einwilligungAm: null,
            benutzerId: null,
            ...werte,
          },
          { von: null, synthetisch: true },
        );
      };
      await kontakt(
        'kpr_vorsitz',
        {
          oeffentlich: true,
          rechtsgrundlage: 'einwilligung',
          einwilligungAm: '2024-01-15',
          organisation: 'Kommunaler Präventionsrat',
        },
        `kommune-${ags}`,
      );
      await kontakt(
        i === 0 ? 'buergerpolizist' : 'polizeirevier',
        { organisation: `Polizeidirektion (Demo)`, notiz: 'Sprechzeit dienstags' },
        `polizei-${pd}`,
      );
      if (i === 0) await kontakt('koordinierungsstelle', { organisation: 'Stadtverwaltung (Demo)' }, `kommune-${ags}`);
      const vorlage = (was: string, tage: number, erledigt: boolean) =>
        wiedervorlagen.insert(
          trx,
          ags,
          {
            was,
            faelligAm: plusTage(heute, tage),
            zustaendigId: zustaendig,
            meilensteinKind: null,
            erledigtAm: erledigt ? plusTage(heute, tage) : null,
            erledigtVon: erledigt ? zustaendig : null,
          },
          { von: lpr, synthetisch: true },
        );
      if (i === 0) {
        await vorlage('Termin mit dem KPR zur Lagebildauswertung vereinbaren', 14, false);
        await vorlage('Sicherheitsanalyse: Rückmeldung der Polizei abstimmen', -7, false);
      } else {
        await vorlage('Bürgersprechstunde mit dem Bürgerpolizisten planen', 30, false);
        await vorlage('Einladung zum ASSKomm-Fachtag weitergeben', -30, true);
      }
    }
  }
}
