import type { Page } from "@playwright/test";
import { createGroup, deleteGroup, uniqueName } from "../support/registry-api";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/**
 * Optimistic concurrency on groups (the API answers 409 on a stale `version`): two admins edit
 * the same group; the second save must not overwrite the first, and must say so clearly.
 */
test.use({ storageState: DEMO_USERS.admin.storageState });

async function openGroup(page: Page, name: string) {
  await page.goto(`/settings/iam/groups/${name}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.getByRole("textbox", { name: "Description" });
}

test("the second of two admins saving the same group sees a conflict and can reload the first one's change", async ({
  page,
  adminApi,
  cleanup,
  newPageAs,
  browserErrors,
}) => {
  const name = uniqueName("e2e-ui-conflict");
  await createGroup(adminApi, {
    name,
    description: "original",
    serverAccess: [{ server: "slack", methods: ["tools/list"], tools: ["post_message"] }],
  });
  cleanup(() => deleteGroup(adminApi, name));
  const second = await newPageAs("admin");
  browserErrors.expectFailedResponse(409, `/api/iam/groups/${name}`);

  const firstDescription = await openGroup(page, name);
  const secondDescription = await openGroup(second, name);

  await firstDescription.fill("saved first");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Group saved" })).toBeVisible();

  await secondDescription.fill("saved second, from a stale page");
  const staleSave = second.waitForResponse(
    (response) =>
      response.request().method() === "PATCH" && new URL(response.url()).pathname === `/api/iam/groups/${name}`,
  );
  await second.getByRole("button", { name: "Save changes" }).click();
  expect((await staleSave).status()).toBe(409);
  const conflict = second
    .getByRole("alert")
    .filter({ hasText: "Someone else changed this group while you were editing" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(`Group ${name} was changed by someone else`);
  await expect(conflict).toContainText("Reload to get the latest version");
  // The stale edit is still on screen (not silently dropped) until the admin reloads.
  await expect(secondDescription).toHaveValue("saved second, from a stale page");

  const stored = await (await adminApi.get(`/api/iam/groups/${name}`)).json();
  expect(stored.description).toBe("saved first");

  await conflict.getByRole("button", { name: "Reload" }).click();
  await expect(secondDescription).toHaveValue("saved first");
  await expect(second.getByRole("alert").filter({ hasText: "Someone else changed" })).toHaveCount(0);
  await expect(second.getByText("No unsaved changes.")).toBeVisible();
});
