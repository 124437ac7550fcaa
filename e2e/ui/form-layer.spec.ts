import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { createGroup, deleteGroup, deleteM2mAccountsNamed, uniqueName } from "../support/registry-api";
import { holdRequests } from "../support/hold-requests";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/**
 * The one form layer (components/ui/use-api-form.ts) as people meet it: nothing is flagged in a
 * form nobody typed in, sending checks every field, an API refusal lands on the field it names,
 * a request in flight disables the form and cannot be sent twice, and Enter sends.
 */
test.use({ storageState: DEMO_USERS.admin.storageState });

async function revokeProvisioningTokensNamed(admin: APIRequestContext, name: string) {
  const list = await admin.get("/api/iam/provisioning-tokens?limit=200");
  for (const token of (await list.json()).items as { id: string; name: string; revokedAt: string | null }[]) {
    if (token.name === name && !token.revokedAt) await admin.delete(`/api/iam/provisioning-tokens/${token.id}`);
  }
}

test("tabbing through an untouched form flags nothing; sending it does, on the field, and typing clears it", async ({
  page,
}) => {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/tokens") posts.push(request.url());
  });
  await page.goto("/settings/tokens");
  await page.getByRole("button", { name: "Create token", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Create API token" });
  const name = dialog.getByRole("textbox", { name: "Name", exact: true });
  await name.focus();
  await page.keyboard.press("Tab");
  await expect(name).not.toBeFocused();
  await expect(dialog.locator("[aria-invalid=true]")).toHaveCount(0);

  await dialog.getByRole("button", { name: "Create token" }).click();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription(/^Name is required/);
  await expect(name).toBeFocused();
  expect(posts).toEqual([]);
  await page.keyboard.type("laptop");
  await expect(name).not.toHaveAttribute("aria-invalid", "true");
  await dialog.getByRole("button", { name: "Cancel" }).click();
});

test("a 422 from the API lands on the field it names, not in a form-level alert", async ({ page, browserErrors }) => {
  const missing = uniqueName("e2e-no-such-server");
  browserErrors.expectFailedResponse(422, "/api/tokens");
  // The server restriction comes from the URL, so the API is the one that finds the server missing.
  await page.goto(`/settings/tokens?server=${missing}`);
  const dialog = page.getByRole("dialog", { name: "Create API token" });
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(uniqueName("e2e-ui-422"));
  const response = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/tokens");
  await dialog.getByRole("button", { name: "Create token" }).click();
  expect((await response).status()).toBe(422);
  const servers = dialog.getByRole("group", { name: "Restrict to servers" });
  await expect(servers).toHaveAttribute("aria-invalid", "true");
  await expect(servers).toHaveAccessibleDescription(new RegExp(`no such server: ${missing}`));
  await expect(dialog.getByRole("textbox", { name: "Name", exact: true })).not.toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  await expect(dialog).toBeVisible();
});

test("a group deleted while the dialog is open: the API's 422 shows on Groups", async ({
  page,
  adminApi,
  cleanup,
  browserErrors,
}) => {
  const group = uniqueName("e2e-ui-gone");
  const account = uniqueName("e2e-ui-m2m-422");
  await createGroup(adminApi, { name: group });
  cleanup(() => deleteGroup(adminApi, group));
  cleanup(() => deleteM2mAccountsNamed(adminApi, account));
  browserErrors.expectFailedResponse(422, /\/api\/iam\/m2m-accounts$/);

  await page.goto("/settings/iam/m2m-accounts");
  await page.getByRole("button", { name: "Link Entra app" }).click();
  const dialog = page.getByRole("dialog", { name: "Link Entra app" });
  await dialog.getByLabel("Client id").fill(randomUUID());
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(account);
  const groups = dialog.getByRole("group", { name: "Groups" });
  // Long lists get a filter box; the demo data may or may not have that many groups.
  const filter = groups.getByRole("searchbox", { name: "Filter groups" });
  if ((await filter.count()) > 0) await filter.fill(group);
  await groups.getByRole("checkbox", { name: group }).check();
  await deleteGroup(adminApi, group);
  await dialog.getByRole("button", { name: "Link app" }).click();
  await expect(groups).toHaveAccessibleDescription(new RegExp(`no such group: ${group}`));
  await expect(dialog.getByLabel("Client id")).not.toHaveAttribute("aria-invalid", "true");
});

test("Enter sends; while the request runs the form is disabled and a second Enter sends nothing", async ({
  page,
  adminApi,
  cleanup,
}) => {
  const name = uniqueName("e2e-ui-pending");
  cleanup(() => revokeProvisioningTokensNamed(adminApi, name));
  // Hold the real request until the pending state was checked, then let it through unchanged.
  const { requests: posts, release } = await holdRequests(page, "POST", "/api/iam/provisioning-tokens");

  await page.goto("/settings/iam/provisioning");
  await page.getByRole("button", { name: "Create secret" }).click();
  const dialog = page.getByRole("dialog", { name: "Create provisioning secret" });
  const field = dialog.getByRole("textbox", { name: "Name", exact: true });
  await field.fill(name);
  await field.press("Enter");
  const submit = dialog.getByRole("button", { name: "Creating…" });
  await expect(submit).toBeDisabled();
  await expect(submit).toHaveAttribute("aria-busy", "true");
  await expect(field).toBeDisabled();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeDisabled();
  // Another submit (the disabled button cannot be pressed, so ask the form directly) sends nothing.
  await dialog.locator("form").evaluate((form: HTMLFormElement) => form.requestSubmit());
  expect(posts).toHaveLength(1);
  release();

  const secretDialog = page.getByRole("dialog", { name: `Provisioning secret ${name} created` });
  await expect(secretDialog.getByRole("textbox", { name: "New provisioning secret" })).toHaveValue(/^mcps_/);
  expect(posts).toHaveLength(1);
});

test("two submits at once: the dropped second one leaves the form disabled until the first answers", async ({
  page,
  adminApi,
  cleanup,
}) => {
  const name = uniqueName("e2e-ui-pending-twice");
  cleanup(() => revokeProvisioningTokensNamed(adminApi, name));
  const { requests: posts, arrived: held, release } = await holdRequests(page, "POST", "/api/iam/provisioning-tokens");

  await page.goto("/settings/iam/provisioning");
  await page.getByRole("button", { name: "Create secret" }).click();
  const dialog = page.getByRole("dialog", { name: "Create provisioning secret" });
  const field = dialog.getByRole("textbox", { name: "Name", exact: true });
  await field.fill(name);
  // In one task, so React renders nothing in between: the second submit gets past the form's
  // own guard, and useApiCall drops it. It settles in microtasks, before the request reaches the route.
  await dialog.locator("form").evaluate((form: HTMLFormElement) => {
    form.requestSubmit();
    form.requestSubmit();
  });
  await held;
  await expect(dialog.getByRole("button", { name: "Creating…" })).toBeDisabled();
  await expect(field).toBeDisabled();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeDisabled();
  expect(posts).toHaveLength(1);
  release();

  const secretDialog = page.getByRole("dialog", { name: `Provisioning secret ${name} created` });
  await expect(secretDialog.getByRole("textbox", { name: "New provisioning secret" })).toHaveValue(/^mcps_/);
  expect(posts).toHaveLength(1);
});

test("Add user: an Entra user who already exists is refused on the Object id field", async ({
  page,
  adminApi,
  browserErrors,
}) => {
  const list = await adminApi.get("/api/iam/users?limit=200");
  const users = (await list.json()).items as { displayName: string; tenantId: string; objectId: string }[];
  const existing = users.find((user) => user.displayName === DEMO_USERS.regular.displayName);
  expect(existing).toBeDefined();
  browserErrors.expectFailedResponse(409, /\/api\/iam\/users$/);

  await page.goto("/settings/iam/users");
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add user" });
  await dialog.getByRole("textbox", { name: "Display name" }).fill("Duplicate of an existing user");
  await dialog.getByRole("combobox", { name: "Tenant id" }).fill(existing!.tenantId);
  const objectId = dialog.getByRole("textbox", { name: "Object id" });
  await objectId.fill(existing!.objectId);
  await objectId.press("Enter");
  await expect(objectId).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByRole("textbox", { name: "Display name" })).not.toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByRole("alert")).toHaveCount(0);
});
