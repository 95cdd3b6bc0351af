import { z } from 'zod';
import { de } from 'zod/locales';
import { EARLIEST_DATE, isIsoDate } from './dates.ts';
import { ROLES, type Role } from './access.ts';
import { POLIZEIDIREKTION_IDS, type PolizeidirektionId } from './kommune.ts';

// Users read these messages, so zod's own ones are German too (per parse: no global side effect).
const { localeError } = de();

/** A day written YYYY-MM-DD, not before 2018. */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'muss ein Datum im Format JJJJ-MM-TT sein' })
  .refine((value) => value >= EARLIEST_DATE, { message: `darf nicht vor dem ${EARLIEST_DATE} liegen` });

export const polizeidirektionSchema = z.enum(POLIZEIDIREKTION_IDS, {
  message: `muss eine von ${POLIZEIDIREKTION_IDS.join(', ')} sein`,
});

export const kreisAgsSchema = z
  .string()
  .regex(/^14\d{3}$/, { message: 'muss ein sächsischer Kreisschlüssel (14xxx) sein' });

/** Query of `GET /api/kommunen`. */
export const kommunenQuerySchema = z.strictObject({ stand: isoDateSchema.optional() });

/** Query of `GET /api/kpi`. */
export const kpiQuerySchema = z.strictObject({
  stand: isoDateSchema.optional(),
  pd: polizeidirektionSchema.optional(),
  kreis: kreisAgsSchema.optional(),
});

/** Query of `GET /api/kpi/verlauf`. */
export const kpiVerlaufQuerySchema = z.strictObject({
  bis: isoDateSchema.optional(),
  pd: polizeidirektionSchema.optional(),
  kreis: kreisAgsSchema.optional(),
});

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

/** Body of `POST /api/users`. */
export const userCreateSchema = z
  .strictObject({
    email: emailSchema,
    name: nameSchema,
    role: roleSchema,
    polizeidirektion: polizeidirektionSchema.nullable().optional(),
    password: passwordSchema,
  })
  .refine(pdMatchesRole, pdRoleMessage);

/** Body of `PATCH /api/users/:id`; a role change must bring the matching Polizeidirektion. */
export const userUpdateSchema = z
  .strictObject({
    name: nameSchema.optional(),
    role: roleSchema.optional(),
    polizeidirektion: polizeidirektionSchema.nullable().optional(),
    active: z.boolean({ message: 'muss true oder false sein' }).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Keine Änderung angegeben' })
  .refine(pdMatchesRole, pdRoleMessage);

/** Body of `POST /api/users/:id/password`. */
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

/** A numeric id in a path, e.g. `/api/users/:id`. */
export const idParamSchema = z.coerce.number({ message: 'muss eine Zahl sein' }).int().positive();

export type UserCreate = z.infer<typeof userCreateSchema>;
export type UserUpdate = z.infer<typeof userUpdateSchema>;
export type ViewAs = z.infer<typeof viewAsSchema>;
