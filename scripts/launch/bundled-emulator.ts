import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadEmulatorConfig } from "@/entra-emulator/config";
import { startEntraEmulator, type EntraEmulator } from "@/entra-emulator/server";
import { ensureTlsCertificate } from "@/entra-emulator/tls";

export const DEMO_TENANT_FILE = resolve("entra-emulator/demo-tenant.json");

/**
 * Starts the bundled Entra ID emulator and returns the environment that points the registry
 * at it: the demo tenant, the registry API app and its secret, the authority, and the
 * certificate to trust (NODE_EXTRA_CA_CERTS must be set when the server process starts).
 */
export async function startBundledEmulator(dataDir: string, port: number): Promise<{ emulator: EntraEmulator; env: Record<string, string> }> {
  const configFile = process.env.ENTRA_EMULATOR_CONFIG ?? DEMO_TENANT_FILE;
  const config = await loadEmulatorConfig(configFile);
  // ENTRA_EMULATOR_TLS_DIR lets tests share one certificate that the test runner already trusts.
  const tlsDir = process.env.ENTRA_EMULATOR_TLS_DIR ? resolve(process.env.ENTRA_EMULATOR_TLS_DIR) : join(dataDir, "entra-emulator", "tls");
  const { certPath } = await ensureTlsCertificate(tlsDir);
  const emulator = await startEntraEmulator({ config, tlsDir, keysFile: join(dataDir, "entra-emulator", "signing-keys.json"), port });
  const tenant = config.tenants[0]!;
  const api = tenant.apps.find((app) => (app.appRoles ?? []).length > 0 || (app.identifierUris ?? []).length > 0) ?? tenant.apps[0]!;
  return {
    emulator,
    env: {
      ENTRA_TENANT_IDS: tenant.id,
      ENTRA_CLIENT_ID: api.clientId,
      ENTRA_CLIENT_SECRET: api.clientSecret ?? "",
      ENTRA_AUTHORITY_HOST: emulator.url,
      ENTRA_EMULATOR: "true",
      ENTRA_EMULATOR_TENANT_NAME: tenant.displayName,
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
