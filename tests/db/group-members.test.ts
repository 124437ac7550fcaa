import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { getConfig } from "@/lib/config";
import { dbReady, getDb } from "@/lib/db";
import { ensureBuiltIns } from "@/lib/iam/ensure-built-ins";
import { createGroup } from "@/lib/iam/groups/create-group";
import { findGroupMembers } from "@/lib/iam/groups/find-group-members";
import { getGroup } from "@/lib/iam/groups/find-groups";
import { createGroupSchema } from "@/lib/iam/groups/schemas";
import { createM2mAccount } from "@/lib/iam/m2m-accounts/create-m2m-account";
import { createUser } from "@/lib/iam/users/create-user";
import { useTestRegistry } from "../support/registry-env";
import { systemContext } from "@/lib/system-context";

let registry: Awaited<ReturnType<typeof useTestRegistry>>;
const ctx = { principal: null, requestId: "test", system: true };
const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

before(async () => {
  registry = await useTestRegistry();
  await dbReady();
  await ensureBuiltIns(getDb(), getConfig(), ctx);
});
after(async () => registry.close());

test("members come back named and sorted by name, with totals, capped at `shown`", async () => {
  const db = getDb();
  await createGroup(systemContext(db, ctx.requestId), createGroupSchema.parse({ name: "members-probe" }));
  await createGroup(systemContext(db, ctx.requestId), createGroupSchema.parse({ name: "members-other" }));
  for (const [n, name] of [
    [1, "Zoe"],
    [2, "Adam"],
    [3, "Mia"],
  ] as const) {
    await createUser(systemContext(db, ctx.requestId), {
      tenantId: guid(90),
      objectId: guid(n),
      displayName: name,
      email: `${name.toLowerCase()}@example.com`,
      groups: ["members-probe"],
      enabled: n !== 3,
    });
  }
  await createUser(systemContext(db, ctx.requestId), {
    tenantId: guid(90),
    objectId: guid(4),
    displayName: "Outsider",
    groups: ["members-other"],
    enabled: true,
  });
  await createM2mAccount(systemContext(db, ctx.requestId), {
    tenantId: guid(90),
    clientId: guid(5),
    name: "ci-bot",
    description: "",
    groups: ["members-probe"],
    enabled: true,
  });

  const group = (await getGroup(systemContext(db, "test"), { name: "members-probe" }))!;
  const members = await findGroupMembers(systemContext(db, "test"), group);
  assert.deepEqual(
    members.users.map((u) => [u.name, u.detail, u.enabled]),
    [
      ["Adam", "adam@example.com", true],
      ["Mia", "mia@example.com", false],
      ["Zoe", "zoe@example.com", true],
    ],
  );
  assert.deepEqual(
    members.m2mAccounts.map((a) => [a.name, a.detail]),
    [["ci-bot", `client ${guid(5)}`]],
  );
  assert.equal(members.userTotal, 3);
  assert.equal(members.m2mTotal, 1);

  const capped = await findGroupMembers(systemContext(db, "test"), group, 2);
  assert.deepEqual(
    capped.users.map((u) => u.name),
    ["Adam", "Mia"],
  );
  assert.equal(capped.userTotal, 3);

  const empty = await findGroupMembers(
    systemContext(db, "test"),
    (await getGroup(systemContext(db, "test"), { name: "registry-admins" }))!,
  );
  assert.deepEqual(empty.m2mAccounts, []);
});
