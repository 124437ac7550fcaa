import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { defineConfig } from "@playwright/test";
import { freePortSync } from "./e2e/support/free-port";

/**
 * One registry per test run, started exactly as users start it (`scripts/start.ts --demo`):
 * its own data directory, a free port for the registry and one for the bundled Entra ID
 * emulator. This file is evaluated again in every worker; the values are kept in process.env,
 * which workers inherit, so all of them talk to the same server.
 */
const port = (process.env.E2E_PORT ??= String(freePortSync()));
const emulatorPort = (process.env.E2E_EMULATOR_PORT ??= String(freePortSync()));
const dataDir = (process.env.E2E_DATA_DIR ??= resolve(".test-data", `e2e-${randomBytes(6).toString("hex")}`));

const baseURL = `http://localhost:${port}`;
// The emulator reuses the certificate the test runner (scripts/test.ts) created and named in
// NODE_EXTRA_CA_CERTS, so this process (msal-node, fetch) trusts the emulator too.
const TLS_DIR = ".test-data/tls";
if (!process.env.NODE_EXTRA_CA_CERTS) {
  console.warn(
    `NODE_EXTRA_CA_CERTS is not set: tests that call the Entra ID emulator from Node will fail. Run \`npm test\`, or set NODE_EXTRA_CA_CERTS=${TLS_DIR}/cert.pem.`,
  );
}

export default defineConfig({
  testDir: "./e2e",
  outputDir: "test-results",
  workers: 2,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL,
    browserName: "chromium",
    // The emulator serves https with a self-signed certificate; the browser goes there to sign in.
    ignoreHTTPSErrors: true,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "api", testMatch: /api\/.*\.spec\.ts/, dependencies: ["setup"] },
    // After api: both link the demo's one unlinked Entra app, which can be linked only once at a time.
    { name: "ui", testMatch: /.*\.spec\.ts/, testIgnore: /api\//, dependencies: ["setup", "api"] },
  ],
  webServer: {
    command: "npx tsx scripts/start.ts --demo",
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: port,
      REGISTRY_URL: baseURL,
      REGISTRY_DATA_DIR: dataDir,
      // Empty values win over the caller's environment: always the embedded database and the
      // bundled emulator, whatever the developer's shell has set.
      DATABASE_URL: "",
      ENTRA_TENANT_IDS: "",
      ENTRA_CLIENT_ID: "",
      ENTRA_CLIENT_SECRET: "",
      ENTRA_AUTHORITY_HOST: "",
      ENTRA_EMULATOR: "true",
      ENTRA_EMULATOR_PORT: emulatorPort,
      ENTRA_EMULATOR_TLS_DIR: TLS_DIR,
      NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS ?? "",
      NEXT_TELEMETRY_DISABLED: "1",
      // No background probes: health changes only when a test asks (Check now, Discover tools).
      REGISTRY_HEALTH_INTERVAL_SECONDS: "0",
    },
  },
});
