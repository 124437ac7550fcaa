// npm run bench — SPEC §10 scale: 10,000 servers, 200,000 tools, 1,000 groups, 10,000 M2M
// accounts in the embedded database; the production build answers GET /api/servers and
// GET /api/tools?q= for an M2M Entra token with a restricted group; the same request count
// goes to a bare node:http server that only verifies the token with jose.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import { startFakeEntraIssuer } from "@/tests/support/fake-entra-issuer";
import { createTestDatabase } from "@/tests/support/test-database";
import { generateCatalog, SIZES } from "./generate-catalog";
import { formatResult, runLoad } from "./load";

const TENANT = "77ac5383-74a0-4b68-ae2c-83504351a44e";
const API = "81382876-ac08-4e70-a240-ad7c89ed8dfe";
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

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

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  const database = await createTestDatabase("sqlite");
  const issuer = await startFakeEntraIssuer();
  const children: ChildProcess[] = [];
  try {
    let started = performance.now();
    const { clientId } = generateCatalog(join(database.env.REGISTRY_DATA_DIR!, "registry.db"), TENANT);
    console.log(`generated ${SIZES.servers} servers, ${SIZES.servers * SIZES.toolsPerServer} tools, ${SIZES.groups} groups, ${SIZES.m2mAccounts} M2M accounts in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const now = Math.floor(Date.now() / 1000);
    const iss = `https://login.microsoftonline.com/${TENANT}/v2.0`;
    const token = issuer.sign({ aud: API, iss, iat: now, nbf: now, exp: now + 3600, azp: clientId, azpacr: "1", idtyp: "app", oid: "0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b", sub: "0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b", tid: TENANT, ver: "2.0" });
    const headers = { authorization: `Bearer ${token}` };

    const port = String(20000 + Math.floor(Math.random() * 20000));
    const env = { ...process.env, ...database.env, PORT: port, ENTRA_TENANT_IDS: TENANT, ENTRA_CLIENT_ID: API, ENTRA_AUTHORITY_HOST: issuer.authorityHost, NEXT_TELEMETRY_DISABLED: "1" };
    // BENCH_PROFILE=<dir> writes a CPU profile of the registry process there.
    const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
    const registry = spawn(process.execPath, [...profile, "node_modules/next/dist/bin/next", "start", "-p", port], { env, stdio: ["ignore", "ignore", "inherit"] });
    children.push(registry);
    const base = `http://localhost:${port}`;
    started = performance.now();
    await waitForHealth(base, registry);
    console.log(`registry (production build, SQLite) ready in ${((performance.now() - started) / 1000).toFixed(1)} s; ${REQUESTS} requests per row, ${CONCURRENCY} in flight\n`);

    const bare = spawn(process.execPath, ["--import", "tsx", "bench/bare-server.ts", `${issuer.authorityHost}/${TENANT}/discovery/v2.0/keys`, iss, API], { stdio: ["ignore", "pipe", "inherit"] });
    children.push(bare);
    const bareUrl = `http://127.0.0.1:${await firstLine(bare)}/`;

    const rows: [string, string][] = [
      ["GET /api/servers (M2M, restricted group)", `${base}/api/servers`],
      ["GET /api/tools?q=issues (M2M, restricted)", `${base}/api/tools?q=issues`],
      ["bare node:http + jose.jwtVerify", bareUrl],
    ];
    const results = [];
    for (const [label, url] of rows) {
      await runLoad(url, headers, Math.min(200, REQUESTS), CONCURRENCY);
      const result = await runLoad(url, headers, REQUESTS, CONCURRENCY);
      results.push(result);
      console.log(formatResult(label, result));
    }
    const bareRate = results[2]!.perSecond;
    console.log(`\nthroughput ratio /api/servers ÷ bare:   ${(results[0]!.perSecond / bareRate).toFixed(3)}`);
    console.log(`throughput ratio /api/tools ÷ bare:     ${(results[1]!.perSecond / bareRate).toFixed(3)}`);
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
