// npm run bench — SPEC §10 scale: 10,000 servers, 200,000 tools, 1,000 groups, 10,000 M2M
// accounts in the embedded database. The production server (`npm start`) answers GET
// /api/servers, /api/tools?q= and /api/me for an M2M Entra token with a restricted group; the
// same load (autocannon, BENCH_CONNECTIONS in flight, rounds interleaved) goes to a bare
// node:http server that only verifies the token with jose (the baseline), and to constant-JSON
// servers that show the frameworks' own ceilings.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import { startFakeEntraIssuer } from "@/tests/support/fake-entra-issuer";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { migrateDeploy } from "@/scripts/launch/migrate";
import { generateCatalog, SIZES } from "./generate-catalog";
import { formatTable, measureInterleaved, type Target } from "./load";
import { processTreeCpuMs } from "./process-cpu";
import { BENCH_UPSTREAM_TOOLS } from "./upstream-tools";

const TENANT = "77ac5383-74a0-4b68-ae2c-83504351a44e";
const API = "81382876-ac08-4e70-a240-ad7c89ed8dfe";
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    child.stdout!.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once("exit", (code) => reject(new Error(`exited early (${code})`)));
  });
}

async function waitForHealth(url: string, child: ChildProcess) {
  let exited = false;
  child.once("exit", () => (exited = true));
  for (;;) {
    if (exited) throw new Error("the registry exited before it answered");
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      await delay(100); // a bench script polling start-up, not a test
    }
  }
}

/** A JSON-RPC POST as an MCP client sends it over Streamable HTTP. */
function mcp(
  method: string,
  params: object,
  headers: Record<string, string>,
): Pick<Target, "method" | "headers" | "body"> {
  return {
    method: "POST",
    headers: {
      ...headers,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2025-06-18",
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  };
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  // A fresh embedded database, migrated the way `npm start` migrates it, then filled.
  const dataDir = mkdtempSync(join(tmpdir(), "registry-bench-"));
  const database = {
    env: { REGISTRY_DATA_DIR: dataDir, DATABASE_URL: "" },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
  await migrateDeploy({ ...process.env, ...database.env });
  const issuer = await startFakeEntraIssuer();
  const children: ChildProcess[] = [];
  try {
    let started = performance.now();
    const upstream = spawn(process.execPath, ["--import", "tsx", "bench/upstream-mcp.ts"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(upstream);
    const upstreamUrl = `http://127.0.0.1:${await firstLine(upstream)}/mcp`;
    const gateway = { slug: "bench-upstream", url: upstreamUrl, tools: BENCH_UPSTREAM_TOOLS };
    const { clientId } = generateCatalog(join(database.env.REGISTRY_DATA_DIR!, "registry.db"), TENANT, gateway);
    console.log(
      `generated ${SIZES.servers} servers, ${SIZES.servers * SIZES.toolsPerServer} tools, ${SIZES.groups} groups, ${SIZES.m2mAccounts} M2M accounts in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const now = Math.floor(Date.now() / 1000);
    const iss = `https://login.microsoftonline.com/${TENANT}/v2.0`;
    const token = issuer.sign({
      aud: API,
      iss,
      iat: now,
      nbf: now,
      exp: now + 3600,
      azp: clientId,
      azpacr: "1",
      idtyp: "app",
      oid: "0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b",
      sub: "0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b",
      tid: TENANT,
      ver: "2.0",
    });
    const headers = { authorization: `Bearer ${token}` };

    const port = String(20000 + Math.floor(Math.random() * 20000));
    const env = {
      ...process.env,
      ...database.env,
      PORT: port,
      ENTRA_TENANT_IDS: TENANT,
      ENTRA_CLIENT_ID: API,
      ENTRA_AUTHORITY_HOST: issuer.authorityHost,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    // Started as users start it: `npm start` (scripts/start.ts → scripts/serve.ts). BENCH_PROFILE=<dir>
    // runs the server process itself (the database is already migrated) with a CPU profile written there.
    const profile = process.env.BENCH_PROFILE;
    const command = profile
      ? ["--cpu-prof", `--cpu-prof-dir=${profile}`, "--import", "tsx", "scripts/serve.ts"]
      : ["--import", "tsx", "scripts/start.ts"];
    const registry = spawn(process.execPath, command, {
      env: { ...env, NODE_ENV: "production", REGISTRY_LOG_LEVEL: "error" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.push(registry);
    const base = `http://localhost:${port}`;
    started = performance.now();
    await waitForHealth(base, registry);
    console.log(
      `registry (production build, SQLite) ready in ${((performance.now() - started) / 1000).toFixed(1)} s; autocannon, ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${SECONDS} s per row\n`,
    );

    const bare = spawn(
      process.execPath,
      ["--import", "tsx", "bench/bare-server.ts", `${issuer.authorityHost}/${TENANT}/discovery/v2.0/keys`, iss, API],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    children.push(bare);
    const bareUrl = `http://127.0.0.1:${await firstLine(bare)}/`;
    const trivial = spawn(process.execPath, ["--import", "tsx", "bench/trivial-servers.ts"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(trivial);
    const [barePort, honoPort] = (await firstLine(trivial)).split(" ");

    // CPU per request: the registry's process tree (npm start and the server it spawns), the upstream's own.
    // Less what the idle registry burns anyway (timers, health probes): at low rates that would dominate.
    const idleStart = { cpu: processTreeCpuMs(registry.pid!), at: performance.now() };
    await delay(2000);
    const idlePerMs = (processTreeCpuMs(registry.pid!) - idleStart.cpu) / (performance.now() - idleStart.at);
    const registryCpu = () => processTreeCpuMs(registry.pid!) - idlePerMs * performance.now();
    const upstreamCpu = () => processTreeCpuMs(upstream.pid!);
    const targets: Target[] = [
      {
        label: "GET /api/servers (M2M Entra token, restricted)",
        url: `${base}/api/servers`,
        headers,
        cpuMs: registryCpu,
      },
      { label: "GET /api/tools?q=issues (same)", url: `${base}/api/tools?q=issues`, headers, cpuMs: registryCpu },
      { label: "GET /api/me (same)", url: `${base}/api/me`, headers, cpuMs: registryCpu },
      {
        label: "gateway tools/list (same token)",
        url: `${base}/mcp/${gateway.slug}`,
        ...mcp("tools/list", {}, headers),
        cpuMs: registryCpu,
      },
      {
        label: "  the upstream's tools/list, called directly",
        url: upstreamUrl,
        ...mcp("tools/list", {}, {}),
        cpuMs: upstreamCpu,
      },
      {
        label: "gateway tools/call (same token)",
        url: `${base}/mcp/${gateway.slug}`,
        ...mcp("tools/call", { name: "search_issues", arguments: { query: "x" } }, headers),
        cpuMs: registryCpu,
      },
      {
        label: "  the upstream's tools/call, called directly",
        url: upstreamUrl,
        ...mcp("tools/call", { name: "search_issues", arguments: { query: "x" } }, {}),
        cpuMs: upstreamCpu,
      },
      { label: "bare node:http + jose (same token)", url: bareUrl, headers },
      { label: "trivial Hono route (constant JSON, no auth)", url: `http://127.0.0.1:${honoPort}/` },
      { label: "bare node:http (constant JSON, no auth)", url: `http://127.0.0.1:${barePort}/` },
    ];
    // BENCH_ONLY=<regex> measures only the matching rows (the baseline always runs).
    const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
    const chosen = only
      ? targets.filter((target) => only.test(target.label) || target.label.startsWith("bare node:http + jose"))
      : targets;
    const rows = await measureInterleaved(chosen, { rounds: ROUNDS, seconds: SECONDS, connections: CONNECTIONS });
    const baseline = rows.find((row) => row.label.startsWith("bare node:http + jose"))!;
    console.log(formatTable(rows, baseline));
    console.log(
      `\n× bare = throughput ÷ bare node:http + jose verifying the same token. CPU ms/req = CPU time of the answering process tree (the registry's for the registry rows, the upstream's for the direct rows) ÷ requests, median over rounds: unlike req/s it hardly moves with other load on the machine.`,
    );
    const overhead = (gatewayLabel: string, directLabel: string) => {
      const through = rows.find((row) => row.label === gatewayLabel);
      const direct = rows.find((row) => row.label === directLabel);
      if (!through || !direct) return "not measured";
      return `mean +${(through.mean - direct.mean).toFixed(2)} ms, p50 +${(through.p50 - direct.p50).toFixed(1)} ms, p99 +${(through.p99 - direct.p99).toFixed(1)} ms`;
    };
    console.log(
      `gateway overhead over the direct upstream call: tools/list ${overhead("gateway tools/list (same token)", "  the upstream's tools/list, called directly")}; tools/call ${overhead("gateway tools/call (same token)", "  the upstream's tools/call, called directly")}`,
    );
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await issuer.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
