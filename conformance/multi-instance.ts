import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertInvalidToken } from "./entra-rejections";
import type { RegistryProcess } from "./support/registry-process";
import { SECOND_ADMIN_APP, TENANT, databaseKind, suite } from "./support/suite";

const WORKER_APP = "b0b0b0b0-1111-4111-8111-11111111b0b0";
const USER_OID = "dddddddd-1111-4ddd-8ddd-dddddddddddd";

/**
 * A second production server on the same database: every change made through one instance
 * takes effect on the next request to the other (SPEC §2.1, §2.2; README "Performance").
 */
export function conformMultiInstance(): void {
  describe(databaseKind() === "sqlite" ? "a restart on the same database" : "two instances on one database", () => {
    let second: RegistryProcess;
    const onFirst = (path: string, options: Parameters<typeof suite.call>[1], label: string) =>
      suite.call(path, options, label, suite.registry);
    const onSecond = (path: string, options: Parameters<typeof suite.call>[1], label: string) =>
      suite.call(path, options, label, second);

    it("the second instance starts (migrations already applied, built-ins ensured again)", async () => {
      // The embedded SQLite database serves one instance (PostgreSQL is for scale-out): there the
      // "second instance" is a restart, and both sides of each check below talk to it.
      if (suite.database === "sqlite") await suite.registry.stop();
      second = await suite.startInstance("second instance");
      if (suite.database === "sqlite") suite.registry = second;
      const health = await onSecond("/api/health", {}, "second health");
      assert.equal(health.status, 200, health.text);
    });

    it("ensureBuiltIns at the second start keeps the disabled bootstrap admin disabled, unaudited, with a warning", async () => {
      const refused = await onSecond(
        "/api/me",
        { token: suite.tokens.app(SECOND_ADMIN_APP) },
        "second admin on second instance",
      );
      assert.equal(refused.status, 403, refused.text);
      assert.equal(refused.json.error.code, "client_not_registered");
      assert.match(second.output(), /bootstrap M2M admin is disabled and stays disabled/);
      const list = await onSecond(
        `/api/iam/m2m-accounts?q=${SECOND_ADMIN_APP.slice(0, 8)}&limit=200`,
        { token: suite.adminToken() },
        "find bootstrap accounts",
      );
      const account = list.json.items.find((item: { clientId: string }) => item.clientId === SECOND_ADMIN_APP);
      assert.equal(account.enabled, false);
      const events = await onSecond(
        `/api/audit?target=${account.id}&limit=200`,
        { token: suite.adminToken() },
        "audit of the second admin",
      );
      assert.equal(events.status, 200, events.text);
      const actions = events.json.items.map(
        (e: { action: string; actor: { kind: string } }) => `${e.actor.kind}:${e.action}`,
      );
      assert.deepEqual(
        actions.filter((a: string) => a.startsWith("system:")).sort(),
        ["system:m2m-account.bootstrap", "system:m2m-account.create"],
        JSON.stringify(actions),
      );
    });

    it("a group edit through one instance changes what the other answers on the next request", async () => {
      const admin = () => suite.adminToken();
      assert.equal(
        (
          await onFirst(
            "/api/servers",
            {
              method: "POST",
              token: admin(),
              body: { slug: "conformance-svc", name: "Conformance", url: "https://mcp.example.com/conformance" },
            },
            "create server",
          )
        ).status,
        201,
      );
      assert.equal(
        (
          await onFirst(
            "/api/iam/groups",
            { method: "POST", token: admin(), body: { name: "conformance-workers" } },
            "create group",
          )
        ).status,
        201,
      );
      const worker = await onFirst(
        "/api/iam/m2m-accounts",
        {
          method: "POST",
          token: admin(),
          body: { tenantId: TENANT, clientId: WORKER_APP, name: "conformance worker", groups: ["conformance-workers"] },
        },
        "link worker",
      );
      assert.equal(worker.status, 201, worker.text);
      const workerToken = suite.tokens.app(WORKER_APP);

      assert.equal(
        (await onSecond("/api/servers/conformance-svc", { token: workerToken }, "worker before grant")).status,
        404,
      );
      const granted = await onFirst(
        "/api/iam/groups/conformance-workers",
        {
          method: "PATCH",
          token: admin(),
          body: { serverAccess: [{ server: "conformance-svc", methods: ["*"], tools: ["*"] }] },
        },
        "grant",
      );
      assert.equal(granted.status, 200, granted.text);
      const seen = await onSecond("/api/servers/conformance-svc", { token: workerToken }, "worker after grant");
      assert.equal(seen.status, 200, seen.text);

      const revoked = await onSecond(
        "/api/iam/groups/conformance-workers",
        { method: "PATCH", token: admin(), body: { serverAccess: [] } },
        "revoke grant",
      );
      assert.equal(revoked.status, 200, revoked.text);
      assert.equal(
        (await onFirst("/api/servers/conformance-svc", { token: workerToken }, "worker after revoke, first")).status,
        404,
      );

      const disabled = await onFirst(
        `/api/iam/m2m-accounts/${worker.json.id}`,
        { method: "PATCH", token: admin(), body: { enabled: false } },
        "disable worker",
      );
      assert.equal(disabled.status, 200, disabled.text);
      const refused = await onSecond("/api/me", { token: workerToken }, "worker disabled");
      assert.equal(refused.status, 403, refused.text);
      assert.equal(refused.json.error.code, "client_not_registered");
    });

    it("a registry API token revoked through one instance is refused by the other on the next request", async () => {
      const admin = () => suite.adminToken();
      assert.equal(
        (
          await onFirst(
            "/api/iam/groups",
            {
              method: "POST",
              token: admin(),
              body: { name: "conformance-token-makers", permissions: ["tokens:create"] },
            },
            "token group",
          )
        ).status,
        201,
      );
      const user = await onFirst(
        "/api/iam/users",
        {
          method: "POST",
          token: admin(),
          body: {
            tenantId: TENANT,
            objectId: USER_OID,
            displayName: "Conformance User",
            groups: ["conformance-token-makers"],
          },
        },
        "pre-provision user",
      );
      assert.equal(user.status, 201, user.text);
      const delegated = () => suite.issuer.sign(suite.tokens.delegatedClaims(USER_OID));

      const created = await onFirst(
        "/api/tokens",
        { method: "POST", token: delegated(), body: { name: "conformance", expiresInHours: 1 } },
        "create API token",
      );
      assert.equal(created.status, 201, created.text);
      const secret = created.json.token as string;
      suite.recorder.credentials.add(secret);
      const me = await onSecond("/api/me", { token: secret }, "API token on second");
      assert.equal(me.status, 200, me.text);
      assert.equal(me.json.kind, "token");

      const listed = await onSecond("/api/tokens?limit=1", { token: delegated() }, "list tokens");
      assert.equal(listed.status, 200, listed.text);
      const badCursor = await onSecond("/api/tokens?cursor=%00garbage%ff", { token: delegated() }, "tokens bad cursor");
      assert.equal(badCursor.status, 422, badCursor.text);

      const revoked = await onFirst(
        `/api/tokens/${created.json.id}`,
        { method: "DELETE", token: delegated() },
        "revoke API token",
      );
      assert.equal(revoked.status, 204, revoked.text);
      assertInvalidToken(await onSecond("/api/me", { token: secret }, "revoked API token on second"), "revoked token");
      assertInvalidToken(await onFirst("/api/me", { token: secret }, "revoked API token on first"), "revoked token");
    });

    it("a user deprovisioned by SCIM through one instance: their API token and delegated token are refused by the other at once", async () => {
      const admin = () => suite.adminToken();
      const delegated = () => suite.issuer.sign(suite.tokens.delegatedClaims(USER_OID));
      const created = await onFirst(
        "/api/tokens",
        { method: "POST", token: delegated(), body: { name: "before deprovisioning", expiresInHours: 1 } },
        "API token to be deprovisioned",
      );
      assert.equal(created.status, 201, created.text);
      const secret = created.json.token as string;
      suite.recorder.credentials.add(secret);
      assert.equal((await onSecond("/api/me", { token: secret }, "API token before deprovisioning")).status, 200);

      const provisioning = await onFirst(
        "/api/iam/provisioning-tokens",
        { method: "POST", token: admin(), body: { name: "conformance provisioning" } },
        "provisioning secret",
      );
      assert.equal(provisioning.status, 201, provisioning.text);
      const scimSecret = provisioning.json.secret as string;
      suite.recorder.credentials.add(scimSecret);
      const scimUser = await onFirst(
        "/scim/v2/Users",
        {
          method: "POST",
          token: scimSecret,
          body: {
            schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
            userName: "conformance.user@contoso.example",
            externalId: USER_OID,
            displayName: "Conformance User",
            active: true,
          },
        },
        "SCIM takes over the pre-provisioned user",
      );
      assert.ok(scimUser.status === 201 || scimUser.status === 200, scimUser.text);
      const disabled = await onFirst(
        `/scim/v2/Users/${scimUser.json.id}`,
        {
          method: "PATCH",
          token: scimSecret,
          body: {
            schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            Operations: [{ op: "Replace", path: "active", value: "False" }],
          },
        },
        "SCIM disables the user",
      );
      assert.equal(disabled.status, 200, disabled.text);

      assertInvalidToken(
        await onSecond("/api/me", { token: secret }, "deprovisioned user's API token on second"),
        "deprovisioned owner",
      );
      const refused = await onSecond(
        "/api/me",
        { token: delegated() },
        "deprovisioned user's delegated token on second",
      );
      assert.equal(refused.status, 403, refused.text);
    });

    it("stops the second instance", async () => {
      if (second !== suite.registry) await second.stop();
    });
  });
}
