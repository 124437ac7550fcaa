import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { readIamGeneration } from "@/lib/auth/iam-generation";
import { isAppError } from "@/lib/errors";
import { createGroup } from "@/lib/iam/groups/create-group";
import { DEMO, startApiRegistry, type ApiRegistry } from "../api/support/api-registry";
import { assertError } from "../api/support/assert-error";
import { call, expectStatus, type Credential } from "../api/support/call";
import { assertScimError, entraUser, expectScim, LIST_SCHEMA, PATCH_SCHEMA, scim } from "./support";
import { systemContext } from "@/lib/system-context";

/**
 * Replays the request sequence Microsoft Entra's provisioning service sends to a SCIM endpoint
 * (test connection, create, update, disable, groups, delete) and checks after each step that
 * sign-in and API access reflect it on the very next request.
 */
let reg: ApiRegistry;
let admin: Credential;
let secret: string;
let tokenId: string;
const objectId = randomUUID();
const entraGroupId = randomUUID();
const upn = "pradeep.gupta@contoso.example";
let userId: string;
let groupId: string;
let session: string;
let apiToken: string;

const as = () => ({ secret });
const slugs = (answer: { json: { items: { slug: string }[] } }) => answer.json.items.map((item) => item.slug);
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_SCHEMA], Operations });

before(async () => {
  reg = await startApiRegistry();
  admin = { session: await reg.session(reg.userIds.adele) };
  const created = await expectStatus(201, "POST", "/api/iam/provisioning-tokens", {
    as: admin,
    body: { name: "Entra provisioning" },
  });
  ({ secret, id: tokenId } = created.json);
  // A registry group mapped to the Entra group SCIM will push, exactly like a groups-claim mapping.
  await createGroup(systemContext(reg.db, { principal: null, requestId: "setup", system: true }.requestId), {
    name: "scim-analysts",
    description: "",
    entraMappings: { groups: [entraGroupId], appRoles: [] },
    serverAccess: [{ server: "slack", methods: ["*"], tools: ["*"] }],
    permissions: ["tokens:create"],
  });
});
after(async () => reg?.close());

test("test connection: a filter for a random userName is an empty ListResponse (200, application/scim+json)", async () => {
  const answer = await expectScim(
    200,
    "GET",
    `/Users?filter=${encodeURIComponent(`userName eq "${randomUUID()}"`)}`,
    as(),
  );
  assert.match(answer.headers.get("content-type")!, /^application\/scim\+json/);
  assert.deepEqual(answer.json, {
    schemas: [LIST_SCHEMA],
    totalResults: 0,
    startIndex: 1,
    itemsPerPage: 0,
    Resources: [],
  });
});

test("create: the filter finds nothing, POST creates the registry user before any sign-in; a second POST is 409 uniqueness", async () => {
  const probe = await expectScim(200, "GET", `/Users?filter=${encodeURIComponent(`userName eq "${upn}"`)}`, as());
  assert.equal(probe.json.totalResults, 0);

  const created = await expectScim(201, "POST", "/Users", { ...as(), body: entraUser(objectId, upn, "Pradeep Gupta") });
  userId = created.json.id;
  assert.equal(created.json.externalId, objectId);
  assert.equal(created.json.userName, upn);
  assert.equal(created.json.active, true);
  assert.deepEqual(created.json.emails, [{ value: upn, type: "work", primary: true }]);
  assert.equal(created.headers.get("location"), created.json.meta.location);
  assert.ok(created.json.meta.location.endsWith(`/scim/v2/Users/${userId}`));

  const user = await reg.db.user.findUniqueOrThrow({ where: { id: userId } });
  assert.deepEqual(
    [user.tenantId, user.objectId, user.displayName, user.email, user.enabled, user.lastSignInAt],
    [DEMO.tenant, objectId, "Pradeep Gupta", upn, true, null],
  );
  const audit = await reg.db.auditEvent.findFirstOrThrow({ where: { action: "user.create", targetId: userId } });
  assert.deepEqual(
    [audit.actorKind, audit.actorId, audit.actorName],
    ["provisioning-token", tokenId, "Entra provisioning"],
  );

  assertScimError(
    await scim("POST", "/Users", { ...as(), body: entraUser(objectId, upn, "Pradeep Gupta") }),
    409,
    "uniqueness",
  );
  assertScimError(
    await scim("POST", "/Users", { ...as(), body: entraUser(randomUUID(), upn, "Someone Else") }),
    409,
    "uniqueness",
  );

  const byExternalId = await expectScim(
    200,
    "GET",
    `/Users?filter=${encodeURIComponent(`externalId eq "${objectId}"`)}`,
    as(),
  );
  assert.deepEqual(
    byExternalId.json.Resources.map((resource: { id: string }) => resource.id),
    [userId],
  );
  assert.equal((await expectScim(200, "GET", `/Users/${userId}`, as())).json.displayName, "Pradeep Gupta");
});

test('update: PATCH with capitalised ops and emails[type eq "work"].value changes the registry user', async () => {
  const answer = await expectScim(200, "PATCH", `/Users/${userId}`, {
    ...as(),
    body: patch(
      { op: "Replace", path: 'emails[type eq "work"].value', value: "pradeep@contoso.example" },
      { op: "Replace", path: "displayName", value: "Pradeep G. Gupta" },
      { op: "Add", path: "name.givenName", value: "Pradeep" },
      {
        op: "Replace",
        path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
        value: "Finance",
      },
    ),
  });
  assert.equal(answer.json.displayName, "Pradeep G. Gupta");
  assert.deepEqual(answer.json.emails, [{ value: "pradeep@contoso.example", type: "work", primary: true }]);
  const user = await reg.db.user.findUniqueOrThrow({ where: { id: userId } });
  assert.deepEqual([user.displayName, user.email], ["Pradeep G. Gupta", "pradeep@contoso.example"]);
  // The first sign-in lands on the provisioned user (same tenant + object id), not a new one.
  session = await reg.signIn(objectId, { groups: [] });
  const me = (await expectStatus(200, "GET", "/api/me", { as: { session } })).json;
  assert.deepEqual([me.id, me.displayName], [userId, "Pradeep G. Gupta"]);
});

test("groups: create, member add → the mapped registry group's servers on the next request; remove → gone; rename", async () => {
  const before = await expectStatus(200, "GET", "/api/servers", { as: { session } });
  assert.ok(!slugs(before).includes("slack"), "no access before the group");

  const probe = await expectScim(
    200,
    "GET",
    `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "Analysts"')}`,
    as(),
  );
  assert.equal(probe.json.totalResults, 0);
  const created = await expectScim(201, "POST", "/Groups", {
    ...as(),
    body: {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      externalId: entraGroupId,
      displayName: "Analysts",
      members: [],
      meta: { resourceType: "Group" },
    },
  });
  groupId = created.json.id;
  assert.deepEqual(
    [created.json.externalId, created.json.displayName, created.json.members],
    [entraGroupId, "Analysts", []],
  );

  await expectScim(204, "PATCH", `/Groups/${groupId}`, {
    ...as(),
    body: patch({ op: "Add", path: "members", value: [{ $ref: null, value: userId }] }),
  });
  assert.ok(
    slugs(await expectStatus(200, "GET", "/api/servers", { as: { session } })).includes("slack"),
    "the group's servers right after the member add",
  );
  const me = await expectStatus(200, "GET", "/api/me", { as: { session } });
  const mapped = me.json.groups.find((group: { name: string }) => group.name === "scim-analysts");
  assert.deepEqual(mapped?.reasons, [{ kind: "entra-group", value: entraGroupId }]);
  const member = await expectScim(
    200,
    "GET",
    `/Groups?excludedAttributes=members&filter=${encodeURIComponent(`id eq "${groupId}" and members[value eq "${userId}"]`)}`,
    as(),
  );
  assert.equal(member.json.totalResults, 1);
  assert.equal(member.json.Resources[0].members, undefined, "excludedAttributes=members");

  apiToken = (await expectStatus(201, "POST", "/api/tokens", { as: { session }, body: { name: "laptop" } })).json.token;
  assert.ok(slugs(await expectStatus(200, "GET", "/api/servers", { as: { bearer: apiToken } })).includes("slack"));

  await expectScim(204, "PATCH", `/Groups/${groupId}`, {
    ...as(),
    body: patch({ op: "Remove", path: `members[value eq "${userId}"]` }),
  });
  assert.ok(
    !slugs(await expectStatus(200, "GET", "/api/servers", { as: { session } })).includes("slack"),
    "gone right after the member remove",
  );
  assert.deepEqual(
    slugs(await expectStatus(200, "GET", "/api/servers", { as: { bearer: apiToken } })),
    [],
    "the token carries only groups its owner still has",
  );

  // Entra's other remove form (value list), then add back for the steps below.
  await expectScim(204, "PATCH", `/Groups/${groupId}`, {
    ...as(),
    body: patch({ op: "Add", path: "members", value: [{ value: userId }] }),
  });
  await expectScim(204, "PATCH", `/Groups/${groupId}`, {
    ...as(),
    body: patch({ op: "Remove", path: "members", value: [{ value: userId }] }),
  });
  assert.equal((await expectScim(200, "GET", `/Groups/${groupId}`, as())).json.members.length, 0);
  await expectScim(204, "PATCH", `/Groups/${groupId}`, {
    ...as(),
    body: patch({ op: "Replace", path: "members", value: [{ value: userId }] }),
  });
  assert.ok(slugs(await expectStatus(200, "GET", "/api/servers", { as: { bearer: apiToken } })).includes("slack"));

  await expectScim(204, "PATCH", `/Groups/${groupId}`, {
    ...as(),
    body: patch({ op: "Replace", path: "displayName", value: "Analysts (EMEA)" }),
  });
  const renamed = await expectScim(
    200,
    "GET",
    `/Groups?filter=${encodeURIComponent('displayName eq "Analysts (EMEA)"')}`,
    as(),
  );
  assert.deepEqual(
    renamed.json.Resources.map((group: { id: string; members: { value: string }[] }) => [
      group.id,
      group.members.map((m) => m.value),
    ]),
    [[groupId, [userId]]],
  );
  const events = await reg.db.auditEvent.findMany({ where: { targetId: groupId }, orderBy: { at: "asc" } });
  assert.ok(
    events.length >= 7 &&
      events.every((event) => event.actorKind === "provisioning-token" && event.actorId === tokenId),
  );
});

test('disable: active "False" ends the session and the API token on the next request; "True" restores', async () => {
  const disabled = await expectScim(200, "PATCH", `/Users/${userId}`, {
    ...as(),
    body: patch({ op: "Replace", path: "active", value: "False" }),
  });
  assert.equal(disabled.json.active, false);
  assertError(await call("GET", "/api/me", { as: { session } }), 401, "unauthorized");
  assertError(await call("GET", "/api/servers", { as: { bearer: apiToken } }), 401, "invalid_token");
  assert.equal(await reg.db.session.count({ where: { userId } }), 0, "every session ended");
  await assert.rejects(
    reg.signIn(objectId, { groups: [] }),
    (error: unknown) => isAppError(error) && error.code === "forbidden",
    "a disabled user cannot sign in",
  );

  const enabled = await expectScim(200, "PATCH", `/Users/${userId}`, {
    ...as(),
    body: patch({ op: "Replace", path: "active", value: "True" }),
  });
  assert.equal(enabled.json.active, true);
  assert.ok(slugs(await expectStatus(200, "GET", "/api/servers", { as: { bearer: apiToken } })).includes("slack"));
  // The boolean form, and a patch without a path (a value object), work the same.
  await expectScim(200, "PATCH", `/Users/${userId}`, {
    ...as(),
    body: patch({ op: "replace", value: { active: false } }),
  });
  assertError(await call("GET", "/api/servers", { as: { bearer: apiToken } }), 401, "invalid_token");
  await expectScim(200, "PATCH", `/Users/${userId}`, {
    ...as(),
    body: patch({ op: "Replace", path: "active", value: true }),
  });
});

test("delete: the user is disabled (tokens 401 at once), leaves its groups and is no longer a SCIM resource; the group delete ends the mapping", async () => {
  await expectScim(204, "DELETE", `/Users/${userId}`, as());
  assertError(await call("GET", "/api/servers", { as: { bearer: apiToken } }), 401, "invalid_token");
  assertScimError(await scim("GET", `/Users/${userId}`, as()), 404);
  assertScimError(
    await scim("PATCH", `/Users/${userId}`, { ...as(), body: patch({ op: "Replace", path: "active", value: true }) }),
    404,
  );
  assert.equal(
    (await expectScim(200, "GET", `/Users?filter=${encodeURIComponent(`userName eq "${upn}"`)}`, as())).json
      .totalResults,
    0,
  );
  const user = await reg.db.user.findUniqueOrThrow({ where: { id: userId } });
  assert.equal(user.enabled, false);
  assert.equal(await reg.db.directoryGroupMember.count({ where: { userId } }), 0);

  // Assigned again in Entra: POST takes the same registry user over (same id, history kept).
  const again = await expectScim(201, "POST", "/Users", { ...as(), body: entraUser(objectId, upn, "Pradeep Gupta") });
  assert.equal(again.json.id, userId);
  assert.equal(again.json.active, true);

  await expectScim(204, "DELETE", `/Groups/${groupId}`, as());
  assertScimError(await scim("GET", `/Groups/${groupId}`, as()), 404);
  assertScimError(await scim("DELETE", `/Groups/${groupId}`, as()), 404);
  const events = await reg.db.auditEvent.findMany({ where: { actorId: tokenId } });
  assert.ok(events.some((event) => event.action === "directory-group.delete"));
  assert.ok(events.some((event) => event.action === "user.update" && event.targetId === userId));
});

test("every SCIM change moves the IAM generation in the database (so every instance drops cached principals); a no-op writes nothing", async () => {
  const generation = async () => readIamGeneration(reg.db);
  const user = (
    await expectScim(201, "POST", "/Users", {
      ...as(),
      body: entraUser(randomUUID(), "generation@contoso.example", "Gen Eration"),
    })
  ).json.id;
  let last = await generation();
  const steps: [string, string, unknown][] = [
    ["PATCH", `/Users/${user}`, patch({ op: "Replace", path: "active", value: "False" })],
    ["POST", "/Groups", { displayName: "Generation", externalId: randomUUID(), members: [] }],
  ];
  for (const [method, path, body] of steps) {
    await expectScim(method === "POST" ? 201 : 200, method, path, { ...as(), body });
    const now = await generation();
    assert.ok(now > last, `${method} ${path} moved the generation`);
    last = now;
  }
  const events = await reg.db.auditEvent.count();
  await expectScim(200, "PATCH", `/Users/${user}`, {
    ...as(),
    body: patch(
      { op: "Replace", path: "active", value: false },
      { op: "Replace", path: "displayName", value: "Gen Eration" },
    ),
  });
  assert.equal(await generation(), last, "an unchanged user writes nothing");
  assert.equal(await reg.db.auditEvent.count(), events, "and audits nothing");
});
