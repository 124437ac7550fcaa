import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { provisionedGroupIds } from "@/lib/auth/groups-overage/provisioned-group-ids";
import { dbReady, getDb } from "@/lib/db";
import { useTestRegistry } from "../support/registry-env";

const TENANT = "77ac5383-74a0-4b68-ae2c-83504351a44e";
const PROVISIONED = "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b";
const SIGNED_IN_ONLY = "2a3b4c5d-6e7f-4081-9283-a4b5c6d7e8f9";
const GROUP = "3c4d5e6f-7081-4293-a4b5-c6d7e8f9a0b1";
let registry: Awaited<ReturnType<typeof useTestRegistry>>;

before(async () => {
  registry = await useTestRegistry();
  await dbReady();
  const db = getDb();
  const provisioned = await db.user.create({
    data: {
      tenantId: TENANT,
      objectId: PROVISIONED,
      displayName: "Provisioned",
      entraGroupIds: [],
      entraAppRoles: [],
      userName: "p@contoso.example",
    },
  });
  await db.user.create({
    data: {
      tenantId: TENANT,
      objectId: SIGNED_IN_ONLY,
      displayName: "Signed in",
      entraGroupIds: [],
      entraAppRoles: [],
    },
  });
  const group = await db.directoryGroup.create({
    data: { tenantId: TENANT, externalId: GROUP, displayName: "Payments engineers" },
  });
  await db.directoryGroupMember.create({ data: { groupId: group.id, userId: provisioned.id } });
});
after(async () => registry.close());

test("groups overage: a SCIM-provisioned user's groups come from provisioning (Graph is not asked)", async () => {
  assert.deepEqual(await provisionedGroupIds(getDb(), TENANT, PROVISIONED.toUpperCase()), [GROUP]);
});

test("groups overage: a user SCIM never provisioned, an app, or a deprovisioned user → null (ask Graph)", async () => {
  assert.equal(await provisionedGroupIds(getDb(), TENANT, SIGNED_IN_ONLY), null);
  assert.equal(await provisionedGroupIds(getDb(), TENANT, "82f936e6-5b85-4bd1-b012-93cebad3fb38"), null);
  await getDb().user.update({
    where: { tenantId_objectId: { tenantId: TENANT, objectId: PROVISIONED } },
    data: { deprovisionedAt: new Date() },
  });
  assert.equal(await provisionedGroupIds(getDb(), TENANT, PROVISIONED), null);
});
