import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { ConfigError, parseConfig } from "@/lib/config";
import { startBundledEmulator } from "./launch/bundled-emulator";
import { prepareDatabase } from "./launch/prepare-database";

/**
 * `npm start` and `npm run demo`: validate configuration, start the bundled Entra emulator when
 * asked (or when no tenant is configured), apply pending migrations, ensure the built-ins, seed
 * the demo data on an empty database (demo only), then serve the production build on PORT
 * (scripts/serve.ts: the API application for machine paths, Next for pages).
 */
async function main() {
  const demo = process.argv.includes("--demo");
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  env.REGISTRY_DATA_DIR = resolve(env.REGISTRY_DATA_DIR || "./.data");
  const emulatorWanted = env.ENTRA_EMULATOR
    ? env.ENTRA_EMULATOR === "true" || env.ENTRA_EMULATOR === "1"
    : !env.ENTRA_TENANT_IDS;

  let stopEmulator = async () => {};
  if (emulatorWanted) {
    const { emulator, env: emulatorEnv } = await startBundledEmulator(
      env.REGISTRY_DATA_DIR,
      Number(env.ENTRA_EMULATOR_PORT || 3443),
    );
    for (const [key, value] of Object.entries(emulatorEnv))
      if (!env[key] || key === "ENTRA_EMULATOR" || key === "NODE_EXTRA_CA_CERTS") env[key] = value;
    stopEmulator = () => emulator.close();
    console.log(`Entra ID emulator: ${emulator.url} (tenant ${env.ENTRA_TENANT_IDS})`);
  }

  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const { seeded } = await prepareDatabase(env, { seedDemo: demo });
  if (seeded) console.log("Seeded the demo catalog, groups, users and M2M accounts.");

  if (!existsSync(".next/BUILD_ID")) {
    console.error("No production build found: run `npm run build` first.");
    process.exit(1);
  }
  const port = env.PORT || "3000";
  // The registry's own server (scripts/serve.ts): the API application and Next in one process.
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: { ...env, PORT: port, NODE_ENV: "production" },
    stdio: "inherit",
  });
  console.log(`MCP Registry: ${env.REGISTRY_URL || `http://localhost:${port}`}`);
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", async (code) => {
    await stopEmulator();
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
