import { z } from "@/lib/validation/zod";

import { parseAddressList } from "./http/address-list";

// Every environment variable the app reads, parsed once. App code imports `env`, never process.env.
const booleanish = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((v) => v === "1" || v === "true" || v === "yes");

export const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // PostgreSQL in production; unset = the embedded PGlite default (served by scripts/start.ts).
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  // A streaming replica of DATABASE_URL for the reads that tolerate lag (lib/db-replica.ts);
  // unset: every read goes to DATABASE_URL.
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  // How far behind the replica may be (ms) and still be read; further behind: the primary.
  DATABASE_REPLICA_MAX_LAG_MS: z.coerce.number().int().min(0).default(1_000),
  DATA_DIR: z.string().default(".data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // App processes `npm start` runs on PORT (scripts/lib/next-cluster.ts): one per core. Above 1
  // it needs DATABASE_URL, as the embedded database is one process's.
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  AUTH_URL: z.url().optional(),
  // smtp://user:pass@host:port or smtps://…; required outside demo mode.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  // Wraps the per-file data keys of uploaded documents (AES-256-GCM): 32 bytes, base64.
  // Unset in the embedded demo: scripts/start.ts generates one into DATA_DIR.
  MASTER_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes in base64")
    .optional(),
  MAIL_FROM: z.string().default("プライバシー窓口 <privacy@example.jp>"),
  // inline: the job worker runs inside the app process; off: run `npm run worker` apart.
  WORKER_MODE: z.enum(["inline", "off"]).default("inline"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // The proxies in front of the app (addresses or CIDRs, comma-separated): X-Forwarded-For is
  // believed across these only. Unset: the client is the socket's peer (lib/http/client-address.ts).
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseAddressList(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  // Systems on a private network the portal may call (addresses or CIDRs, comma-separated); every
  // other private, loopback, link-local or metadata address is refused (lib/http/outbound.ts).
  OUTBOUND_ALLOW: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseAddressList(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  // This organisation's id in the Data Rights Protocol's business directory (lib/drp): the
  // business-id every signed DRP message must name. Unset: the DRP endpoints answer 404.
  DRP_BUSINESS_ID: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,100}$/, "must be 1-100 letters, digits, '_', '.' or '-'")
    .optional(),
  // Demo mode (the dev mailbox instead of mail, the demo's simulated systems) only when chosen:
  // DEMO_MODE=1, or the embedded default of `npm start` (no DATABASE_URL), which passes it on.
  // Never inferred from a missing setting.
  DEMO_MODE: booleanish.optional(),
  // Demo mode only: show the dev mailbox to visitors from other machines (mail to subjects only;
  // staff, manager and admin sign-in links stay readable from this machine alone).
  DEMO_MAILBOX_REMOTE: booleanish.default(false),
  // OpenTelemetry: traces and metrics go to this OTLP/HTTP collector (http://collector:4318);
  // unset, nothing is recorded (lib/server/telemetry.ts).
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .optional(),
  // S3-compatible object storage for stored files, so several app and worker processes can share
  // them; unset = encrypted files under DATA_DIR/files. All of the four without a default, or none.
  S3_ENDPOINT: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a valid bucket name")
    .optional(),
  S3_REGION: z.string().default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  // Most self-hosted S3 servers (MinIO, Ceph, Garage) want bucket-in-path URLs.
  S3_FORCE_PATH_STYLE: booleanish.default(true),
});

const S3_REQUIRED = [
  "S3_ENDPOINT",
  "S3_BUCKET",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
] as const;

// Outside demo mode these must be set: a forgotten one would otherwise fall back to something
// weaker (no mail, a key kept on one machine's disk, links to localhost).
const REQUIRED_OUTSIDE_DEMO = {
  SMTP_URL:
    "not set; sign-in links go out by mail (set it, or DEMO_MODE=1 for a local demo with the dev mailbox)",
  AUTH_SECRET: "not set; at least 32 random characters, the same for every app process",
  MASTER_KEY: "not set; 32 bytes in base64 (without it stored documents cannot be read)",
  AUTH_URL: "not set; the portal's public URL, used in the links it mails",
} as const;

// Half an S3 configuration must stop the start, not silently write files to the local disk of
// one of several processes.
const ZEnvChecked = ZEnv.superRefine((env, ctx) => {
  const missing = S3_REQUIRED.filter((name) => env[name] === undefined);
  if (missing.length > 0 && missing.length < S3_REQUIRED.length)
    for (const name of missing)
      ctx.addIssue({
        code: "custom",
        path: [name],
        message: `missing: S3 storage needs all of ${S3_REQUIRED.join(", ")}, or none`,
      });
  if (env.WEB_CONCURRENCY > 1 && env.DATABASE_URL === undefined)
    ctx.addIssue({
      code: "custom",
      path: ["WEB_CONCURRENCY"],
      message: "above 1 needs DATABASE_URL: the embedded database serves one app process",
    });
  if (demoModeOf(env)) return;
  for (const [name, message] of Object.entries(REQUIRED_OUTSIDE_DEMO))
    if (env[name as keyof typeof REQUIRED_OUTSIDE_DEMO] === undefined)
      ctx.addIssue({ code: "custom", path: [name], message });
}).transform((env) => ({ ...env, DEMO_MODE: demoModeOf(env) }));

/** Chosen explicitly, or the embedded default (no DATABASE_URL: only `npm start` runs it). */
function demoModeOf(env: { DEMO_MODE?: boolean; DATABASE_URL?: string }): boolean {
  return env.DEMO_MODE ?? env.DATABASE_URL === undefined;
}

export type TEnv = z.infer<typeof ZEnvChecked>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  // Empty strings mean "unset", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = ZEnvChecked.safeParse(cleaned);
  if (!result.success) {
    // One line, naming each variable: start-up prints it and stops.
    const parts = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Refusing to start: ${parts.join("; ")}`);
  }
  return result.data;
}

let cached: TEnv | undefined;

export function getEnv(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

export const isDemoMode = () => getEnv().DEMO_MODE;
