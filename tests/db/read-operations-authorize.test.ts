import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Principal } from "@/lib/auth/principal";
import { auditQuery, findAuditEvents } from "@/lib/audit/find-audit-events";
import { findObjectActivity } from "@/lib/audit/find-object-activity";
import { getConfig } from "@/lib/config";
import { dbReady, getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { ensureBuiltIns } from "@/lib/iam/ensure-built-ins";
import { explain } from "@/lib/iam/explain/explain";
import { createGroup } from "@/lib/iam/groups/create-group";
import { createGroupSchema } from "@/lib/iam/groups/schemas";
import { createM2mAccount } from "@/lib/iam/m2m-accounts/create-m2m-account";
import { createUser } from "@/lib/iam/users/create-user";
import { createServer } from "@/lib/servers/create-server";
import { createServerSchema } from "@/lib/servers/schemas";
import { systemContext } from "@/lib/system-context";
import { findGatewayUsage, usageQuery } from "@/lib/usage/find-gateway-usage";
import { findUsageLinks } from "@/lib/usage/find-usage-links";
import { recordGatewayUsage } from "@/lib/usage/record-gateway-usage";
import { userContext } from "../support/operation-context";
import { useTestRegistry } from "../support/registry-env";

/** The audit log, gateway usage and the Access Explorer, called directly (no HTTP): each read checks for itself. */
let registry: Awaited<ReturnType<typeof useTestRegistry>>;
const rejectsWith = (code: string) => (error: unknown) => isAppError(error) && error.code === code;
const auditors = { name: "auditors", permissions: ["audit:read"], serverAccess: [] };
const iamReaders = { name: "iam-readers", permissions: ["iam:read"], serverAccess: [] };
const seesPublic = {
  name: "public-viewers",
  permissions: [],
  serverAccess: [{ server: "public", methods: ["*"], tools: ["*"] }],
};
const TENANT = "77ac5383-74a0-4b68-ae2c-83504351a44e";
let userId = "";
let accountId = "";

before(async () => {
  registry = await useTestRegistry();
  await dbReady();
  const db = getDb();
  const system = systemContext(db, "setup");
  await ensureBuiltIns(db, getConfig(), { principal: null, requestId: "setup", system: true });
  await createGroup(system, createGroupSchema.parse({ name: "probe" }));
  for (const slug of ["public", "secret"])
    await createServer(system, createServerSchema.parse({ slug, name: slug, url: "https://mcp.example.test/" }));
  userId = (
    await createUser(system, {
      tenantId: TENANT,
      objectId: "00000000-0000-4000-8000-000000000301",
      displayName: "Usage User",
      groups: [],
      enabled: true,
    })
  ).id;
  accountId = (
    await createM2mAccount(system, {
      tenantId: TENANT,
      clientId: "00000000-0000-4000-8000-000000000302",
      name: "usage-bot",
      description: "",
      groups: [],
      enabled: true,
    })
  ).id;
  const user: Principal = { kind: "user", id: userId, userId, displayName: "Usage User", via: "session", groups: [] };
  const bot: Principal = {
    kind: "m2m",
    id: accountId,
    m2mAccountId: accountId,
    displayName: "usage-bot",
    tenantId: TENANT,
    clientId: "00000000-0000-4000-8000-000000000302",
    groups: [],
  };
  recordGatewayUsage(db, [
    { principal: user, serverSlug: "public", tool: "echo", outcome: "ok", durationMs: 1, requestId: "usage-1" },
    { principal: bot, serverSlug: "secret", tool: "echo", outcome: "ok", durationMs: 1, requestId: "usage-2" },
    { principal: bot, serverSlug: "deleted", tool: "echo", outcome: "ok", durationMs: 1, requestId: "usage-3" },
  ]);
});
after(async () => registry.close());

/** A refused read writes nothing either (refusals are audited by the API pipeline, not by the operation). */
async function refused(operation: () => Promise<unknown>, code: string) {
  const db = getDb();
  const audit = await db.auditEvent.count();
  await assert.rejects(operation(), rejectsWith(code));
  assert.equal(await db.auditEvent.count(), audit);
}

test("audit log: findAuditEvents needs audit:read; the Activity tab is simply absent without it", async () => {
  const db = getDb();
  const query = auditQuery.parse({ action: "group.create", target: "probe" });
  await refused(() => findAuditEvents(userContext(db), query), "forbidden");
  await refused(() => findAuditEvents(userContext(db, [iamReaders]), query), "forbidden");
  const page = await findAuditEvents(userContext(db, [auditors]), query);
  assert.deepEqual(
    page.items.map((event) => event.target.name),
    ["probe"],
  );
  const probe = await db.group.findUniqueOrThrow({ where: { name: "probe" } });
  const target = { targetType: "group", targetId: probe.id };
  assert.equal(await findObjectActivity(userContext(db, [iamReaders]), target), null);
  assert.deepEqual(
    (await findObjectActivity(userContext(db, [auditors]), target))?.events.map((event) => event.action),
    ["group.create"],
  );
});

test("gateway usage: the records and their links need audit:read", async () => {
  const db = getDb();
  const query = usageQuery.parse({ tool: "echo" });
  await refused(() => findGatewayUsage(userContext(db), query), "forbidden");
  await refused(() => findGatewayUsage(userContext(db, [iamReaders, seesPublic]), query), "forbidden");
  const page = await findGatewayUsage(userContext(db, [auditors]), query);
  assert.deepEqual(page.items.map((record) => record.requestId).sort(), ["usage-1", "usage-2", "usage-3"]);
  await refused(() => findUsageLinks(userContext(db, [iamReaders, seesPublic]), { records: page.items }), "forbidden");
});

test("gateway usage links point only at pages the viewer can open: visible servers, principals with iam:read", async () => {
  const db = getDb();
  const { items } = await findGatewayUsage(userContext(db, [auditors]), usageQuery.parse({ tool: "echo" }));
  const sets = (links: Awaited<ReturnType<typeof findUsageLinks>>) => ({
    users: [...links.users],
    m2mAccounts: [...links.m2mAccounts],
    servers: [...links.servers].sort(),
  });
  assert.deepEqual(sets(await findUsageLinks(userContext(db, [auditors]), { records: items })), {
    users: [],
    m2mAccounts: [],
    servers: [],
  });
  assert.deepEqual(sets(await findUsageLinks(userContext(db, [auditors, seesPublic]), { records: items })), {
    users: [],
    m2mAccounts: [],
    servers: ["public"],
  });
  assert.deepEqual(
    sets(
      await findUsageLinks(userContext(db, [auditors, iamReaders, { ...seesPublic, serverAccess: [] }]), {
        records: items,
      }),
    ),
    { users: [userId], m2mAccounts: [accountId], servers: [] },
  );
  const manager = userContext(db, [auditors, { name: "managers", permissions: ["servers:write"], serverAccess: [] }]);
  assert.deepEqual(sets(await findUsageLinks(manager, { records: items })).servers, ["public", "secret"]);
});

test("Access Explorer: explain needs iam:read before it looks anyone up; an absent subject is then not_found", async () => {
  const db = getDb();
  const nobody = userContext(db, [auditors, seesPublic]);
  // The same refusal whether the subject exists or not: nothing is revealed without iam:read.
  await refused(() => explain(nobody, { groupName: "probe" }), "forbidden");
  await refused(() => explain(nobody, { groupName: "no-such-group" }), "forbidden");
  await refused(() => explain(nobody, { userId }), "forbidden");
  await refused(() => explain(nobody, { m2mAccountId: accountId }), "forbidden");
  await refused(() => explain(nobody, { token: "not-a-token" }), "forbidden");

  const reader = userContext(db, [iamReaders]);
  await refused(() => explain(reader, { groupName: "no-such-group" }), "not_found");
  await refused(() => explain(reader, { userId: "4c9a1e27-3b6d-4f80-a2c5-7e8d9f0a1b2c" }), "not_found");
  await refused(() => explain(reader, { m2mAccountId: "4c9a1e27-3b6d-4f80-a2c5-7e8d9f0a1b2c" }), "not_found");
  const answer = await explain(reader, { groupName: "probe" });
  assert.equal(answer.subject?.displayName, "probe");
  assert.equal(answer.verdict.allowed, true);
});
