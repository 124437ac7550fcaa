import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { loadAccess } from "@/lib/access/load-access";
import { loadUserGroups } from "@/lib/auth/principal-groups";
import { readIamGeneration } from "@/lib/auth/iam-generation";
import { resolveRequestPrincipal } from "@/lib/auth/resolve-request-principal";
import { deleteSession } from "@/lib/auth/delete-session";
import { createSession } from "@/lib/auth/sessions";
import { getConfig } from "@/lib/config";
import { dbReady, getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ensureBuiltIns } from "@/lib/iam/ensure-built-ins";
import { updateGroup } from "@/lib/iam/groups/update-group";
import { createToken } from "@/lib/tokens/create-token";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { useTestRegistry } from "../support/registry-env";
import { systemContext } from "@/lib/system-context";

const SYSTEM = { principal: null, requestId: "test", system: true };
let registry: Awaited<ReturnType<typeof useTestRegistry>>;
const bearer = (token: string) => ({
  authorization: [`Bearer ${token}`],
  url: "/api/me",
  sessionCookie: undefined,
  isApiRoute: true,
});
const isInvalid = (error: unknown) =>
  error instanceof AppError && (error.code === "invalid_token" || error.code === "unauthorized");

before(async () => {
  registry = await useTestRegistry();
  await dbReady();
  await ensureBuiltIns(getDb(), getConfig(), SYSTEM);
  await seedDemo(getDb(), SYSTEM);
});
after(async () => registry.close());

async function adeleToken(expiresInHours: number) {
  const db = getDb();
  const adele = await db.user.findFirstOrThrow({ where: { displayName: "Adele Vance" } });
  const principal = {
    kind: "user" as const,
    id: adele.id,
    userId: adele.id,
    displayName: adele.displayName,
    via: "session" as const,
    groups: await loadUserGroups(db, adele),
  };
  return createToken(
    { db, principal, access: await loadAccess(db, principal), requestId: "test" },
    { name: `cache-${Date.now()}`, expiresInHours },
  );
}

test("every audited change moves the IAM generation", async () => {
  const before = await readIamGeneration(getDb());
  await updateGroup(systemContext(getDb(), SYSTEM.requestId), {
    name: "team-payments",
    changes: { description: "changed" },
  });
  assert.equal(await readIamGeneration(getDb()), before + 1);
});

test("a cached principal is not used past its credential's expiry", async () => {
  const { token } = await adeleToken(1);
  const now = Date.now();
  assert.equal((await resolveRequestPrincipal(getDb(), bearer(token), now)).principal.kind, "token");
  // Same generation, but an hour and a minute later: the token itself has expired.
  await assert.rejects(resolveRequestPrincipal(getDb(), bearer(token), now + 61 * 60_000), isInvalid);
});

test("a group edit is seen on the very next request, although the principal was cached", async () => {
  const { token } = await adeleToken(8);
  const first = await resolveRequestPrincipal(getDb(), bearer(token));
  assert.equal(first.access.servers.has("slack"), false);
  await updateGroup(systemContext(getDb(), SYSTEM.requestId), {
    name: "registry-admins",
    changes: {
      serverAccess: [
        { server: "*", methods: ["*"], tools: ["*"] },
        { server: "slack", methods: ["tools/list"], tools: ["post_message"] },
      ],
    },
  });
  const second = await resolveRequestPrincipal(getDb(), bearer(token));
  assert.equal(second.access.servers.has("slack"), true);
});

test("sign-out ends a cached session at once", async () => {
  const db = getDb();
  const adele = await db.user.findFirstOrThrow({ where: { displayName: "Adele Vance" } });
  const { sessionId } = await createSession(db, adele.id, 8);
  const request = { authorization: [], url: "/", sessionCookie: sessionId, isApiRoute: false };
  assert.equal((await resolveRequestPrincipal(db, request)).principal.kind, "user");
  await deleteSession(db, sessionId);
  await assert.rejects(resolveRequestPrincipal(db, request), isInvalid);
});

test("catalog answers are reused only within one IAM generation and one access key", async () => {
  const { cachedCatalogJson } = await import("@/lib/http/catalog-response-cache");
  const principal = {
    kind: "m2m" as const,
    id: "a",
    m2mAccountId: "a",
    tenantId: "t",
    clientId: "c",
    displayName: "a",
    groups: [{ id: "g1", name: "g1", reasons: [] }],
  };
  const request = new Request("http://localhost/api/servers?q=x");
  let computed = 0;
  const compute = async () => ({ n: ++computed });
  assert.deepEqual(await (await cachedCatalogJson({ principal, generation: 7 }, request, compute)).json(), { n: 1 });
  assert.deepEqual(await (await cachedCatalogJson({ principal, generation: 7 }, request, compute)).json(), { n: 1 });
  assert.deepEqual(
    await (await cachedCatalogJson({ principal, generation: 8 }, request, compute)).json(),
    { n: 2 },
    "a new generation recomputes",
  );
  const other = { ...principal, groups: [{ id: "g2", name: "g2", reasons: [] }] };
  assert.deepEqual(
    await (await cachedCatalogJson({ principal: other, generation: 8 }, request, compute)).json(),
    { n: 3 },
    "other groups never share an answer",
  );
  assert.deepEqual(
    await (await cachedCatalogJson({ principal, generation: -1 }, request, compute)).json(),
    { n: 4 },
    "no generation row: never cached",
  );
});

test("last used is written on first use and then at most once a minute, cached or not", async () => {
  const { id, token } = await adeleToken(8);
  const lastUsed = async () =>
    (await getDb().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt?.getTime() ?? null;
  assert.equal(await lastUsed(), null);
  const now = Date.now();
  await resolveRequestPrincipal(getDb(), bearer(token), now);
  assert.equal(await lastUsed(), now);
  await resolveRequestPrincipal(getDb(), bearer(token), now + 30_000);
  assert.equal(await lastUsed(), now, "not rewritten within the minute");
  await resolveRequestPrincipal(getDb(), bearer(token), now + 61_000);
  assert.equal(await lastUsed(), now + 61_000);
});
