import { z } from 'zod';

const optional = (schema: z.ZodString) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(schema.optional());

/** The intake form's fields as support needs them; checked on the server whatever the card did. */
export const intakeSchema = z.object({
  description: z.string().trim().min(10).max(2000),
  email: optional(z.string().email()),
  mcid: optional(z.string().regex(/^\d{5,12}$/)),
  partnerId: optional(z.string().regex(/^\d{5,10}$/)),
  errorMessage: optional(z.string().max(1000)),
});

export type IntakeFields = z.infer<typeof intakeSchema>;
export type IntakeField = keyof IntakeFields;
export const INTAKE_FIELDS: readonly IntakeField[] = ['description', 'email', 'mcid', 'partnerId', 'errorMessage'];

export type IntakeResult =
  { readonly ok: true; readonly fields: IntakeFields } | { readonly ok: false; readonly invalid: readonly IntakeField[] };

export function validateIntake(raw: Partial<Record<IntakeField, string>>): IntakeResult {
  const parsed = intakeSchema.safeParse(raw);
  if (parsed.success) return { ok: true, fields: parsed.data };
  const invalid = new Set(parsed.error.issues.map((i) => i.path[0] as IntakeField));
  return { ok: false, invalid: INTAKE_FIELDS.filter((f) => invalid.has(f)) };
}
