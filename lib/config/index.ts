import { defaultAuthorityHost, defaultGraphUrl } from "@/lib/auth/entra/issuers";
import { environmentSchema } from "./schema";

export interface RegistryConfig {
  port: number;
  registryUrl: string;
  secureCookies: boolean;
  databaseUrl: string | undefined;
  dataDir: string;
  entra: {
    tenantIds: string[];
    clientId: string;
    clientSecret: string | undefined;
    appIdUris: string[];
    cloud: "public" | "usgov" | "china";
    authorityHost: string;
    /** Where Microsoft Graph is called (ENTRA_GRAPH_URL); tokens are still asked for the cloud's Graph resource. */
    graphUrl: string;
    emulator: boolean;
    /** The emulator's tenant display name, for the sign-in page. */
    emulatorTenantName: string | undefined;
    /** The running emulator's self-signed certificate (absolute path), for copy-paste help. */
    emulatorCaCert: string | undefined;
    /** The running emulator's tenants and apps (JSON file), to name demo secrets in help. */
    emulatorConfigFile: string | undefined;
    requireAppRole: string | undefined;
  };
  bootstrap: {
    adminEntraGroups: string[];
    adminAppRoles: string[];
    m2mAdmins: { tenantId: string; clientId: string }[];
  };
  tokenMaxTtlHours: number;
  sessionTtlHours: number;
  /** AES-256-GCM key for secrets stored at rest (upstream credentials); undefined: storing them is refused. */
  secretsKey: Buffer | undefined;
  /** How long the MCP gateway waits for an upstream's first byte. */
  gatewayTimeoutMs: number;
  /** Seconds between background health probes (scripts/serve.ts); 0: off. */
  healthIntervalSeconds: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses and validates the environment; throws ConfigError naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): RegistryConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.ENTRA_TENANT_IDS.length === 0)
    problems.push("ENTRA_TENANT_IDS: required (or run with the bundled emulator: npm run demo)");
  if (!e.ENTRA_CLIENT_ID) problems.push("ENTRA_CLIENT_ID: required: the registry API app's client id");
  if (problems.length > 0) throw new ConfigError(problems);

  const registryUrl = (e.REGISTRY_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return {
    port: e.PORT,
    registryUrl,
    secureCookies: registryUrl.startsWith("https://"),
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: e.REGISTRY_DATA_DIR,
    entra: {
      tenantIds: e.ENTRA_TENANT_IDS.map((id) => id.toLowerCase()),
      clientId: e.ENTRA_CLIENT_ID!.toLowerCase(),
      clientSecret: e.ENTRA_CLIENT_SECRET || undefined,
      appIdUris: e.ENTRA_APP_ID_URIS,
      cloud: e.ENTRA_CLOUD,
      authorityHost: e.ENTRA_AUTHORITY_HOST ?? defaultAuthorityHost(e.ENTRA_CLOUD),
      graphUrl: e.ENTRA_GRAPH_URL ?? defaultGraphUrl(e.ENTRA_CLOUD),
      emulator: e.ENTRA_EMULATOR ?? false,
      emulatorTenantName: e.ENTRA_EMULATOR_TENANT_NAME || undefined,
      emulatorCaCert: e.ENTRA_EMULATOR ? e.ENTRA_EMULATOR_CA_CERT || undefined : undefined,
      emulatorConfigFile: e.ENTRA_EMULATOR ? e.ENTRA_EMULATOR_CONFIG || undefined : undefined,
      requireAppRole: e.REGISTRY_REQUIRE_APP_ROLE || undefined,
    },
    bootstrap: {
      adminEntraGroups: e.REGISTRY_ADMIN_ENTRA_GROUPS,
      adminAppRoles: e.REGISTRY_ADMIN_APP_ROLES,
      m2mAdmins: e.REGISTRY_BOOTSTRAP_M2M_ADMINS.map((pair) => {
        const [tenantId, clientId] = pair.toLowerCase().split("/") as [string, string];
        return { tenantId, clientId };
      }),
    },
    tokenMaxTtlHours: e.REGISTRY_TOKEN_MAX_TTL_HOURS,
    sessionTtlHours: e.REGISTRY_SESSION_TTL_HOURS,
    secretsKey: e.REGISTRY_SECRETS_KEY ? Buffer.from(e.REGISTRY_SECRETS_KEY, "base64") : undefined,
    gatewayTimeoutMs: e.REGISTRY_GATEWAY_TIMEOUT_MS,
    healthIntervalSeconds: e.REGISTRY_HEALTH_INTERVAL_SECONDS,
  };
}

let cached: RegistryConfig | undefined;

/** The process configuration, parsed once. */
export function getConfig(): RegistryConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
