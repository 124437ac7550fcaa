import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { usageRoutes } from "@/lib/api/routes/usage";
import type { Principal } from "@/lib/auth/principal";
import { flushGatewayUsage, recordGatewayUsage, type UsageOutcome } from "@/lib/usage/record-gateway-usage";
import { DEMO, startApiRegistry, type ApiRegistry } from "../api/support/api-registry";
import { runRoute, type As } from "./support/run-route";

let reg: ApiRegistry;
let admin: As;
const alice: Principal = {
  kind: "m2m",
  id: "acc-1",
  displayName: "ci-bot",
  groups: [],
  m2mAccountId: "acc-1",
  tenantId: DEMO.tenant,
  clientId: DEMO.apps.payments,
};
const bob: Principal = { kind: "user", id: "user-2", displayName: "Bob", groups: [], userId: "user-2", via: "session" };

before(async () => {
  reg = await startApiRegistry();
  admin = { session: await reg.session(reg.userIds.adele) };
  const rows: [Principal, string, string, UsageOutcome, string][] = [
    [alice, "github", "search_issues", "ok", "2026-12-01T10:00:00Z"],
    [alice, "github", "search_issues", "error", "2026-12-01T11:00:00Z"],
    [alice, "sentry", "list_issues", "denied", "2026-12-02T10:00:00Z"],
    [bob, "github", '=HYPERLINK("x")', "upstream_error", "2026-12-03T10:00:00Z"],
  ];
  recordGatewayUsage(
    reg.db,
    rows.map(([principal, serverSlug, tool, outcome, at]) => ({
      principal,
      serverSlug,
      tool,
      outcome,
      durationMs: 12.4,
      requestId: "req-1",
      at: new Date(at),
    })),
  );
  await flushGatewayUsage();
});
after(async () => reg?.close());

const usage = (query: string, as: As = admin) => runRoute(usageRoutes, "GET", "/api/usage", { as, query });

describe("GET /api/usage", () => {
  test("newest first with principal, server, tool, outcome, duration, time and request id", async () => {
    const page = await usage("");
    assert.equal(page.status, 200);
    assert.equal(page.json.items.length, 4);
    assert.deepEqual(page.json.items[0], {
      id: page.json.items[0].id,
      at: "2026-12-03T10:00:00.000Z",
      principal: { kind: "user", id: "user-2", name: "Bob" },
      server: "github",
      tool: '=HYPERLINK("x")',
      outcome: "upstream_error",
      durationMs: 12,
      requestId: "req-1",
      detail: null,
    });
  });

  test("filters: principal (id or name), server, tool, outcome, time range", async () => {
    const count = async (query: string) => (await usage(query)).json.items.length;
    assert.equal(await count("?principal=acc-1"), 3);
    assert.equal(await count("?principal=Bob"), 1);
    assert.equal(await count("?server=sentry"), 1);
    assert.equal(await count("?tool=search_issues"), 2);
    assert.equal(await count("?outcome=denied"), 1);
    assert.equal(await count("?from=2026-12-02T00:00:00Z&to=2026-12-02T23:59:59Z"), 1);
    assert.equal((await usage("?outcome=maybe")).status, 422);
  });

  test("cursor paging walks every record once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof usage>> = await usage(`?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.json.items.map((item: { id: string }) => item.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    assert.equal(new Set(seen).size, 4);
  });

  test("csv (formulas neutralised) and jsonl exports", async () => {
    const csv = await usage("?format=csv");
    assert.match(csv.headers.get("content-type")!, /text\/csv/);
    assert.equal(
      csv.text.split("\n")[0],
      "at,principalKind,principalId,principalName,server,tool,outcome,durationMs,requestId,detail",
    );
    assert.ok(csv.text.includes(`"'=HYPERLINK(""x"")"`));
    const jsonl = await usage("?format=jsonl&limit=2");
    assert.equal(jsonl.text.trim().split("\n").length, 2);
    assert.ok(jsonl.headers.get("x-next-cursor"));
  });

  test("needs audit:read: a principal without it gets 403", async () => {
    const answer = await usage("", { bearer: reg.appToken(DEMO.apps.payments) });
    assert.equal(answer.status, 403);
  });
});
