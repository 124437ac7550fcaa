import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { DEMO, startApiRegistry, type ApiRegistry } from "../api/support/api-registry";
import { expectStatus } from "../api/support/call";
import { assertScimError, entraUser, expectScim, LIST_SCHEMA, PATCH_SCHEMA, scim } from "./support";

let reg: ApiRegistry;
let secret: string;
const as = () => ({ secret });
const filter = (expression: string) => `filter=${encodeURIComponent(expression)}`;
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_SCHEMA], Operations });

before(async () => {
  reg = await startApiRegistry();
  const admin = { session: await reg.session(reg.userIds.adele) };
  secret = (await expectStatus(201, "POST", "/api/iam/provisioning-tokens", { as: admin, body: { name: "protocol" } }))
    .json.secret;
});
after(async () => reg?.close());

test("discovery: ServiceProviderConfig, ResourceTypes and Schemas describe what is supported", async () => {
  const config = (await expectScim(200, "GET", "/ServiceProviderConfig", as())).json;
  assert.deepEqual(
    [config.patch.supported, config.bulk.supported, config.filter.supported, config.etag.supported],
    [true, false, true, false],
  );
  assert.equal(config.authenticationSchemes[0].type, "oauthbearertoken");
  const types = (await expectScim(200, "GET", "/ResourceTypes", as())).json;
  assert.deepEqual(
    types.Resources.map((type: { endpoint: string }) => type.endpoint),
    ["/Users", "/Groups"],
  );
  const schemas = (await expectScim(200, "GET", "/Schemas", as())).json;
  assert.deepEqual(schemas.schemas, [LIST_SCHEMA]);
  assert.ok(schemas.Resources[0].attributes.some((attribute: { name: string }) => attribute.name === "userName"));
  assertScimError(await scim("GET", "/Bulk", as()), 404);
  assertScimError(await scim("DELETE", "/Users", as()), 405);
});

test("errors: unknown ids 404, unsupported filters 400 invalidFilter, bad values 400 invalidValue, bad JSON 400 invalidSyntax — nothing changes", async () => {
  const users = await reg.db.user.count();
  assertScimError(await scim("GET", `/Users/${randomUUID()}`, as()), 404);
  assertScimError(await scim("GET", "/Users/not-a-uuid", as()), 404);
  assertScimError(
    await scim("PATCH", `/Groups/${randomUUID()}`, {
      ...as(),
      body: patch({ op: "Replace", path: "displayName", value: "x" }),
    }),
    404,
  );
  for (const expression of [
    'userName co "a"',
    'title eq "x"',
    'userName eq "a" or userName eq "b"',
    "userName eq",
    'members eq "x"',
  ]) {
    assertScimError(await scim("GET", `/Users?${filter(expression)}`, as()), 400, "invalidFilter");
  }
  assertScimError(
    await scim("POST", "/Users", { ...as(), body: entraUser("not-a-guid", "x@contoso.example", "X") }),
    400,
    "invalidValue",
  );
  assertScimError(
    await scim("POST", "/Users", {
      ...as(),
      body: { ...entraUser(randomUUID(), "x@contoso.example", "X"), userName: "" },
    }),
    400,
    "invalidValue",
  );
  assertScimError(
    await scim("POST", "/Users", {
      ...as(),
      body: { ...entraUser(randomUUID(), "x@contoso.example", "X"), active: "maybe" },
    }),
    400,
    "invalidValue",
  );
  const bad = await scim("POST", "/Users", { ...as(), headers: [["content-type", "application/scim+json"]] });
  assertScimError(bad, 400, "invalidSyntax");
  assert.equal(await reg.db.user.count(), users);

  const created = await expectScim(201, "POST", "/Users", {
    ...as(),
    body: entraUser(randomUUID(), "errors@contoso.example", "Errors"),
  });
  const id = created.json.id;
  assertScimError(
    await scim("PATCH", `/Users/${id}`, { ...as(), body: patch({ op: "Replace", path: "active", value: "Nope" }) }),
    400,
    "invalidValue",
  );
  assertScimError(
    await scim("PATCH", `/Users/${id}`, {
      ...as(),
      body: patch({ op: "Replace", path: "externalId", value: randomUUID() }),
    }),
    400,
    "mutability",
  );
  assertScimError(
    await scim("PATCH", `/Users/${id}`, { ...as(), body: patch({ op: "Frobnicate", path: "active", value: true }) }),
    400,
    "invalidSyntax",
  );
  assertScimError(await scim("PATCH", `/Users/${id}`, { ...as(), body: { Operations: [] } }), 400, "invalidSyntax");
  assert.equal(
    (await expectScim(200, "GET", `/Users/${id}`, as())).json.active,
    true,
    "a refused patch changes nothing",
  );
});

test("paging: startIndex (1-based) and count over a filtered or full list; count=0 gives only the total", async () => {
  for (const n of [1, 2, 3])
    await expectScim(201, "POST", "/Users", {
      ...as(),
      body: entraUser(randomUUID(), `page${n}@contoso.example`, `Page ${n}`),
    });
  const all = (await expectScim(200, "GET", "/Users", as())).json;
  assert.ok(all.totalResults >= 6, "demo users of the tenant are SCIM users too");
  const page = (await expectScim(200, "GET", "/Users?startIndex=2&count=2", as())).json;
  assert.deepEqual([page.startIndex, page.itemsPerPage, page.totalResults], [2, 2, all.totalResults]);
  assert.deepEqual(
    page.Resources.map((user: { id: string }) => user.id),
    all.Resources.slice(1, 3).map((user: { id: string }) => user.id),
  );
  const none = (await expectScim(200, "GET", "/Users?count=0", as())).json;
  assert.deepEqual([none.totalResults, none.Resources], [all.totalResults, []]);
  assertScimError(await scim("GET", "/Users?count=many", as()), 400, "invalidValue");
});

test("PUT replaces a user; a path-less patch with dotted keys works; a user who signed in first is taken over by POST", async () => {
  const objectId = randomUUID();
  const { id } = (
    await expectScim(201, "POST", "/Users", { ...as(), body: entraUser(objectId, "put@contoso.example", "Put Me") })
  ).json;
  const replaced = await expectScim(200, "PUT", `/Users/${id}`, {
    ...as(),
    body: { ...entraUser(objectId, "put2@contoso.example", "Put Again", null), active: false },
  });
  assert.deepEqual(
    [replaced.json.userName, replaced.json.displayName, replaced.json.emails, replaced.json.active],
    ["put2@contoso.example", "Put Again", [], false],
  );
  const patched = await expectScim(200, "PATCH", `/Users/${id}`, {
    ...as(),
    body: patch({
      op: "Replace",
      value: {
        active: true,
        displayName: "Put Third",
        'emails[type eq "work"].value': "third@contoso.example",
        "name.familyName": "Third",
      },
    }),
  });
  assert.deepEqual(
    [patched.json.active, patched.json.displayName, patched.json.emails[0].value],
    [true, "Put Third", "third@contoso.example"],
  );

  // Alex signed in before provisioning existed: Entra's userName filter finds him by email, POST links him.
  const alex = await reg.db.user.findUniqueOrThrow({ where: { id: reg.userIds.alex } });
  assert.equal(alex.userName, null);
  const found = await expectScim(200, "GET", `/Users?${filter(`userName eq "${alex.email}"`)}`, as());
  assert.deepEqual(
    found.json.Resources.map((user: { id: string }) => user.id),
    [alex.id],
  );
  const linked = await expectScim(201, "POST", "/Users", {
    ...as(),
    body: entraUser(DEMO.users.alex, "alex.wilber@contoso.example", "Alex Wilber"),
  });
  assert.equal(linked.json.id, alex.id);
  assert.equal(
    (await reg.db.user.findUniqueOrThrow({ where: { id: alex.id } })).userName,
    "alex.wilber@contoso.example",
  );
});

test("groups: duplicate displayName 409 uniqueness; unknown members 400; PUT replaces members; excludedAttributes on GET by id", async () => {
  const user = (
    await expectScim(201, "POST", "/Users", {
      ...as(),
      body: entraUser(randomUUID(), "member@contoso.example", "Member"),
    })
  ).json.id;
  const body = {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
    externalId: randomUUID(),
    displayName: "Dup",
    members: [{ value: user }],
  };
  const group = (await expectScim(201, "POST", "/Groups", { ...as(), body })).json;
  assert.deepEqual(
    group.members.map((member: { value: string; display: string }) => [member.value, member.display]),
    [[user, "Member"]],
  );
  assertScimError(
    await scim("POST", "/Groups", { ...as(), body: { ...body, externalId: randomUUID() } }),
    409,
    "uniqueness",
  );
  assertScimError(
    await scim("POST", "/Groups", {
      ...as(),
      body: { ...body, displayName: "Other", members: [{ value: randomUUID() }] },
    }),
    400,
    "invalidValue",
  );
  assertScimError(
    await scim("PATCH", `/Groups/${group.id}`, {
      ...as(),
      body: patch({ op: "Add", path: "members", value: [{ value: randomUUID() }] }),
    }),
    400,
    "invalidValue",
  );
  assertScimError(
    await scim("PATCH", `/Groups/${group.id}`, { ...as(), body: patch({ op: "Replace", path: "owner", value: "x" }) }),
    400,
    "invalidPath",
  );

  const put = await expectScim(200, "PUT", `/Groups/${group.id}`, {
    ...as(),
    body: { ...body, displayName: "Dup renamed", members: [] },
  });
  assert.deepEqual([put.json.displayName, put.json.members], ["Dup renamed", []]);
  const lean = await expectScim(200, "GET", `/Groups/${group.id}?excludedAttributes=members`, as());
  assert.equal(lean.json.members, undefined);
  const byExternal = await expectScim(200, "GET", `/Groups?${filter(`externalId eq "${body.externalId}"`)}`, as());
  assert.equal(byExternal.json.totalResults, 1);
});
