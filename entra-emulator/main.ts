import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadEmulatorConfig } from "./config";
import { isResourceApp } from "./directory";
import { startEntraEmulator } from "./server";

/** `npm run entra-emulator`: the emulator as a standalone HTTPS server. */
async function main(): Promise<void> {
  const configPath = process.env.ENTRA_EMULATOR_CONFIG
    ? resolve(process.env.ENTRA_EMULATOR_CONFIG)
    : fileURLToPath(new URL("./demo-tenant.json", import.meta.url));
  const portText = process.env.ENTRA_EMULATOR_PORT ?? "3443";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    throw new Error(`ENTRA_EMULATOR_PORT must be a port number (0-65535), got '${portText}'`);
  const dataDir = resolve(process.env.REGISTRY_DATA_DIR ?? ".data", "entra-emulator");

  const config = await loadEmulatorConfig(configPath);
  const emulator = await startEntraEmulator({
    config,
    tlsDir: join(dataDir, "tls"),
    keysFile: join(dataDir, "signing-keys.json"),
    port,
    host: process.env.ENTRA_EMULATOR_HOST ?? "127.0.0.1",
  });

  const host = new URL(emulator.url).host;
  const lines = [
    `Entra ID emulator listening on ${emulator.url} (config ${configPath})`,
    "",
    "A client process needs, in its environment at start:",
    `  NODE_EXTRA_CA_CERTS=${join(dataDir, "tls", "cert.pem")}`,
    `  ENTRA_AUTHORITY_HOST=${emulator.url}`,
    `and for @azure/msal-node: authority "${emulator.url}/<tenant id>", knownAuthorities ["${host}"]`,
  ];
  for (const tenant of config.tenants) {
    lines.push("", `Tenant ${tenant.displayName}: ${tenant.id}`, `  authority ${emulator.url}/${tenant.id}`);
    for (const app of tenant.apps) {
      const kind = isResourceApp(app) ? `API, v${app.requestedAccessTokenVersion ?? 1} tokens` : "client";
      lines.push(`  app ${app.displayName}: ${app.clientId} (${kind})`);
    }
    for (const user of tenant.users) lines.push(`  user ${user.displayName} <${user.userPrincipalName}>`);
  }
  console.log(lines.join("\n"));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the Entra ID emulator`);
    emulator.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(`entra-emulator: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
