import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadEmulatorConfig, type EmulatorConfig } from "@/entra-emulator/config";
import { startEntraEmulator, type EntraEmulator } from "@/entra-emulator/server";
import { ensureTlsCertificate } from "@/entra-emulator/tls";

export const DEMO_TENANT_FILE = resolve("entra-emulator/demo-tenant.json");

type EmulatorApp = EmulatorConfig["tenants"][number]["apps"][number];

/** The registry's own API app in the first tenant: the first app that exposes roles or an App ID URI. */
function registryApiApp(config: EmulatorConfig): EmulatorApp {
  const apps = config.tenants[0]!.apps;
  return apps.find((app) => (app.appRoles ?? []).length > 0 || (app.identifierUris ?? []).length > 0) ?? apps[0]!;
}

/**
 * Starts the bundled Entra ID emulator and returns the environment that points the registry
 * at it: the demo tenant, the registry API app and its secret, the authority, and the
 * certificate to trust (NODE_EXTRA_CA_CERTS must be set when the server process starts).
 */
export async function startBundledEmulator(
  dataDir: string,
  port: number,
): Promise<{ emulator: EntraEmulator; env: Record<string, string> }> {
  const configFile = process.env.ENTRA_EMULATOR_CONFIG ?? DEMO_TENANT_FILE;
  const config = withRegistryCallback(await loadEmulatorConfig(configFile), process.env.REGISTRY_URL);
  // ENTRA_EMULATOR_TLS_DIR lets tests share one certificate that the test runner already trusts.
  const tlsDir = process.env.ENTRA_EMULATOR_TLS_DIR
    ? resolve(process.env.ENTRA_EMULATOR_TLS_DIR)
    : join(dataDir, "entra-emulator", "tls");
  const { certPath } = await ensureTlsCertificate(tlsDir);
  const emulator = await startEntraEmulator({
    config,
    tlsDir,
    keysFile: join(dataDir, "entra-emulator", "signing-keys.json"),
    port,
  });
  const tenant = config.tenants[0]!;
  const api = registryApiApp(config);
  return {
    emulator,
    env: {
      ENTRA_TENANT_IDS: tenant.id,
      ENTRA_CLIENT_ID: api.clientId,
      ENTRA_CLIENT_SECRET: api.clientSecret ?? "",
      ENTRA_AUTHORITY_HOST: emulator.url,
      ENTRA_GRAPH_URL: emulator.url,
      ENTRA_EMULATOR: "true",
      ENTRA_EMULATOR_TENANT_NAME: tenant.displayName,
      ENTRA_EMULATOR_CA_CERT: resolve(certPath),
      ENTRA_EMULATOR_CONFIG: resolve(configFile),
      NODE_EXTRA_CA_CERTS: trustBundle(certPath, join(dataDir, "entra-emulator", "ca-bundle.pem")),
    },
  };
}

/**
 * NODE_EXTRA_CA_CERTS names one file, and a machine may already use it for its own CAs: write a
 * bundle of those plus the emulator's certificate, so both stay trusted.
 */
function trustBundle(certPath: string, bundlePath: string): string {
  const existing = process.env.NODE_EXTRA_CA_CERTS;
  const parts = [readFileSync(certPath, "utf8")];
  if (existing && resolve(existing) !== resolve(bundlePath)) {
    try {
      parts.push(readFileSync(existing, "utf8"));
    } catch {
      // An unreadable extra-CA file would be ignored by Node too.
    }
  }
  writeFileSync(bundlePath, parts.join("\n"), { mode: 0o644 });
  return bundlePath;
}

/**
 * Entra accepts any port on a loopback redirect URI, so the demo's localhost callback covers
 * local runs; a REGISTRY_URL on another host needs its own callback registered on the API app.
 */
function withRegistryCallback(config: EmulatorConfig, registryUrl: string | undefined): EmulatorConfig {
  if (!registryUrl) return config;
  const callback = `${registryUrl.replace(/\/+$/, "")}/auth/callback`;
  const api = registryApiApp(config);
  if (api.redirectUris.includes(callback)) return config;
  const withCallback = (app: EmulatorApp) =>
    app === api ? { ...app, redirectUris: [...app.redirectUris, callback] } : app;
  return {
    ...config,
    tenants: config.tenants.map((tenant, index) =>
      index === 0 ? { ...tenant, apps: tenant.apps.map(withCallback) } : tenant,
    ),
  };
}
