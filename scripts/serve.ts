import { createServer } from "node:http";
import { resolve } from "node:path";
import { getRequestListener } from "@hono/node-server";
import next from "next";
import { apiApp } from "@/lib/api/create-api-app";
import { isMachinePath } from "@/lib/api/machine-paths";
import { warmEntraKeys } from "@/lib/auth/warm-entra-keys";
import { getConfig } from "@/lib/config";
import { disconnectDb, getDb } from "@/lib/db";
import { log } from "@/lib/log";
import { startHealthChecker } from "@/lib/servers/discovery/health-checker";
import { systemContext } from "@/lib/system-context";

/**
 * The production server (`npm start` runs it after migrations): one Node HTTP server that hands
 * machine paths (lib/api/machine-paths.ts) straight to the API application and everything else
 * to Next. Machines never pay for Next's router; people get the pages unchanged.
 */
async function main() {
  const config = getConfig();
  const nextApp = next({ dev: false, dir: resolve(import.meta.dirname, ".."), port: config.port });
  await nextApp.prepare();
  const handlePage = nextApp.getRequestHandler();
  // Next shares this process: keep the platform's Request/Response (Hono's adapter would swap them).
  const handleMachine = getRequestListener(apiApp().fetch, { overrideGlobalObjects: false });

  warmEntraKeys();
  const server = createServer((request, response) => {
    if (isMachinePath(request.url ?? "/")) void handleMachine(request, response);
    else void handlePage(request, response);
  });
  // Idle keep-alive connections outlive a load balancer's (commonly 60 s), so reused connections are not reset mid-request.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(config.port, () => log.info("listening", { port: config.port, url: config.registryUrl }));

  // Health is per instance: each probes every enabled server (REGISTRY_HEALTH_INTERVAL_SECONDS, 0: off).
  // The registry probes on its own behalf, so the checker gets the system context (no request's access).
  const healthChecker =
    config.healthIntervalSeconds > 0
      ? startHealthChecker(systemContext(getDb(), "health-checker"), {
          intervalMs: config.healthIntervalSeconds * 1000,
        })
      : null;

  const stop = () => {
    void healthChecker?.stop();
    // Once the last request is done, disconnectDb writes the usage rows still queued (lib/db.ts).
    server.close(() => void disconnectDb().finally(() => process.exit(0)));
    server.closeIdleConnections();
    // In-flight requests get a moment to finish; streams (MCP SSE) are cut after it.
    setTimeout(() => server.closeAllConnections(), 5_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
