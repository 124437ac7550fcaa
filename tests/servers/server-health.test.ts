import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { readIamGeneration } from "@/lib/auth/iam-generation";
import { parseConfig } from "@/lib/config";
import { checkServerHealth } from "@/lib/servers/discovery/check-server-health";
import { startHealthChecker } from "@/lib/servers/discovery/health-checker";
import { systemContext } from "@/lib/system-context";
import { startTestUpstream, type TestUpstream } from "../gateway/support/upstream-server";
import { startDiscoveryFixture, UPSTREAM_SECRET, type DiscoveryFixture } from "./support/discovery-fixture";
import { closedPortUrl, startSilentServer } from "./support/odd-upstreams";

let f: DiscoveryFixture;
let upstream: TestUpstream;

before(async () => {
  f = await startDiscoveryFixture();
  upstream = await startTestUpstream("json", { requireHeaders: { authorization: UPSTREAM_SECRET } });
});
after(async () => {
  await upstream?.close();
  await f?.reg.close();
});

const checkHealth = (slug: string) => f.route("POST", "/api/servers/{slug}/check-health", { params: { slug } });
const listed = async (slug: string) => {
  const page = await f.route("GET", "/api/servers", { query: "?limit=200" });
  return page.json.items.find((item: { slug: string }) => item.slug === slug).health;
};

test("check-health: up with latency, stored; no audit event, no IAM generation move; GET /api/servers shows it at once", async () => {
  const slug = await f.addServer(upstream.url);
  assert.deepEqual(
    await listed(slug),
    { status: "unknown", checkedAt: null, latencyMs: null, error: null },
    "cached at this generation",
  );
  const generation = await readIamGeneration(f.reg.db);
  const events = await f.reg.db.auditEvent.count();

  const answer = await checkHealth(slug);
  assert.equal(answer.status, 200, answer.text);
  assert.equal(answer.json.status, "up");
  assert.equal(typeof answer.json.latencyMs, "number");
  assert.equal(answer.json.error, null);
  assert.ok(Date.now() - Date.parse(answer.json.checkedAt) < 60_000);
  assert.ok(upstream.seen.at(-1)!.headers.authorization === UPSTREAM_SECRET);
  assert.ok(!upstream.seen.some((request) => request.rpcMethods.includes("tools/list")), "health is initialize only");

  assert.equal(await readIamGeneration(f.reg.db), generation, "a probe is not an IAM change");
  assert.equal(await f.reg.db.auditEvent.count(), events, "nor audited");
  assert.deepEqual(await listed(slug), answer.json, "the cached list carries the new health");
  const detail = await f.route("GET", "/api/servers/{slug}", { params: { slug } });
  assert.deepEqual(detail.json.health, answer.json);
});

test("check-health: a down upstream is a 200 answer that says why; updatedAt keeps meaning last edited", async () => {
  const slug = await f.addServer(await closedPortUrl());
  const edited = (await f.reg.db.server.findUniqueOrThrow({ where: { slug } })).updatedAt;
  const answer = await checkHealth(slug);
  assert.equal(answer.status, 200, answer.text);
  assert.equal(answer.json.status, "down");
  assert.equal(answer.json.latencyMs, null);
  assert.match(answer.json.error, /unreachable \(ECONNREFUSED\)/);
  const row = await f.reg.db.server.findUniqueOrThrow({ where: { slug } });
  assert.equal(row.healthStatus, "down");
  assert.equal(row.updatedAt.getTime(), edited.getTime());
  assert.deepEqual(await listed(slug), answer.json);
});

test("a timeout is reported as down within the budget", async () => {
  const silent = await startSilentServer();
  try {
    const slug = await f.addServer(silent.url);
    const started = Date.now();
    const health = await checkServerHealth(systemContext(f.reg.db, "health-test"), { slug, timeoutMs: 250 });
    assert.equal(health.status, "down");
    assert.match(health.error!, /did not answer within 0.25 s/);
    assert.ok(Date.now() - started < 5_000);
  } finally {
    await silent.close();
  }
});

test("check-health: visibility before permission", async () => {
  assert.equal((await checkHealth("no-such-server")).status, 404);
  assert.equal(
    (await f.route("POST", "/api/servers/{slug}/check-health", { as: f.payments, params: { slug: "slack" } })).status,
    404,
  );
  assert.equal(
    (await f.route("POST", "/api/servers/{slug}/check-health", { as: f.payments, params: { slug: "github" } })).status,
    403,
  );
});

test("the background checker probes every enabled server, never a disabled one, then stops cleanly", async () => {
  const up = await f.addServer(upstream.url);
  const down = await f.addServer(await closedPortUrl());
  const disabled = await f.addServer(upstream.url, { enabled: false });
  const runs: number[] = [];
  let firstRun: () => void = () => {};
  const ran = new Promise<void>((resolve) => (firstRun = resolve));
  const checker = startHealthChecker(systemContext(f.reg.db, "health-test"), {
    intervalMs: 60_000,
    random: () => 0,
    onRun: (probed) => (runs.push(probed), firstRun()),
  });
  await ran;
  await checker.stop();
  const health = async (slug: string) => (await f.reg.db.server.findUniqueOrThrow({ where: { slug } })).healthStatus;
  assert.equal(await health(up), "up");
  assert.equal(await health(down), "down");
  assert.equal(await health(disabled), "unknown");
  assert.equal(runs.length, 1, "the next run waits a whole interval");
  assert.equal(runs[0], await f.reg.db.server.count({ where: { enabled: true } }));
});

test("REGISTRY_HEALTH_INTERVAL_SECONDS: default 300, 0 turns it off, nonsense is refused naming the variable", () => {
  const base = {
    ENTRA_TENANT_IDS: "8f2d3c4b-1a2b-4c3d-9e8f-7a6b5c4d3e2f",
    ENTRA_CLIENT_ID: "1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b",
  };
  assert.equal(parseConfig(base).healthIntervalSeconds, 300);
  assert.equal(parseConfig({ ...base, REGISTRY_HEALTH_INTERVAL_SECONDS: "0" }).healthIntervalSeconds, 0);
  assert.equal(parseConfig({ ...base, REGISTRY_HEALTH_INTERVAL_SECONDS: "60" }).healthIntervalSeconds, 60);
  for (const value of ["5", "-1", "1.5", "often"]) {
    assert.throws(
      () => parseConfig({ ...base, REGISTRY_HEALTH_INTERVAL_SECONDS: value }),
      /REGISTRY_HEALTH_INTERVAL_SECONDS/,
    );
  }
});
