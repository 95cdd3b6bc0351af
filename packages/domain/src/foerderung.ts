import { codesOf } from './codes.ts';
import { EARLIEST_DATE } from './dates.ts';

/** Purposes of a grant under the RL KommPräv. */
export const FOERDERZWECK_LABELS = {
  koordinierungsstelle: 'Koordinierungsstelle',
  sicherheitsanalyse: 'Sicherheitsanalyse',
  projekt: 'Projekt / Maßnahme',
};
export type Foerderzweck = keyof typeof FOERDERZWECK_LABELS;
export const FOERDERZWECKE = codesOf(FOERDERZWECK_LABELS);

/** Fields of action named publicly, including those of the 2026 needs survey (docs/domain.md). */
export const HANDLUNGSFELD_LABELS = {
  sachbeschaedigung_graffiti: 'Sachbeschädigung/Graffiti',
  vermuellung: 'Vermüllung öffentlicher Plätze',
  gewalt: 'Gewalt',
  extremismus: 'Extremismus',
  drogen_sucht: 'Drogen/Sucht',
  ordnung_sauberkeit: 'Ordnung und Sauberkeit',
  bevoelkerungsschutz: 'Bevölkerungsschutz',
  konflikte_oeffentlicher_raum: 'Konflikte im öffentlichen Raum',
};
export type Handlungsfeld = keyof typeof HANDLUNGSFELD_LABELS;
export const HANDLUNGSFELDER = codesOf(HANDLUNGSFELD_LABELS);

/** Stages of an application, in process order; `abgelehnt` and `zurueckgezogen` end it early. */
export const FOERDERSTATUS_LABELS = {
  antrag: 'Antrag gestellt',
  bewilligt: 'bewilligt',
  abgelehnt: 'abgelehnt',
  zurueckgezogen: 'zurückgezogen',
  ausgezahlt: 'ausgezahlt',
  verwendungsnachweis_eingereicht: 'Verwendungsnachweis eingereicht',
  geprueft: 'geprüft',
};
export type Foerderstatus = keyof typeof FOERDERSTATUS_LABELS;
export const FOERDERSTATUS = codesOf(FOERDERSTATUS_LABELS);

/** The highest share of eligible cost a grant may cover (RL KommPräv: normally up to 90 %). */
export const MAX_FOERDERQUOTE = 0.9;

/** The budget of a Haushaltsjahr without its own entry, in cents (about €1.3 million a year). */
export const DEFAULT_BUDGET_CENT = 130_000_000;

export interface Auszahlung {
  datum: string;
  betragCent: number;
}

/** An application as the rules see it: every stage is a date, so its status follows for any day. */
export interface FoerderantragFacts {
  haushaltsjahr: number;
  eingereichtAm: string;
  beantragtCent: number;
  foerderfaehigCent: number;
  entscheidung: { datum: string; art: 'bewilligt' | 'abgelehnt' } | null;
  bewilligtCent: number | null;
  zurueckgezogenAm: string | null;
  auszahlungen: readonly Auszahlung[];
  verwendungsnachweisAm: string | null;
  geprueftAm: string | null;
  zurueckgefordertCent: number;
  zurueckgefordertAm: string | null;
}

/** The stage an application had reached on `asOf`; undefined before it was submitted. */
export function foerderstatusAsOf(antrag: FoerderantragFacts, asOf: string): Foerderstatus | undefined {
  if (antrag.eingereichtAm > asOf) return undefined;
  if (antrag.zurueckgezogenAm !== null && antrag.zurueckgezogenAm <= asOf) return 'zurueckgezogen';
  const decision = antrag.entscheidung && antrag.entscheidung.datum <= asOf ? antrag.entscheidung.art : null;
  if (decision === null) return 'antrag';
  if (decision === 'abgelehnt') return 'abgelehnt';
  if (antrag.geprueftAm !== null && antrag.geprueftAm <= asOf) return 'geprueft';
  if (antrag.verwendungsnachweisAm !== null && antrag.verwendungsnachweisAm <= asOf)
    return 'verwendungsnachweis_eingereicht';
  return antrag.auszahlungen.some((a) => a.datum <= asOf) ? 'ausgezahlt' : 'bewilligt';
}

/** Amounts of one application on `asOf`, in cents. */
export function foerderbetraegeAsOf(antrag: FoerderantragFacts, asOf: string) {
  const status = foerderstatusAsOf(antrag, asOf);
  const approved = status !== undefined && !['antrag', 'abgelehnt', 'zurueckgezogen'].includes(status);
  return {
    beantragtCent: status === undefined ? 0 : antrag.beantragtCent,
    bewilligtCent: approved ? (antrag.bewilligtCent ?? 0) : 0,
    ausgezahltCent: antrag.auszahlungen.filter((a) => a.datum <= asOf).reduce((sum, a) => sum + a.betragCent, 0),
    zurueckgefordertCent:
      antrag.zurueckgefordertAm !== null && antrag.zurueckgefordertAm <= asOf ? antrag.zurueckgefordertCent : 0,
  };
}

export interface RuleViolation {
  field: string;
  message: string;
}

/**
 * The RL KommPräv rules for one application, each with a German message naming the field:
 * dates in order and not in the future, LPR advice before applying, approved ≤ requested,
 * approved ≤ 90 % of eligible cost, paid ≤ approved, reclaimed ≤ paid.
 */
export function checkFoerderantrag(
  antrag: FoerderantragFacts,
  context: { today: string; erstberatungAm: string | null },
): RuleViolation[] {
  const problems: RuleViolation[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const dates: [string, string | null | undefined][] = [
    ['eingereichtAm', antrag.eingereichtAm],
    ['entscheidung.datum', antrag.entscheidung?.datum],
    ['zurueckgezogenAm', antrag.zurueckgezogenAm],
    ['verwendungsnachweisAm', antrag.verwendungsnachweisAm],
    ['geprueftAm', antrag.geprueftAm],
    ['zurueckgefordertAm', antrag.zurueckgefordertAm],
    ...antrag.auszahlungen.map((a, i) => [`auszahlungen.${i}.datum`, a.datum] as [string, string]),
  ];
  for (const [field, date] of dates) {
    if (!date) continue;
    if (date < EARLIEST_DATE) add(field, `Das Datum darf nicht vor dem 01.01.2018 liegen.`);
    if (date > context.today) add(field, 'Das Datum darf nicht in der Zukunft liegen.');
  }
  if (context.erstberatungAm === null || context.erstberatungAm > antrag.eingereichtAm) {
    add('eingereichtAm', 'Ein Förderantrag setzt eine vorherige Erstberatung durch den Landespräventionsrat voraus.');
  }
  if (antrag.beantragtCent > antrag.foerderfaehigCent) {
    add('beantragtCent', 'Der beantragte Betrag darf die förderfähigen Kosten nicht übersteigen.');
  }
  const decided = antrag.entscheidung;
  if (decided && decided.datum < antrag.eingereichtAm)
    add('entscheidung.datum', 'Die Entscheidung kann nicht vor dem Antrag liegen.');
  if (decided?.art === 'bewilligt') {
    const granted = antrag.bewilligtCent ?? 0;
    if (antrag.bewilligtCent === null) add('bewilligtCent', 'Für eine Bewilligung fehlt der bewilligte Betrag.');
    if (granted > antrag.beantragtCent)
      add('bewilligtCent', 'Der bewilligte Betrag darf den beantragten nicht übersteigen.');
    if (granted > Math.floor(antrag.foerderfaehigCent * MAX_FOERDERQUOTE)) {
      add('bewilligtCent', 'Die Förderung darf höchstens 90 % der förderfähigen Kosten betragen.');
    }
  } else if (antrag.bewilligtCent !== null && antrag.bewilligtCent > 0) {
    add('bewilligtCent', 'Ein bewilligter Betrag setzt eine Bewilligung voraus.');
  }
  const paid = antrag.auszahlungen.reduce((sum, a) => sum + a.betragCent, 0);
  if (paid > 0 && decided?.art !== 'bewilligt') add('auszahlungen', 'Auszahlungen setzen eine Bewilligung voraus.');
  if (paid > (antrag.bewilligtCent ?? 0))
    add('auszahlungen', 'Die Auszahlungen dürfen den bewilligten Betrag nicht übersteigen.');
  antrag.auszahlungen.forEach((a, i) => {
    if (decided && a.datum < decided.datum)
      add(`auszahlungen.${i}.datum`, 'Eine Auszahlung kann nicht vor der Bewilligung liegen.');
    if (a.betragCent <= 0) add(`auszahlungen.${i}.betragCent`, 'Eine Auszahlung muss größer als 0 € sein.');
  });
  if (antrag.zurueckgefordertCent > paid)
    add('zurueckgefordertCent', 'Es kann nicht mehr zurückgefordert werden, als ausgezahlt wurde.');
  if (antrag.zurueckgefordertCent > 0 !== (antrag.zurueckgefordertAm !== null)) {
    add('zurueckgefordertAm', 'Rückforderung braucht Betrag und Datum.');
  }
  if (antrag.geprueftAm && !antrag.verwendungsnachweisAm)
    add('geprueftAm', 'Geprüft werden kann erst ein eingereichter Verwendungsnachweis.');
  if (antrag.verwendungsnachweisAm && paid === 0)
    add('verwendungsnachweisAm', 'Ein Verwendungsnachweis setzt eine Auszahlung voraus.');
  if (
    antrag.zurueckgezogenAm &&
    decided &&
    antrag.zurueckgezogenAm > decided.datum &&
    decided.art === 'bewilligt' &&
    paid > 0
  ) {
    add('zurueckgezogenAm', 'Ein bereits ausgezahlter Antrag kann nicht zurückgezogen werden.');
  }
  return problems;
}

/** Count and amounts of a set of applications on `asOf` (those submitted by then). */
export function foerderSumme(antraege: readonly FoerderantragFacts[], asOf: string) {
  let anzahl = 0;
  let beantragtCent = 0;
  let bewilligtCent = 0;
  let ausgezahltCent = 0;
  for (const antrag of antraege) {
    if (antrag.eingereichtAm > asOf) continue;
    const betraege = foerderbetraegeAsOf(antrag, asOf);
    anzahl++;
    beantragtCent += betraege.beantragtCent;
    bewilligtCent += betraege.bewilligtCent;
    ausgezahltCent += betraege.ausgezahltCent;
  }
  return { anzahl, beantragtCent, bewilligtCent, ausgezahltCent };
}
