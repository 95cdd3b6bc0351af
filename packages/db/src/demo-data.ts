import {
  DEFAULT_BUDGET_CENT,
  HANDLUNGSFELDER,
  MAX_FOERDERQUOTE,
  PROGRAMME_START,
  type FoerderantragFacts,
  type Foerderzweck,
  type Handlungsfeld,
  type MeilensteinKind,
  type PolizeidirektionId,
} from '@asskomm/domain';

/** What the demo generator needs to know of a Gemeinde. */
interface DemoGemeinde {
  ags: string;
  name: string;
  polizeidirektion: PolizeidirektionId;
}

interface DemoMeilenstein {
  ags: string;
  kind: MeilensteinKind;
  date: string;
  synthetisch: boolean;
  notiz: string | null;
  quelle: string | null;
  /** Kooperationsvereinbarungen signed together share a key (one signing, several Kommunen). */
  unterzeichnung?: string;
}

/** Who usually signs a Kooperationsvereinbarung (docs/domain.md; signatories vary). */
export const DEMO_SIGNATORIES = ['Landespräventionsrat Sachsen', 'Bürgermeister/in', 'Polizeipräsident/in'];

interface DemoFoerderantrag extends FoerderantragFacts {
  ags: string;
  zweck: Foerderzweck;
  handlungsfelder: Handlungsfeld[];
}

interface DemoData {
  modellkommunen: string[];
  meilensteine: DemoMeilenstein[];
  foerderantraege: DemoFoerderantrag[];
}

/** The eight Modellkommunen from the start (docs/domain.md). */
const MODELLKOMMUNEN = ['Chemnitz', 'Freital', 'Görlitz', 'Leipzig', 'Pirna', 'Plauen', 'Wurzen', 'Zwickau'];

const PUBLIC_SOURCE = 'Pressemitteilung des Freistaates Sachsen / Landespräventionsrat';

/**
 * Publicly reported Kooperationsvereinbarungen (docs/domain.md, "Known signings"). Where only the month
 * or year is known, the date is the first of that month or 1 July, and the note says so.
 */
export const REAL_SIGNINGS: readonly { name: string; pd: PolizeidirektionId; date: string; precision?: string }[] = [
  { name: 'Görlitz', pd: 'goerlitz', date: '2020-07-01', precision: 'Monat' },
  { name: 'Torgau', pd: 'leipzig', date: '2021-06-25' },
  { name: 'Weißwasser/O.L.', pd: 'goerlitz', date: '2021-09-10' },
  { name: 'Bad Muskau', pd: 'goerlitz', date: '2021-09-10' },
  { name: 'Dippoldiswalde', pd: 'dresden', date: '2021-11-01' },
  { name: 'Crimmitschau', pd: 'zwickau', date: '2021-12-01' },
  { name: 'Aue-Bad Schlema', pd: 'chemnitz', date: '2021-12-17' },
  { name: 'Lauter-Bernsbach', pd: 'chemnitz', date: '2021-12-17' },
  { name: 'Lößnitz', pd: 'chemnitz', date: '2021-12-17' },
  { name: 'Schwarzenberg/Erzgeb.', pd: 'chemnitz', date: '2021-12-17' },
  { name: 'Schneeberg', pd: 'chemnitz', date: '2021-12-17' },
  { name: 'Werdau', pd: 'zwickau', date: '2022-01-11' },
  { name: 'Bertsdorf-Hörnitz', pd: 'goerlitz', date: '2022-01-14' },
  { name: 'Jonsdorf', pd: 'goerlitz', date: '2022-01-14' },
  { name: 'Olbersdorf', pd: 'goerlitz', date: '2022-01-14' },
  { name: 'Oybin', pd: 'goerlitz', date: '2022-01-14' },
  { name: 'Auerbach/Vogtl.', pd: 'zwickau', date: '2022-07-22' },
  { name: 'Lengenfeld', pd: 'zwickau', date: '2022-07-22' },
  { name: 'Rodewisch', pd: 'zwickau', date: '2022-07-22' },
  { name: 'Meißen', pd: 'dresden', date: '2022-07-01', precision: 'Jahr' },
  { name: 'Rothenburg/O.L.', pd: 'goerlitz', date: '2023-01-27' },
  { name: 'Oelsnitz/Erzgeb.', pd: 'chemnitz', date: '2023-02-23' },
  { name: 'Bannewitz', pd: 'dresden', date: '2023-03-01' },
  { name: 'Hartmannsdorf', pd: 'chemnitz', date: '2023-04-05' },
  { name: 'Wilsdruff', pd: 'dresden', date: '2023-08-03' },
  { name: 'Heidenau', pd: 'dresden', date: '2023-08-09' },
];

interface Checkpoint {
  date: string;
  value: number;
}

/**
 * Cumulative totals the demo reproduces: the public figures of docs/domain.md on their dates, and
 * plausible values in between and after (marked "plausibel"). The seed test holds the data to them.
 */
export const TARGETS: Record<'beraten' | 'mitglieder' | 'kpr', readonly Checkpoint[]> = {
  beraten: [
    { date: PROGRAMME_START, value: 8 },
    { date: '2019-12-31', value: 40 }, // plausibel
    { date: '2020-02-29', value: 64 },
    { date: '2020-12-31', value: 86 }, // plausibel
    { date: '2021-06-25', value: 104 }, // „über 100“
    { date: '2021-09-01', value: 121 },
    { date: '2021-11-30', value: 126 },
    { date: '2022-12-31', value: 146 }, // plausibel
    { date: '2023-09-14', value: 161 }, // plausibel
    { date: '2024-12-31', value: 178 }, // plausibel
    { date: '2025-12-31', value: 191 }, // plausibel
    { date: '2026-10-31', value: 198 }, // plausibel
  ],
  mitglieder: [
    { date: '2019-06-30', value: 0 }, // plausibel: erste Vereinbarungen nach einigen Monaten Beratung
    { date: '2019-12-31', value: 3 }, // plausibel
    { date: '2020-12-31', value: 8 }, // plausibel
    { date: '2021-06-25', value: 15 }, // plausibel
    { date: '2021-09-01', value: 20 }, // plausibel
    { date: '2021-11-30', value: 29 },
    { date: '2021-12-01', value: 30 },
    { date: '2023-02-23', value: 47 },
    { date: '2023-04-05', value: 49 },
    { date: '2023-08-03', value: 52 },
    { date: '2023-09-14', value: 54 },
    { date: '2024-12-31', value: 62 }, // plausibel
    { date: '2025-09-11', value: 66 }, // plausibel
    { date: '2026-10-31', value: 71 }, // plausibel
  ],
  kpr: [
    { date: '2018-12-31', value: 10 }, // „etwa 10“ vor dem Start
    { date: '2020-02-29', value: 16 },
    { date: '2021-06-25', value: 21 },
    { date: '2021-09-01', value: 25 },
    { date: '2021-11-30', value: 26 },
    { date: '2023-02-23', value: 30 },
    { date: '2024-12-31', value: 36 }, // plausibel
    { date: '2026-10-31', value: 41 }, // plausibel
  ],
};

/** Gemeinden that already had a KPR before ASSKomm (synthetic choice: large towns). */
const EARLY_KPR = [
  'Leipzig',
  'Dresden',
  'Chemnitz',
  'Zwickau',
  'Plauen',
  'Freital',
  'Pirna',
  'Wurzen',
  'Bautzen',
  'Hoyerswerda',
];

const DAY = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY);
}

/** A small seeded PRNG (mulberry32), so the demo is the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Dates for the synthetic events that, together with the `fixed` real ones, make the running total
 * hit every checkpoint exactly. Spread evenly over each interval.
 */
function syntheticDates(checkpoints: readonly Checkpoint[], fixed: readonly string[], start: string): string[] {
  const dates: string[] = [];
  let previous = { date: start, value: 0 };
  for (const checkpoint of checkpoints) {
    const realInInterval = fixed.filter((d) => d > previous.date && d <= checkpoint.date).length;
    const needed = checkpoint.value - previous.value - realInInterval;
    if (needed < 0) throw new Error(`Demodaten: mehr reale Ereignisse als Zielwert am ${checkpoint.date}`);
    const span = daysBetween(previous.date, checkpoint.date);
    for (let k = 1; k <= needed; k++)
      dates.push(addDays(previous.date, Math.max(1, Math.round((span * k) / (needed + 1)))));
    previous = checkpoint;
  }
  return dates.sort();
}

function stripKurort(name: string): string {
  return name.replace(/^Kurort /, '');
}

/** Finds the one Gemeinde of that name in that Polizeidirektion, or throws. */
function resolveGemeinde(gemeinden: readonly DemoGemeinde[], name: string, pd?: PolizeidirektionId): DemoGemeinde {
  const matches = gemeinden.filter(
    (g) => stripKurort(g.name) === name && (pd === undefined || g.polizeidirektion === pd),
  );
  if (matches.length !== 1) throw new Error(`Demodaten: ${matches.length} Gemeinden „${name}“ gefunden`);
  return matches[0]!;
}

/**
 * Builds the deterministic demo data set: the real signings on their real dates plus synthetic
 * records (flagged `synthetisch`) that reproduce the public totals over time. Nothing lies after `today`.
 */
export function buildDemoData(gemeinden: readonly DemoGemeinde[], today: string): DemoData {
  const rand = random(20190206);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  const meilensteine: DemoMeilenstein[] = [];
  const add = (
    ags: string,
    kind: MeilensteinKind,
    date: string,
    synthetisch: boolean,
    notiz: string | null = null,
    unterzeichnung?: string,
  ) => {
    if (date > today) return;
    const quelle = synthetisch ? null : PUBLIC_SOURCE;
    meilensteine.push({ ags, kind, date, synthetisch, notiz, quelle, ...(unterzeichnung && { unterzeichnung }) });
  };

  const modell = MODELLKOMMUNEN.map((name) => resolveGemeinde(gemeinden, name));
  const modellAgs = new Set(modell.map((g) => g.ags));

  // Members: the real signings, then synthetic signings on the dates the totals ask for.
  const signedOn = new Map<string, string>();
  for (const s of REAL_SIGNINGS) {
    const g = resolveGemeinde(gemeinden, s.name, s.pd);
    signedOn.set(g.ags, s.date);
    const note = s.precision ? `Tag der Unterzeichnung nicht öffentlich; nur ${s.precision} bekannt` : null;
    // Signed on the same day in the same Polizeidirektion: one ceremony (e.g. the Städtebund Silberberg).
    add(g.ags, 'kooperationsvereinbarung', s.date, false, note, `${s.date}|${s.pd}`);
  }
  const memberSlots = syntheticDates(TARGETS.mitglieder, [...signedOn.values()], PROGRAMME_START);
  const candidates = gemeinden.filter((g) => !signedOn.has(g.ags) && !modellAgs.has(g.ags));
  const shuffled = shuffle(candidates);
  const earlyMembers = [...modell.filter((g) => !signedOn.has(g.ags)), ...shuffled];
  for (const date of memberSlots) {
    const g = earlyMembers.shift()!;
    signedOn.set(g.ags, date);
    add(g.ags, 'kooperationsvereinbarung', date, true, null, `${date}|${g.ags}`);
  }
  // Oelsnitz/Erzgeb. signed a Vorvereinbarung in 2021 before its full agreement (docs/domain.md).
  add(
    resolveGemeinde(gemeinden, 'Oelsnitz/Erzgeb.', 'chemnitz').ags,
    'vorvereinbarung',
    '2021-07-01',
    false,
    'Nur das Jahr ist öffentlich bekannt',
  );

  // Erstberatung: Modellkommunen at the launch, every member at least four months before signing.
  const beratenSlots = syntheticDates(TARGETS.beraten, [], addDays(PROGRAMME_START, -1));
  const beratenOn = new Map<string, string>();
  for (const g of modell) beratenOn.set(g.ags, beratenSlots.shift()!);
  const membersByUnterzeichnung = [...signedOn.entries()]
    .filter(([ags]) => !beratenOn.has(ags))
    .sort((a, b) => a[1].localeCompare(b[1]));
  for (const [ags] of membersByUnterzeichnung) beratenOn.set(ags, beratenSlots.shift()!);
  for (const [ags, signed] of signedOn) {
    if (beratenOn.get(ags)! > addDays(signed, -120)) throw new Error(`Demodaten: Erstberatung von ${ags} zu spät`);
  }
  const notYetAdvised = shuffled.filter((g) => !beratenOn.has(g.ags));
  for (const slot of beratenSlots) beratenOn.set(notYetAdvised.shift()!.ags, slot);
  for (const [ags, date] of beratenOn) add(ags, 'erstberatung', date, true);

  // KPR: ten before the start, Görlitz's as the 30th on 23.02.2023, the rest among members first.
  const goerlitz = resolveGemeinde(gemeinden, 'Görlitz', 'goerlitz').ags;
  const kprOn = new Map<string, string>([[goerlitz, '2023-02-23']]);
  const kprSlots = syntheticDates(TARGETS.kpr, ['2023-02-23'], '2018-01-01');
  for (const name of EARLY_KPR) kprOn.set(resolveGemeinde(gemeinden, name).ags, kprSlots.shift()!);
  for (const [index, date] of kprSlots.entries()) {
    const members = [...signedOn].filter(([ags, signed]) => signed <= date && !kprOn.has(ags)).map(([ags]) => ags);
    const advised = [...beratenOn].filter(([ags, on]) => on <= date && !kprOn.has(ags)).map(([ags]) => ags);
    const ags = pick(members.length > 0 ? members : advised);
    kprOn.set(ags, date);
    add(ags, index % 4 === 3 ? 'kpr_reaktiviert' : 'kpr_gegruendet', date, true);
  }
  for (const [ags, date] of kprOn) {
    if (!meilensteine.some((m) => m.ags === ags && m.kind.startsWith('kpr_'))) {
      add(ags, 'kpr_gegruendet', date, ags !== goerlitz, date < PROGRAMME_START ? 'Bestand bereits vor ASSKomm' : null);
    }
  }

  // The usual path of a member: binder at signing, coach, Sicherheitsanalyse of about 20 weeks.
  for (const [ags, signed] of signedOn) {
    add(ags, 'beratungsordner_uebergeben', signed, true);
    add(ags, 'coaching_begonnen', addDays(signed, 30 + Math.floor(rand() * 60)), true);
    if (rand() < 0.6) {
      const started = addDays(signed, 60 + Math.floor(rand() * 150));
      add(ags, 'sicherheitsanalyse_begonnen', started, true);
      add(ags, 'sicherheitsanalyse_abgeschlossen', addDays(started, 140), true);
    }
  }

  // A funded Koordinierungsstelle starts about two months after the grant.
  const foerderantraege = buildFoerderung(beratenOn, signedOn, today, rand, shuffle);
  const coordinated = new Set<string>();
  for (const antrag of foerderantraege) {
    if (
      antrag.zweck !== 'koordinierungsstelle' ||
      antrag.entscheidung?.art !== 'bewilligt' ||
      coordinated.has(antrag.ags)
    )
      continue;
    coordinated.add(antrag.ags);
    add(antrag.ags, 'koordinierungsstelle_eingerichtet', addDays(antrag.entscheidung.datum, 60), true);
  }

  return {
    modellkommunen: [...modellAgs],
    meilensteine: meilensteine.sort((a, b) => a.date.localeCompare(b.date) || a.ags.localeCompare(b.ags)),
    foerderantraege,
  };
}

/**
 * Synthetic RL KommPräv applications per Haushaltsjahr: submitted in the window 31.08.–15.10. of
 * the year before (in 2019 in spring), decided early in the year at up to 90 % of eligible cost,
 * paid in two instalments, proven the year after, until about 85 % of the budget is committed.
 */
function buildFoerderung(
  beratenOn: ReadonlyMap<string, string>,
  signedOn: ReadonlyMap<string, string>,
  today: string,
  rand: () => number,
  shuffle: <T>(items: readonly T[]) => T[],
): DemoFoerderantrag[] {
  const result: DemoFoerderantrag[] = [];
  const lastYear = Number(today.slice(0, 4)) + 1;
  const upTo = (date: string | null) => (date !== null && date <= today ? date : null);
  for (let year = 2019; year <= lastYear; year++) {
    const window = year === 2019 ? ['2019-03-01', '2019-05-31'] : [`${year - 1}-08-31`, `${year - 1}-10-15`];
    const applicants = [...beratenOn].filter(([, on]) => on < window[0]!).map(([ags]) => ags);
    let committed = 0;
    const target = DEFAULT_BUDGET_CENT * (0.78 + rand() * 0.14);
    for (const ags of shuffle(applicants)) {
      if (committed >= target) break;
      const member = (signedOn.get(ags) ?? '9999') < window[1]!;
      const zweck: Foerderzweck =
        member && rand() < 0.5 ? 'koordinierungsstelle' : rand() < 0.4 ? 'sicherheitsanalyse' : 'projekt';
      const foerderfaehigCent =
        Math.round(
          (zweck === 'koordinierungsstelle' ? 6_000_000 + rand() * 3_000_000 : 1_500_000 + rand() * 2_500_000) / 100,
        ) * 100;
      const beantragtCent = Math.floor((foerderfaehigCent * MAX_FOERDERQUOTE) / 100) * 100;
      const eingereichtAm = addDays(window[0]!, Math.floor(rand() * daysBetween(window[0]!, window[1]!)));
      if (eingereichtAm > today) continue;
      const decidedOn = year === 2019 ? addDays(eingereichtAm, 60) : addDays(`${year}-01-15`, Math.floor(rand() * 75));
      const rejected = rand() < 0.08;
      const bewilligtCent = rejected ? null : Math.round((beantragtCent * (0.85 + rand() * 0.15)) / 100) * 100;
      const entscheidung = upTo(decidedOn)
        ? { datum: decidedOn, art: rejected ? ('abgelehnt' as const) : ('bewilligt' as const) }
        : null;
      const approved = entscheidung?.art === 'bewilligt' ? bewilligtCent : null;
      const first = Math.round((approved ?? 0) / 200) * 100;
      const auszahlungen = approved
        ? [
            { datum: addDays(decidedOn, 45), betragCent: first },
            {
              datum: `${year}-10-01` > decidedOn ? `${year}-10-01` : addDays(decidedOn, 120),
              betragCent: approved - first,
            },
          ].filter((a) => a.datum <= today && a.betragCent > 0)
        : [];
      const paidInFull = auszahlungen.length === 2;
      const verwendungsnachweisAm = paidInFull ? upTo(`${year + 1}-03-31`) : null;
      const handlungsfelder = shuffle(HANDLUNGSFELDER.slice(0, year >= 2026 ? 8 : 5)).slice(
        0,
        1 + Math.floor(rand() * 2),
      );
      result.push({
        ags,
        haushaltsjahr: year,
        zweck,
        handlungsfelder: zweck === 'projekt' ? handlungsfelder : [],
        eingereichtAm,
        beantragtCent,
        foerderfaehigCent,
        entscheidung,
        bewilligtCent: approved,
        zurueckgezogenAm: null,
        auszahlungen,
        verwendungsnachweisAm,
        geprueftAm: verwendungsnachweisAm ? upTo(`${year + 1}-06-30`) : null,
        zurueckgefordertCent: 0,
        zurueckgefordertAm: null,
      });
      // Counts the planned grant even before its decision, so a year still being decided stays realistic.
      committed += bewilligtCent ?? 0;
    }
  }
  return result;
}
