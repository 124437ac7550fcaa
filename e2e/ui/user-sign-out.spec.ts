import { randomUUID } from "node:crypto";
import { DEMO_TENANT } from "../support/entra-client";
import { uniqueName } from "../support/registry-api";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/**
 * "Sign out everywhere" on a user's page: confirmed, then reported and audited. The user is a
 * fresh pre-provisioned one, so no session another test relies on ends; that sessions really
 * end is tested through the API (tests/api/iam-users.test.ts).
 */
test.use({ storageState: DEMO_USERS.admin.storageState });

test("an admin signs a user out everywhere after confirming; the audit log records it", async ({ page, adminApi }) => {
  const displayName = uniqueName("E2E Sign-out");
  const created = await adminApi.post("/api/iam/users", {
    data: { tenantId: DEMO_TENANT, objectId: randomUUID(), displayName },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await page.goto(`/settings/iam/users/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: displayName })).toBeVisible();
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Sign ${displayName} out everywhere?` });
  await expect(dialog).toContainText("API tokens keep working");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${displayName} had no active sessions`)).toBeVisible();

  const audit = await adminApi.get(`/api/audit?action=user.sign-out&target=${id}`);
  const events = ((await audit.json()) as { items: { actor: { name: string }; after: { endedSessions: number } }[] })
    .items;
  expect(events.map((event) => [event.actor.name, event.after.endedSessions])).toEqual([
    [DEMO_USERS.admin.displayName, 0],
  ]);
});
