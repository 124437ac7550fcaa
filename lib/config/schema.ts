import { z } from "zod";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const csv = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

const guidList = csv.refine((items) => items.every((item) => GUID.test(item)), {
  message: "must be a comma-separated list of GUIDs (tenant or object ids)",
});

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => (value === undefined || value === "" ? undefined : value === "true" || value === "1"));

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https anywhere; plain http only on a loopback address (local emulators and tests). */
export const authorityHostSchema = z
  .string()
  .url({ message: "must be a URL like https://login.microsoftonline.com" })
  .refine(
    (value) => {
      const url = new URL(value);
      return url.protocol === "https:" || (url.protocol === "http:" && loopbackHosts.has(url.hostname));
    },
    { message: "must use https (http is allowed only on a loopback address)" },
  )
  .transform((value) => value.replace(/\/+$/, ""));

/**
 * Every configuration variable, validated once at start-up (SPEC §9). The emulator defaults
 * (tenant, client id, secret, authority) are filled in by the start script before this runs.
 */
export const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  REGISTRY_URL: z.string().url().optional(),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((value) => !value || /^postgres(ql)?:\/\//.test(value), {
      message: "must start with postgres:// or postgresql:// (leave it unset for the embedded database)",
    }),
  REGISTRY_DATA_DIR: z.string().min(1).default("./.data"),
  ENTRA_TENANT_IDS: guidList,
  ENTRA_CLIENT_ID: z.string().regex(GUID, "must be the API app's client id (a GUID)").optional(),
  ENTRA_APP_ID_URIS: csv,
  ENTRA_CLIENT_SECRET: z.string().optional(),
  ENTRA_CLOUD: z.enum(["public", "usgov", "china"]).default("public"),
  ENTRA_AUTHORITY_HOST: authorityHostSchema.optional(),
  /** Microsoft Graph's base URL (the emulator's for the demo); the cloud's Graph host by default. */
  ENTRA_GRAPH_URL: authorityHostSchema.optional(),
  ENTRA_EMULATOR: booleanFlag,
  ENTRA_EMULATOR_TENANT_NAME: z.string().trim().max(200).optional(),
  /** Set by the start script when it runs the emulator: its self-signed certificate and its apps (for help snippets). */
  ENTRA_EMULATOR_CA_CERT: z.string().optional(),
  ENTRA_EMULATOR_CONFIG: z.string().optional(),
  REGISTRY_ADMIN_ENTRA_GROUPS: csv,
  REGISTRY_ADMIN_APP_ROLES: csv,
  REGISTRY_BOOTSTRAP_M2M_ADMINS: csv.refine(
    (items) => items.every((item) => /^[^/]+\/[^/]+$/.test(item) && item.split("/").every((part) => GUID.test(part))),
    { message: "must be comma-separated tenantId/clientId pairs of GUIDs" },
  ),
  REGISTRY_REQUIRE_APP_ROLE: z.string().optional(),
  REGISTRY_TOKEN_MAX_TTL_HOURS: z.coerce.number().int().min(1).max(87600).default(2160),
  REGISTRY_SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(8),
  REGISTRY_SECRETS_KEY: z
    .string()
    .trim()
    .optional()
    .refine(
      (value) => !value || (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value) && Buffer.from(value, "base64").length === 32),
      {
        message: "must be 32 random bytes, base64-encoded (generate one with: openssl rand -base64 32)",
      },
    ),
  REGISTRY_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** Seconds between background health probes of every enabled server; 0 turns them off. */
  REGISTRY_HEALTH_INTERVAL_SECONDS: z.coerce
    .number({ message: "must be a whole number of seconds (0 turns the health checker off)" })
    .int("must be a whole number of seconds (0 turns the health checker off)")
    .refine((value) => value === 0 || (value >= 10 && value <= 86_400), {
      message: "must be 0 (off) or between 10 and 86400 seconds",
    })
    .default(300),
});

export type Environment = z.infer<typeof environmentSchema>;
