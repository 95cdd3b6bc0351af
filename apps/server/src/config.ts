import { z } from 'zod';
import { API_REQUESTS_PER_MINUTE } from './rate-limit.ts';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z
  .object({
    NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'muss mit postgres:// oder postgresql:// beginnen')
      .optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    DEMO: booleanFlag.default(true),
    ADMIN_EMAIL: z.email('muss eine E-Mail-Adresse sein').optional(),
    ADMIN_PASSWORD: z.string().min(12, 'muss mindestens 12 Zeichen lang sein').optional(),
    SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
    SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
    TRUST_PROXY: z.string().min(1).optional(),
    DASHBOARD_BUILD: z.string().min(1).optional(),
    CHROMIUM_PATH: z.string().min(1).optional(),
    METRICS_TOKEN: z.string().min(16, 'muss mindestens 16 Zeichen lang sein').optional(),
    SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(500),
    SOCKETS_PER_BENUTZER: z.coerce.number().int().min(1).max(1_000_000).default(20),
    API_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(API_REQUESTS_PER_MINUTE),
  })
  .refine((c) => (c.ADMIN_EMAIL === undefined) === (c.ADMIN_PASSWORD === undefined), {
    message: 'ADMIN_EMAIL und ADMIN_PASSWORD nur gemeinsam angeben',
    path: ['ADMIN_PASSWORD'],
  });

export type Config = z.infer<typeof schema>;

/** Reads the configuration from the environment; throws a message naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Ungültige Konfiguration – ${problems.join('; ')}`);
}
