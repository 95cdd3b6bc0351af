import { z } from 'zod';
import { de } from 'zod/locales';
import { EARLIEST_DATE, isIsoDate } from './dates.ts';
import { POLIZEIDIREKTION_IDS } from './kommune.ts';

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
