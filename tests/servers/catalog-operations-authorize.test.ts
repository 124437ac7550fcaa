import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { dbReady, getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { createServer } from "@/lib/servers/create-server";
import { deleteServer } from "@/lib/servers/delete-server";
import { checkServerHealth } from "@/lib/servers/discovery/check-server-health";
import { discoverTools } from "@/lib/servers/discovery/discover-tools";
import { findServerSlugs } from "@/lib/servers/find-server-slugs";
import { findServers } from "@/lib/servers/find-servers";
import { findTools } from "@/lib/servers/find-tools";
import { getServer, getServerTools } from "@/lib/servers/get-server";
import {
  findOfficialServers,
  getOfficialServer,
  getOfficialServerVersion,
} from "@/lib/servers/official/find-official-servers";
import { officialListQuery } from "@/lib/servers/official/schemas";
import { replaceTools } from "@/lib/servers/replace-tools";
import { createServerSchema } from "@/lib/servers/schemas";
import { updateServer } from "@/lib/servers/update-server";
import {
  clearUpstreamCredentials,
  getUpstreamCredentials,
} from "@/lib/servers/upstream-credentials/upstream-credentials";
import { systemContext } from "@/lib/system-context";
import { userContext } from "../support/operation-context";
import { useTestRegistry } from "../support/registry-env";

let registry: Awaited<ReturnType<typeof useTestRegistry>>;
const rejectsWith = (code: string) => (error: unknown) => isAppError(error) && error.code === code;
const REGISTRY_URL = "http://localhost:3999";
const reader = { name: "readers", permissions: [], serverAccess: [{ server: "seen", methods: ["*"], tools: ["a"] }] };

before(async () => {
  registry = await useTestRegistry();
  await dbReady();
  const system = systemContext(getDb(), "setup");
  for (const slug of ["seen", "hidden"]) {
    await createServer(
      system,
      createServerSchema.parse({
        slug,
        name: slug,
        url: "https://mcp.example.test/",
        tools: [
          { name: "a", description: "", inputSchema: { type: "object" } },
          { name: "b", description: "", inputSchema: { type: "object" } },
        ],
      }),
    );
  }
});
after(async () => registry.close());

test("reads called directly: an invisible server is not_found, like an absent one; lists and tools are filtered", async () => {
  const ctx = userContext(getDb(), [reader]);
  await assert.rejects(getServer(ctx, { slug: "hidden" }), rejectsWith("not_found"));
  await assert.rejects(getServer(ctx, { slug: "absent" }), rejectsWith("not_found"));
  await assert.rejects(getServerTools(ctx, { slug: "hidden" }), rejectsWith("not_found"));
  const seen = await getServer(ctx, { slug: "seen" });
  assert.deepEqual(
    seen.tools?.map((tool) => tool.name),
    ["a"],
  );
  assert.deepEqual(
    (await findServers(ctx, { limit: 50 })).items.map((server) => server.slug),
    ["seen"],
  );
  assert.deepEqual(
    (await findTools(ctx, { limit: 50 })).items.map((tool) => `${tool.server}/${tool.name}`),
    ["seen/a"],
  );
  const nobody = userContext(getDb());
  assert.equal((await findServers(nobody, { limit: 50 })).items.length, 0);
});

test("writes called directly: invisible → not_found before visible-without-servers:write → forbidden; nothing changes", async () => {
  const db = getDb();
  const ctx = userContext(db, [reader]);
  const auditBefore = await db.auditEvent.count();
  await assert.rejects(updateServer(ctx, { slug: "hidden", changes: { name: "x" } }), rejectsWith("not_found"));
  await assert.rejects(updateServer(ctx, { slug: "seen", changes: { name: "x" } }), rejectsWith("forbidden"));
  await assert.rejects(deleteServer(ctx, { slug: "hidden" }), rejectsWith("not_found"));
  await assert.rejects(deleteServer(ctx, { slug: "seen" }), rejectsWith("forbidden"));
  await assert.rejects(replaceTools(ctx, { slug: "seen", tools: [] }), rejectsWith("forbidden"));
  await assert.rejects(getUpstreamCredentials(ctx, { slug: "seen" }), rejectsWith("forbidden"));
  await assert.rejects(clearUpstreamCredentials(ctx, { slug: "hidden" }), rejectsWith("not_found"));
  await assert.rejects(
    createServer(ctx, createServerSchema.parse({ slug: "new-one", name: "n", url: "https://mcp.example.test/" })),
    rejectsWith("forbidden"),
  );
  assert.equal((await db.server.findUniqueOrThrow({ where: { slug: "seen" } })).name, "seen");
  assert.equal(await db.tool.count({ where: { server: { slug: "seen" } } }), 2);
  assert.equal(await db.server.count({ where: { slug: "new-one" } }), 0);
  assert.equal(await db.auditEvent.count(), auditBefore);
});

test("a catalog manager called directly may write, and the write is audited", async () => {
  const db = getDb();
  const ctx = userContext(db, [{ name: "managers", permissions: ["servers:write"], serverAccess: [] }]);
  const updated = await updateServer(ctx, { slug: "hidden", changes: { name: "Renamed" } });
  assert.equal(updated.name, "Renamed");
  const event = await db.auditEvent.findFirstOrThrow({ where: { action: "server.update", targetName: "hidden" } });
  assert.equal(event.actorId, ctx.principal.id);
});

test("probes called directly: invisible → not_found, visible without servers:write → forbidden, before any probe", async () => {
  const db = getDb();
  const ctx = userContext(db, [reader]);
  await assert.rejects(checkServerHealth(ctx, { slug: "hidden" }), rejectsWith("not_found"));
  await assert.rejects(checkServerHealth(ctx, { slug: "absent" }), rejectsWith("not_found"));
  await assert.rejects(checkServerHealth(ctx, { slug: "seen" }), rejectsWith("forbidden"));
  await assert.rejects(discoverTools(ctx, { slug: "hidden", apply: false }), rejectsWith("not_found"));
  await assert.rejects(discoverTools(ctx, { slug: "seen", apply: true }), rejectsWith("forbidden"));
  // A probe records health whatever it finds: none was recorded, so none was sent.
  const health = await db.server.findMany({
    where: { slug: { in: ["seen", "hidden"] } },
    select: { healthStatus: true },
  });
  assert.deepEqual(
    health.map((row) => row.healthStatus),
    ["unknown", "unknown"],
  );
});

test("official registry reads called directly: an invisible server is not_found like an absent one; the list is filtered", async () => {
  const ctx = userContext(getDb(), [reader]);
  const listed = await findOfficialServers(ctx, { query: officialListQuery.parse({}), registryUrl: REGISTRY_URL });
  assert.deepEqual(
    listed.servers.map((entry) => entry.server.name),
    ["localhost/seen"],
  );
  for (const name of ["localhost/hidden", "localhost/absent"]) {
    await assert.rejects(getOfficialServer(ctx, { name, registryUrl: REGISTRY_URL }), rejectsWith("not_found"));
    await assert.rejects(
      getOfficialServerVersion(ctx, { name, version: "latest", registryUrl: REGISTRY_URL }),
      rejectsWith("not_found"),
    );
  }
  const seen = await getOfficialServerVersion(ctx, {
    name: "localhost/seen",
    version: "latest",
    registryUrl: REGISTRY_URL,
  });
  assert.equal(seen.server.name, "localhost/seen");
  assert.equal(
    (await findOfficialServers(userContext(getDb()), { query: officialListQuery.parse({}), registryUrl: REGISTRY_URL }))
      .servers.length,
    0,
  );
});

test("the group editor's server slugs need iam:write, and then list every server, seen or not", async () => {
  const db = getDb();
  await assert.rejects(findServerSlugs(userContext(db, [reader])), rejectsWith("forbidden"));
  await assert.rejects(
    findServerSlugs(userContext(db, [{ name: "iam-readers", permissions: ["iam:read"], serverAccess: [] }])),
    rejectsWith("forbidden"),
  );
  const editor = userContext(db, [{ name: "iam-writers", permissions: ["iam:write"], serverAccess: [] }]);
  assert.deepEqual(await findServerSlugs(editor), ["hidden", "seen"]);
});
