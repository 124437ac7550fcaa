import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startApiRegistry, type ApiRegistry } from "./support/api-registry";
import { assertError, assertValidation } from "./support/assert-error";
import { call, expectStatus, type Credential } from "./support/call";

let reg: ApiRegistry;
let admin: Credential;
let alex: Credential;

before(async () => {
  reg = await startApiRegistry();
  admin = { session: await reg.session(reg.userIds.adele) };
  alex = { session: await reg.session(reg.userIds.alex) };
});
after(async () => reg?.close());

type Row = { id: string; name: string; owner: { id: string; displayName: string }; revokedAt: string | null };
const names = (response: { json: { items: Row[] } }) => response.json.items.map((item) => item.name);

test("an admin lists everyone's tokens with their owners, by status; revoking another user's token is audited and works on its next request", async () => {
  // Alex may create tokens through team-payments (tokens:create).
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", {
    as: admin,
    params: { id: reg.userIds.alex },
    body: { groups: ["team-payments"] },
  });
  const active = (
    await expectStatus(201, "POST", "/api/tokens", { as: alex, body: { name: "alex-active", expiresInHours: 1 } })
  ).json;
  const rotating = (
    await expectStatus(201, "POST", "/api/tokens", { as: alex, body: { name: "alex-rotating", expiresInHours: 1 } })
  ).json;
  await expectStatus(200, "POST", "/api/tokens/{id}/rotate", {
    as: alex,
    params: { id: rotating.id },
    body: { graceHours: 2 },
  });
  const expired = (
    await expectStatus(201, "POST", "/api/tokens", { as: alex, body: { name: "alex-expired", expiresInHours: 1 } })
  ).json;
  await reg.db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

  const all = await expectStatus(200, "GET", "/api/iam/tokens", { as: admin, query: { owner: reg.userIds.alex } });
  assert.deepEqual(names(all), ["alex-expired", "alex-rotating", "alex-active"]);
  assert.ok(all.json.items.every((item: Row) => item.owner.displayName === "Alex Wilber"));
  assert.ok(!JSON.stringify(all.json).includes("Hash"), "no hashes");
  assert.deepEqual(
    names(
      await expectStatus(200, "GET", "/api/iam/tokens", {
        as: admin,
        query: { owner: reg.userIds.alex, status: "expired" },
      }),
    ),
    ["alex-expired"],
  );
  assert.deepEqual(
    names(
      await expectStatus(200, "GET", "/api/iam/tokens", {
        as: admin,
        query: { owner: reg.userIds.alex, status: "rotating" },
      }),
    ),
    ["alex-rotating"],
  );
  assert.deepEqual(
    names(
      await expectStatus(200, "GET", "/api/iam/tokens", {
        as: admin,
        query: { owner: reg.userIds.alex, status: "active" },
      }),
    ),
    ["alex-rotating", "alex-active"],
  );
  assert.deepEqual(
    names(
      await expectStatus(200, "GET", "/api/iam/tokens", {
        as: admin,
        query: { owner: reg.userIds.alex, sort: "name" },
      }),
    ),
    ["alex-active", "alex-expired", "alex-rotating"],
  );

  await expectStatus(200, "GET", "/api/servers", { as: { bearer: active.token } });
  await expectStatus(204, "DELETE", "/api/iam/tokens/{id}", { as: admin, params: { id: active.id } });
  assertError(await call("GET", "/api/servers", { as: { bearer: active.token } }), 401, "invalid_token", [
    active.token,
  ]);
  assert.deepEqual(
    names(
      await expectStatus(200, "GET", "/api/iam/tokens", {
        as: admin,
        query: { owner: reg.userIds.alex, status: "revoked" },
      }),
    ),
    ["alex-active"],
  );
  const audit = await expectStatus(200, "GET", "/api/audit", {
    as: admin,
    query: { target: active.id, action: "token.revoke" },
  });
  assert.equal(audit.json.items.length, 1);
  assert.equal(audit.json.items[0].actor.name, "Adele Vance");
  assert.match(audit.json.items[0].reason, /Alex Wilber/);
  // Revoking again changes nothing and is still 204.
  await expectStatus(204, "DELETE", "/api/iam/tokens/{id}", { as: admin, params: { id: active.id } });
  assert.equal(
    (await expectStatus(200, "GET", "/api/audit", { as: admin, query: { target: active.id, action: "token.revoke" } }))
      .json.items.length,
    1,
  );
});

test("without iam:read a user cannot list others' tokens; without iam:write not revoke them; bad filters are 422", async () => {
  assertError(await call("GET", "/api/iam/tokens", { as: alex }), 403, "forbidden");
  const own = (
    await expectStatus(201, "POST", "/api/tokens", { as: admin, body: { name: "adele-own", expiresInHours: 1 } })
  ).json;
  assertError(await call("DELETE", "/api/iam/tokens/{id}", { as: alex, params: { id: own.id } }), 403, "forbidden");
  assertValidation(await call("GET", "/api/iam/tokens", { as: admin, query: { status: "stolen" } }), ["status"]);
  assertValidation(await call("GET", "/api/iam/tokens", { as: admin, query: { owner: "nobody" } }), ["owner"]);
  assertValidation(await call("GET", "/api/iam/tokens", { as: admin, query: { sort: "secretHash" } }), ["sort"]);
});
