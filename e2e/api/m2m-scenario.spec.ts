import { expect, test } from "../fixtures";
import { clientCredentialsToken, DEMO_APPS, DEMO_TENANT } from "../support/entra-client";

/**
 * The seed's scenario over real HTTP: an admin links an Entra app as an M2M account in a
 * restricted group; a token for that app from the emulator (via @azure/msal-node) lists exactly
 * that group's servers and tools; a group edit shows on the next request; disabling gets 403.
 */
test("link an Entra app, call with its client-credentials token, edit the group, disable the account", async ({
  apiAs,
  playwright,
  baseURL,
}) => {
  const admin = await apiAs("admin");
  const group = `e2e-m2m-${Date.now()}`;
  expect(
    (
      await admin.post("/api/iam/groups", {
        data: { name: group, serverAccess: [{ server: "slack", methods: ["tools/list"], tools: ["post_message"] }] },
      })
    ).status(),
  ).toBe(201);

  const token = await clientCredentialsToken(DEMO_APPS.unlinked);
  const machine = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${token}` },
  });
  const before = await machine.get("/api/servers");
  expect(before.status()).toBe(403);
  expect((await before.json()).error.code).toBe("client_not_registered");

  const link = await admin.post("/api/iam/m2m-accounts", {
    data: { tenantId: DEMO_TENANT, clientId: DEMO_APPS.unlinked.clientId, name: "unlinked-agent", groups: [group] },
  });
  expect(link.status()).toBe(201);
  const account = await link.json();
  const duplicate = await admin.post("/api/iam/m2m-accounts", {
    data: { tenantId: DEMO_TENANT, clientId: DEMO_APPS.unlinked.clientId, name: "again" },
  });
  expect(duplicate.status()).toBe(409);

  const servers = await (await machine.get("/api/servers")).json();
  expect(servers.items.map((s: { slug: string }) => s.slug)).toEqual(["slack"]);
  const tools = await (await machine.get("/api/servers/slack/tools")).json();
  expect(tools.items.map((t: { name: string }) => t.name)).toEqual(["post_message"]);
  expect((await machine.get("/api/servers/github")).status()).toBe(404);

  const current = await (await admin.get(`/api/iam/groups/${group}`)).json();
  const edited = await admin.patch(`/api/iam/groups/${group}`, {
    data: {
      version: current.version,
      serverAccess: [
        { server: "slack", methods: ["tools/list"], tools: ["post_message", "search_messages"] },
        { server: "jira", methods: ["*"], tools: ["*"] },
      ],
    },
  });
  expect(edited.status()).toBe(200);
  expect((await (await machine.get("/api/servers")).json()).items.map((s: { slug: string }) => s.slug)).toEqual([
    "jira",
    "slack",
  ]);
  expect(
    (await (await machine.get("/api/servers/slack/tools")).json()).items.map((t: { name: string }) => t.name),
  ).toEqual(["post_message", "search_messages"]);

  expect((await admin.patch(`/api/iam/m2m-accounts/${account.id}`, { data: { enabled: false } })).status()).toBe(200);
  const refused = await machine.get("/api/servers");
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("client_not_registered");

  await admin.delete(`/api/iam/m2m-accounts/${account.id}`);
  await admin.delete(`/api/iam/groups/${group}`);
  await machine.dispose();
});

test("an app role maps to a group; an unknown app and a garbage token are told apart exactly", async ({
  playwright,
  baseURL,
}) => {
  const token = await clientCredentialsToken(DEMO_APPS.catalogSync);
  const sync = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const me = await (await sync.get("/api/me")).json();
  expect(me.kind).toBe("m2m");
  expect(me.groups).toEqual([
    expect.objectContaining({ name: "catalog-readers", reasons: [{ kind: "app-role", value: "Registry.Read" }] }),
  ]);
  const slugs = (await (await sync.get("/api/servers?limit=200")).json()).items.map((s: { slug: string }) => s.slug);
  expect(slugs).toContain("github");
  expect(slugs).not.toContain("kubernetes-prod");
  await sync.dispose();

  const garbage = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: "Bearer abc.def.ghi" },
  });
  const response = await garbage.get("/api/servers");
  expect(response.status()).toBe(401);
  expect(response.headers()["www-authenticate"]).toMatch(
    /^Bearer realm="mcp-registry", error="invalid_token", resource_metadata="[^"]+\/\.well-known\/oauth-protected-resource"$/,
  );
  await garbage.dispose();
});
