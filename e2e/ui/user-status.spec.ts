import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { DEMO_TENANT } from "../support/entra-client";
import { uniqueName } from "../support/registry-api";
import { refuseRequests } from "../support/refuse-requests";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/**
 * "Disable user" (confirmed) and "Enable user" on a user's page. The user is a fresh
 * pre-provisioned one, so no account another test relies on changes. The guards behind a 409
 * (last admin, self-disable) are tested through the API (tests/api/iam-users.test.ts); here the
 * server's answer is replaced by such a 409 to check what the admin sees.
 */
test.use({ storageState: DEMO_USERS.admin.storageState });

async function isEnabled(admin: APIRequestContext, id: string): Promise<boolean> {
  const response = await admin.get(`/api/iam/users/${id}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { enabled: boolean }).enabled;
}

test("a refused disable stays in the dialog and changes nothing; then the admin disables and enables the user", async ({
  page,
  adminApi,
  browserErrors,
}) => {
  const displayName = uniqueName("E2E Status");
  const created = await adminApi.post("/api/iam/users", {
    data: { tenantId: DEMO_TENANT, objectId: randomUUID(), displayName },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const message = "This change would leave the registry without an admin. Make someone else an admin first.";
  const allow = await refuseRequests(page, "PATCH", `/api/iam/users/${id}`, { status: 409, code: "conflict", message });
  browserErrors.expectFailedResponse(409, new RegExp(`/api/iam/users/${id}`));

  await page.goto(`/settings/iam/users/${id}`);
  await page.getByRole("button", { name: "Disable user" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Disable ${displayName}?` });
  await dialog.getByRole("button", { name: "Disable user" }).click();
  await expect(dialog.getByRole("alert")).toContainText(message);
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("alert").filter({ hasText: `${displayName} was not changed` })).toContainText(message);
  expect(await isEnabled(adminApi, id)).toBe(true);

  // Opened again, the dialog no longer shows the old refusal; this time the server decides.
  await allow();
  await page.getByRole("button", { name: "Disable user" }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Disable user" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "User disabled" })).toBeVisible();
  expect(await isEnabled(adminApi, id)).toBe(false);

  await page.getByRole("button", { name: "Enable user" }).click();
  await expect(page.getByRole("status").filter({ hasText: "User enabled" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Disable user" })).toBeVisible();
  expect(await isEnabled(adminApi, id)).toBe(true);
});
