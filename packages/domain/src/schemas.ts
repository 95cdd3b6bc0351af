import { z } from 'zod';
import { de } from 'zod/locales';
import { EARLIEST_DATE, isIsoDate, LATEST_DATE, todayInSaxony } from './dates.ts';
import { ROLES, type Role } from './access.ts';
import { ANSPRECHPARTNER_ROLLEN, RECHTSGRUNDLAGEN } from './ansprechpartner.ts';
import { FOERDERZWECKE, HANDLUNGSFELDER } from './foerderung.ts';
import { AGS_PATTERN, POLIZEIDIREKTION_IDS, type PolizeidirektionId } from './kommune.ts';
import { MERKMAL_CODES, SPALTEN_CODES } from './kommunen-liste.ts';
import { MEILENSTEIN_KINDS } from './meilensteine.ts';
import { SZENEN } from './praesentation.ts';
import { STATUS_SCALE } from './status.ts';

// Users read these messages, so zod's own ones are German too (per parse: no global side effect).
const { localeError } = de();

/** A day written YYYY-MM-DD, from 2018 to the horizon LATEST_DATE. */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'muss ein Datum im Format JJJJ-MM-TT sein' })
  .refine((value) => value >= EARLIEST_DATE, { message: `darf nicht vor dem ${EARLIEST_DATE} liegen` })
  .refine((value) => value <= LATEST_DATE, { message: `darf nicht nach dem ${LATEST_DATE} liegen` });

/**
 * The last day of a time series (`bis`): today at the latest, since the series' work grows with
 * it and a later day shows nothing more.
 */
export const bisSchema = isoDateSchema.refine((value) => value <= todayInSaxony(), {
  message: 'darf nicht in der Zukunft liegen',
});

/** The largest id the database's `integer` id columns hold: a larger one is no record, answered 400 not 500. */
export const MAX_ID = 2_147_483_647;
const idSchema = z
  .number({ message: 'muss eine Zahl sein' })
  .int()
  .positive()
  .max(MAX_ID, { message: 'ist keine gültige Nummer' });

export const polizeidirektionSchema = z.enum(POLIZEIDIREKTION_IDS, {
  message: `muss eine von ${POLIZEIDIREKTION_IDS.join(', ')} sein`,
});

export const kreisAgsSchema = z
  .string()
  .regex(/^14\d{3}$/, { message: 'muss ein sächsischer Kreisschlüssel (14xxx) sein' });

export const agsSchema = z
  .string()
  .regex(AGS_PATTERN, { message: 'ist kein sächsischer Gemeinde- oder Kreisschlüssel' });

/** The file a list endpoint answers with instead of JSON (`?format=csv`, `?format=xlsx`). */
export const EXPORT_FORMATE = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATE)[number];
const formatSchema = z.enum(EXPORT_FORMATE, { message: 'muss csv oder xlsx sein' });

/** Query of a page of one thing as of a day (`GET /api/kommunen/:ags`; `format`: its milestones as a file). */
export const standQuerySchema = z.strictObject({ stand: isoDateSchema.optional(), format: formatSchema.optional() });

/** Query of a list that has no filter of its own (`GET /api/benutzer`): only the file format. */
export const formatQuerySchema = z.strictObject({ format: formatSchema.optional() });

/** Query of `GET /api/kommunen`: the day, the list's filters and sort (kommunen-liste.ts), the format. */
export const kommunenQuerySchema = z.strictObject({
  stand: isoDateSchema.optional(),
  q: z.string().max(100, { message: 'darf höchstens 100 Zeichen lang sein' }).optional(),
  status: z.enum(STATUS_SCALE, { message: `muss einer von ${STATUS_SCALE.join(', ')} sein` }).optional(),
  pd: polizeidirektionSchema.optional(),
  kreis: kreisAgsSchema.optional(),
  merkmal: z.enum(MERKMAL_CODES, { message: `muss eines von ${MERKMAL_CODES.join(', ')} sein` }).optional(),
  sort: z
    .enum([...SPALTEN_CODES, ...SPALTEN_CODES.map((s) => `-${s}` as const)], {
      message: `muss eine von ${SPALTEN_CODES.join(', ')} sein, absteigend mit „-“ davor`,
    })
    .optional(),
  format: formatSchema.optional(),
});

/** Query of `GET /api/kpi`. */
export const kpiQuerySchema = z.strictObject({
  stand: isoDateSchema.optional(),
  pd: polizeidirektionSchema.optional(),
  kreis: kreisAgsSchema.optional(),
});

/** Query of `GET /api/kpi/verlauf`. */
export const kpiVerlaufQuerySchema = z.strictObject({
  bis: bisSchema.optional(),
  pd: polizeidirektionSchema.optional(),
  kreis: kreisAgsSchema.optional(),
  format: formatSchema.optional(),
});

/**
 * Query of `GET /api/bericht` (the Lagebericht as PDF) and of the page `/bericht`: a day up to
 * today, an area and optionally a comparison day before it.
 */
export const berichtQuerySchema = z
  .strictObject({
    stand: bisSchema.optional(),
    pd: polizeidirektionSchema.optional(),
    kreis: kreisAgsSchema.optional(),
    seit: isoDateSchema.optional(),
  })
  .refine((q) => q.seit === undefined || q.seit < (q.stand ?? todayInSaxony()), {
    message: 'muss vor dem Stand liegen',
    path: ['seit'],
  });

export type BerichtQuery = z.infer<typeof berichtQuerySchema>;

export type KpiQuery = z.infer<typeof kpiQuerySchema>;

export type Parsed<T> = { success: true; data: T } | { success: false; field: string | undefined; message: string };

/** Parses `input`; on failure returns the first problem as a German sentence naming the parameter. */
export function parseGerman<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const parsed = schema.safeParse(input, { error: localeError });
  return parsed.success ? { success: true, data: parsed.data } : { success: false, ...describeIssue(parsed.error) };
}

function describeIssue(error: z.ZodError): { field: string | undefined; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: undefined, message: 'Ungültige Eingabe' };
  if (issue.code === 'unrecognized_keys') {
    return { field: issue.keys[0], message: `Unbekannter Parameter „${issue.keys.join('“, „')}“` };
  }
  const field = issue.path.map(String).join('.') || undefined;
  return { field, message: field ? `Parameter „${field}“: ${issue.message}` : issue.message };
}

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { message: 'darf höchstens 254 Zeichen lang sein' })
  .pipe(z.email({ message: 'muss eine E-Mail-Adresse sein' }));

/** Body of `POST /api/auth/login`. The password is not checked for strength here: that is the account's business. */
export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, { message: 'fehlt' }).max(256, { message: 'darf höchstens 256 Zeichen lang sein' }),
});

/** A new password: OWASP ASVS asks for at least 12 characters and allows long passphrases. */
export const passwordSchema = z
  .string()
  .min(12, { message: 'muss mindestens 12 Zeichen lang sein' })
  .max(256, { message: 'darf höchstens 256 Zeichen lang sein' });

const nameSchema = z
  .string()
  .trim()
  .min(1, { message: 'fehlt' })
  .max(120, { message: 'darf höchstens 120 Zeichen lang sein' });

export const roleSchema = z.enum(ROLES, { message: `muss eine von ${ROLES.join(', ')} sein` });

/** A Polizeidirektion is required for the role polizei and forbidden for every other role. */
function pdMatchesRole(value: { role?: Role | undefined; polizeidirektion?: PolizeidirektionId | null | undefined }) {
  return value.role === undefined || (value.role === 'polizei') === (value.polizeidirektion != null);
}
const pdRoleMessage = {
  message: 'muss genau für die Rolle polizei angegeben sein',
  path: ['polizeidirektion'],
};

/** Body of `POST /api/benutzer`. */
export const benutzerCreateSchema = z
  .strictObject({
    email: emailSchema,
    name: nameSchema,
    role: roleSchema,
    polizeidirektion: polizeidirektionSchema.nullable().optional(),
    password: passwordSchema,
  })
  .refine(pdMatchesRole, pdRoleMessage);

/** Body of `PATCH /api/benutzer/:id`; a role change must bring the matching Polizeidirektion. */
export const benutzerUpdateSchema = z
  .strictObject({
    name: nameSchema.optional(),
    role: roleSchema.optional(),
    polizeidirektion: polizeidirektionSchema.nullable().optional(),
    active: z.boolean({ message: 'muss true oder false sein' }).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Keine Änderung angegeben' })
  .refine(pdMatchesRole, pdRoleMessage);

/** Body of `POST /api/benutzer/:id/password`. */
export const passwordResetSchema = z.strictObject({ password: passwordSchema });

/** Body of `POST /api/auth/ansicht`: an admin looks at the dashboard as another role, read-only. */
export const viewAsSchema = z
  .strictObject({
    role: z.enum(['lpr', 'ministerium', 'polizei', 'public'], {
      message: 'muss eine von lpr, ministerium, polizei, public sein',
    }),
    polizeidirektion: polizeidirektionSchema.nullable().optional(),
  })
  .refine((v) => (v.role === 'polizei') === (v.polizeidirektion != null), {
    message: 'muss genau für die Rolle polizei angegeben sein',
    path: ['polizeidirektion'],
  });

/** A numeric id in a path, e.g. `/api/benutzer/:id`. */
export const idParamSchema = z.coerce.number({ message: 'muss eine Zahl sein' }).pipe(idSchema);

export type BenutzerCreate = z.infer<typeof benutzerCreateSchema>;
export type BenutzerUpdate = z.infer<typeof benutzerUpdateSchema>;
export type ViewAs = z.infer<typeof viewAsSchema>;

const noteSchema = z
  .string()
  .trim()
  .max(2000, { message: 'darf höchstens 2000 Zeichen lang sein' })
  .nullable()
  .optional();
const sourceSchema = z
  .string()
  .trim()
  .max(500, { message: 'darf höchstens 500 Zeichen lang sein' })
  .refine((v) => v === '' || /^https?:\/\//.test(v) || !v.includes('://'), {
    message: 'muss ein http(s)-Link oder ein Text sein',
  })
  .nullable()
  .optional();
/** The version of the record the user saw; a stale one answers 409. */
const versionSchema = z.number({ message: 'fehlt (Version der angezeigten Daten)' }).int().min(0);
/** 100 Mio. €: far above any application under the RL KommPräv, and Land sums stay exact in JSON. */
export const MAX_CENT = 10_000_000_000;
const centSchema = z
  .number({ message: 'muss ein Betrag in Cent sein' })
  .int({ message: 'muss ganze Cent angeben' })
  .min(0)
  .max(MAX_CENT, { message: 'darf höchstens 100.000.000 € betragen' });
const optionalDateSchema = isoDateSchema.nullable().optional();

export const meilensteinKindSchema = z.enum(MEILENSTEIN_KINDS, { message: 'ist keine bekannte Art von Meilenstein' });

/**
 * Body of `POST /api/kommunen/:ags/meilensteine`. A `version` is no longer checked (a new milestone
 * conflicts with nothing); clients that still send one are not refused for it.
 */
export const meilensteinCreateSchema = z.strictObject({
  kind: meilensteinKindSchema,
  date: isoDateSchema,
  notiz: noteSchema,
  quelle: sourceSchema,
  version: versionSchema.optional(),
});

/** Body of `PATCH /api/meilensteine/:id`: a correction. */
export const meilensteinCorrectSchema = z
  .strictObject({ date: isoDateSchema.optional(), notiz: noteSchema, quelle: sourceSchema, version: versionSchema })
  .refine((v) => v.date !== undefined || v.notiz !== undefined || v.quelle !== undefined, {
    message: 'Keine Änderung angegeben',
  });

/** Body of `POST /api/meilensteine/:id/zurueckziehen` (and of signings): the record stays, with the reason. */
export const withdrawSchema = z.strictObject({
  grund: z.string().trim().min(3, { message: 'muss angegeben werden (mindestens 3 Zeichen)' }).max(500),
  version: versionSchema,
});

/** Body of `POST /api/unterzeichnungen`: one signing for one or more Kommunen. */
export const unterzeichnungCreateSchema = z.strictObject({
  date: isoDateSchema,
  unterzeichner: z
    .array(z.string().trim().min(2).max(120), { message: 'muss eine Liste von Unterzeichnenden sein' })
    .min(1, { message: 'braucht mindestens eine unterzeichnende Person oder Stelle' })
    .max(20),
  kommunen: z
    .array(
      z.strictObject({
        ags: agsSchema,
        version: versionSchema,
      }),
    )
    .min(1, { message: 'braucht mindestens eine Kommune' })
    .max(50),
  notiz: noteSchema,
  quelle: sourceSchema,
});

const foerderFields = {
  haushaltsjahr: z.number({ message: 'muss eine Jahreszahl sein' }).int().min(2019).max(2100),
  zweck: z.enum(FOERDERZWECKE, { message: `muss eine von ${FOERDERZWECKE.join(', ')} sein` }),
  handlungsfelder: z
    .array(z.enum(HANDLUNGSFELDER, { message: 'ist kein bekanntes Handlungsfeld' }))
    .max(8)
    .default([]),
  eingereichtAm: isoDateSchema,
  beantragtCent: centSchema,
  foerderfaehigCent: centSchema,
  entscheidung: z
    .strictObject({ datum: isoDateSchema, art: z.enum(['bewilligt', 'abgelehnt']) })
    .nullable()
    .default(null),
  bewilligtCent: centSchema.nullable().default(null),
  zurueckgezogenAm: optionalDateSchema.default(null),
  verwendungsnachweisAm: optionalDateSchema.default(null),
  geprueftAm: optionalDateSchema.default(null),
  zurueckgefordertCent: centSchema.default(0),
  zurueckgefordertAm: optionalDateSchema.default(null),
  notiz: noteSchema,
};

/** Body of `POST /api/foerderantraege`. */
export const foerderantragCreateSchema = z.strictObject({
  ags: agsSchema,
  ...foerderFields,
});

/** Body of `PUT /api/foerderantraege/:id`: the whole application as it should be now. */
export const foerderantragUpdateSchema = z.strictObject({ ...foerderFields, version: versionSchema });

/** Body of `POST /api/foerderantraege/:id/auszahlungen`. */
export const auszahlungCreateSchema = z.strictObject({
  datum: isoDateSchema,
  betragCent: centSchema.min(1, { message: 'muss größer als 0 sein' }),
  version: versionSchema,
});

/** The tables of the funding view, each downloadable (`GET /api/foerderung?tabelle=…&format=…`). */
export const FOERDER_TABELLEN = ['jahre', 'handlungsfeld', 'zweck', 'polizeidirektion', 'kreis'] as const;
export type FoerderungTabelle = (typeof FOERDER_TABELLEN)[number];

/** Query of `GET /api/foerderantraege`. */
export const foerderantraegeQuerySchema = z.strictObject({
  stand: isoDateSchema.optional(),
  jahr: z.coerce.number({ message: 'muss eine Jahreszahl sein' }).int().min(2019).max(2100).optional(),
  pd: polizeidirektionSchema.optional(),
  kreis: kreisAgsSchema.optional(),
  format: formatSchema.optional(),
});

/** Query of `GET /api/foerderung`: as the applications, and which of its tables a file holds. */
export const foerderungQuerySchema = foerderantraegeQuerySchema.extend({
  tabelle: z.enum(FOERDER_TABELLEN, { message: `muss eine von ${FOERDER_TABELLEN.join(', ')} sein` }).optional(),
});

/** Body of `POST /api/kommunen/:ags/kommentare`. */
export const kommentarCreateSchema = z.strictObject({
  text: z
    .string({ message: 'muss ein Text sein' })
    .trim()
    .min(1, { message: 'darf nicht leer sein' })
    .max(2000, { message: 'darf höchstens 2000 Zeichen lang sein' }),
});

const kurzerTextSchema = (max: number) =>
  z
    .string({ message: 'muss ein Text sein' })
    .trim()
    .max(max, { message: `darf höchstens ${max} Zeichen lang sein` });

/**
 * A contact person's fields. Their values (phone, e-mail, dates, consent) are checked by the rules
 * in `ansprechpartner-regeln.ts`, which answer 422 naming the field; here only the shape (400).
 */
const ansprechpartnerFields = {
  rolle: z.enum(ANSPRECHPARTNER_ROLLEN, { message: 'ist keine bekannte Rolle' }),
  name: kurzerTextSchema(120),
  organisation: kurzerTextSchema(200).nullable(),
  telefon: kurzerTextSchema(40).nullable(),
  email: kurzerTextSchema(254).nullable(),
  notiz: noteSchema,
  seit: isoDateSchema.nullable(),
  bis: isoDateSchema.nullable(),
  oeffentlich: z.boolean({ message: 'muss ja oder nein sein' }),
  rechtsgrundlage: z.enum(RECHTSGRUNDLAGEN, { message: `muss eine von ${RECHTSGRUNDLAGEN.join(', ')} sein` }),
  einwilligungAm: isoDateSchema.nullable(),
  benutzerId: idSchema.nullable(),
};

/** Body of `POST /api/kommunen/:ags/ansprechpartner`. */
export const ansprechpartnerCreateSchema = z.strictObject({
  ...ansprechpartnerFields,
  name: ansprechpartnerFields.name.default(''),
  organisation: ansprechpartnerFields.organisation.default(null),
  telefon: ansprechpartnerFields.telefon.default(null),
  email: ansprechpartnerFields.email.default(null),
  seit: ansprechpartnerFields.seit.default(null),
  bis: ansprechpartnerFields.bis.default(null),
  oeffentlich: ansprechpartnerFields.oeffentlich.default(false),
  einwilligungAm: ansprechpartnerFields.einwilligungAm.default(null),
  benutzerId: ansprechpartnerFields.benutzerId.default(null),
});
export type AnsprechpartnerEingabe = z.infer<typeof ansprechpartnerCreateSchema>;

/** Body of `PATCH /api/ansprechpartner/:id`: the fields that change, and the version of the contact seen. */
export const ansprechpartnerUpdateSchema = z
  .strictObject(ansprechpartnerFields)
  .partial()
  .extend({ version: versionSchema });

const wiedervorlageFields = {
  was: z
    .string({ message: 'muss ein Text sein' })
    .trim()
    .min(3, { message: 'braucht mindestens 3 Zeichen' })
    .max(500, { message: 'darf höchstens 500 Zeichen lang sein' }),
  /** Checked against today by the rules (422): from 2019, at most five years ahead. */
  faelligAm: isoDateSchema,
  zustaendigId: idSchema.nullable(),
  meilensteinKind: meilensteinKindSchema.nullable(),
};

/** Body of `POST /api/kommunen/:ags/wiedervorlagen`. */
export const wiedervorlageCreateSchema = z.strictObject({
  ...wiedervorlageFields,
  zustaendigId: wiedervorlageFields.zustaendigId.default(null),
  meilensteinKind: wiedervorlageFields.meilensteinKind.default(null),
});
export type WiedervorlageEingabe = z.infer<typeof wiedervorlageCreateSchema>;

/** Body of `PATCH /api/wiedervorlagen/:id`: changed fields, done or reopened, with the version seen. */
export const wiedervorlageUpdateSchema = z.strictObject({
  was: wiedervorlageFields.was.optional(),
  faelligAm: wiedervorlageFields.faelligAm.optional(),
  zustaendigId: wiedervorlageFields.zustaendigId.optional(),
  meilensteinKind: wiedervorlageFields.meilensteinKind.optional(),
  erledigt: z.boolean({ message: 'muss ja oder nein sein' }).optional(),
  version: versionSchema,
});
export type WiedervorlageAenderung = z.infer<typeof wiedervorlageUpdateSchema>;

/** Query of `GET /api/wiedervorlagen`: whose, open or done, which area or Kommune. */
export const wiedervorlagenQuerySchema = z.strictObject({
  zustaendig: z.enum(['ich', 'alle'], { message: 'muss ich oder alle sein' }).default('alle'),
  erledigt: z.enum(['ja', 'nein'], { message: 'muss ja oder nein sein' }).optional(),
  pd: polizeidirektionSchema.optional(),
  ags: agsSchema.optional(),
  format: formatSchema.optional(),
});

const monateSchema = z
  .number({ message: 'muss eine Zahl von Monaten sein' })
  .int({ message: 'muss eine ganze Zahl sein' })
  .min(1, { message: 'muss mindestens 1 sein' })
  .max(60, { message: 'darf höchstens 60 sein' });

/** Body of `PUT /api/stockt/schwellen`: every threshold, in months. */
export const stocktSchwellenSchema = z.strictObject({
  vorvereinbarungMonate: monateSchema,
  analyseMonate: monateSchema,
  kprMonate: monateSchema,
  kontaktMonate: monateSchema,
  nachweisMonate: monateSchema,
});

/** Query of `GET /api/stockt`: the area within the scope, and the file format. */
export const stocktQuerySchema = z.strictObject({
  pd: polizeidirektionSchema.optional(),
  kreis: kreisAgsSchema.optional(),
  format: formatSchema.optional(),
});

/** Query of `GET /api/aktivitaet` and `GET /api/kommunen/:ags/verlauf`: newest first, `vor` pages back. */
export const aktivitaetQuerySchema = z.strictObject({
  limit: z.coerce.number({ message: 'muss eine Zahl sein' }).int().min(1).max(200).default(50),
  vor: z.coerce.number({ message: 'muss eine Zahl sein' }).int().positive().optional(),
  format: formatSchema.optional(),
});

/** Payload of the socket message `presence:set`. */
export const presenceStateSchema = z.strictObject({ ags: agsSchema.nullable(), editing: z.boolean() });

/** Body of `POST /api/benachrichtigungen/gelesen`: the ids read, or all when none are named. */
export const gelesenSchema = z.strictObject({
  ids: z.array(idSchema).max(500).optional(),
});

/** Body of `PUT /api/praesentation`. */
export const praesentationSetzenSchema = z.strictObject({
  szene: z.enum(SZENEN, { message: `muss eine von ${SZENEN.join(', ')} sein` }),
  stand: isoDateSchema.nullable(),
});
export type PraesentationSetzen = z.infer<typeof praesentationSetzenSchema>;

/** Body of `POST /api/kiosk-links`. */
export const kioskLinkCreateSchema = z.strictObject({
  name: z
    .string({ message: 'muss ein Text sein' })
    .trim()
    .min(3, { message: 'braucht mindestens 3 Zeichen (z. B. „Fachtag 2026, Saal 1“)' })
    .max(80, { message: 'darf höchstens 80 Zeichen lang sein' }),
  zeigtKleineFoerderzahlen: z.boolean({ message: 'muss ja oder nein sein' }).default(false),
});
export type KioskLinkCreate = z.infer<typeof kioskLinkCreateSchema>;
