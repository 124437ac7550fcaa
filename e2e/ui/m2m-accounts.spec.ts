import { randomUUID } from "node:crypto";
import { clientCredentialsToken, DEMO_APPS, DEMO_TENANT } from "../support/entra-client";
import {
  createGroup,
  createM2mAccount,
  deleteGroup,
  deleteM2mAccountsNamed,
  expectError,
  findM2mAccountsNamed,
  uniqueName,
  visibleServers,
  visibleTools,
} from "../support/registry-api";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/**
 * SPEC §7 Settings > IAM > M2M Accounts, driven in the browser by the demo admin, with the
 * effect checked the way a machine sees it: a real client-credentials token from the bundled
 * Entra ID emulator (@azure/msal-node) against the registry's API.
 */
test.use({ storageState: DEMO_USERS.admin.storageState });

test("an admin links an Entra app in the UI; its own token then sees exactly what the group grants, follows group edits, and is refused once disabled", async ({
  page,
  adminApi,
  bearerApi,
  cleanup,
}) => {
  // A long scenario: link, three token checks through msal-node, a group edit, disable, delete.
  test.setTimeout(60_000);
  const group = uniqueName("e2e-ui-m2m");
  await createGroup(adminApi, {
    name: group,
    serverAccess: [{ server: "slack", methods: ["tools/list"], tools: ["post_message"] }],
  });
  cleanup(() => deleteGroup(adminApi, group));
  const accountName = uniqueName("e2e-ui-agent");
  // If the test stops half-way the demo app must not stay linked: the API project links it too.
  cleanup(() => deleteM2mAccountsNamed(adminApi, accountName));

  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  const settingsNav = page.getByRole("navigation", { name: "Settings" });
  await settingsNav.getByRole("link", { name: "M2M Accounts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "M2M Accounts" })).toBeVisible();

  await page.getByRole("button", { name: "Link Entra app" }).click();
  const linkDialog = page.getByRole("dialog", { name: "Link Entra app" });
  await expect(linkDialog.getByLabel("Tenant id")).toHaveValue(DEMO_TENANT);
  await linkDialog.getByLabel("Client id").fill(DEMO_APPS.unlinked.clientId);
  await linkDialog.getByRole("textbox", { name: "Name", exact: true }).fill(accountName);
  await linkDialog.getByRole("checkbox", { name: group }).check();
  await linkDialog.getByRole("button", { name: "Link app" }).click();
  await expect(linkDialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `Linked ${accountName}` })).toBeVisible();
  const row = page
    .getByRole("table", { name: "M2M accounts" })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: accountName, exact: true }) });
  // Ids are shortened in the list, whole on hover, and copyable.
  await expect(row.getByTitle(DEMO_APPS.unlinked.clientId)).toHaveText(`${DEMO_APPS.unlinked.clientId.slice(0, 8)}…`);
  await expect(row.getByRole("button", { name: /^Copy client id of / })).toBeVisible();
  // The tenant id column is secondary at laptop width (shown from 1536 px, and on the account's page).
  await expect(row.getByTitle(DEMO_TENANT)).toBeAttached();
  await expect(row).toContainText(group);
  await expect(row).toContainText("Enabled");

  const machine = await bearerApi(await clientCredentialsToken(DEMO_APPS.unlinked));
  expect(await visibleServers(machine)).toEqual(["slack"]);
  expect(await visibleTools(machine, "slack")).toEqual(["post_message"]);

  // Settings > IAM > Groups > the group: one more tool on the slack rule, and a rule for jira.
  await settingsNav.getByRole("link", { name: "Groups" }).click();
  await page.getByRole("searchbox", { name: "Search groups" }).fill(group);
  await page.getByRole("searchbox", { name: "Search groups" }).press("Enter");
  await page.getByRole("link", { name: group, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: group })).toBeVisible();
  const slackRule = page.getByRole("listitem", { name: "Rule 1" });
  await expect(slackRule.getByRole("checkbox", { name: "post_message" })).toBeChecked();
  await slackRule.getByRole("checkbox", { name: "search_messages" }).check();
  await page.getByRole("button", { name: "Add rule" }).click();
  const jiraRule = page.getByRole("listitem", { name: "Rule 2" });
  const serverPicker = jiraRule.getByRole("combobox", { name: "Rule 2: server" });
  await serverPicker.fill("jira");
  await jiraRule.getByRole("option", { name: /^jira\b/ }).click();
  await expect(serverPicker).toHaveValue("jira");
  await expect(jiraRule.getByRole("checkbox", { name: "All methods (*)" })).toBeChecked();
  await jiraRule.getByRole("checkbox", { name: "All tools (*)" }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Group saved" })).toBeVisible();
  await expect(page.getByText("No unsaved changes.")).toBeVisible();

  expect(await visibleServers(machine)).toEqual(["jira", "slack"]);
  expect(await visibleTools(machine, "slack")).toEqual(["post_message", "search_messages"]);

  // Disable on the account's page: the same token is refused from the next request.
  await settingsNav.getByRole("link", { name: "M2M Accounts" }).click();
  await page.getByRole("link", { name: accountName, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: accountName })).toBeVisible();
  const viewAccess = page.getByRole("table", { name: "Servers this account can see" });
  await expect(viewAccess.getByRole("rowheader")).toHaveText([/^Jira\s+jira/, /^Slack\s+slack/]);
  const enabled = page.getByRole("switch", { name: "Enabled" });
  await expect(enabled).toBeChecked();
  await enabled.click();
  await expect(page.getByRole("status").filter({ hasText: `${accountName} disabled` })).toBeVisible();
  await expect(enabled).not.toBeChecked();
  await expectError(await machine.get("/api/servers"), 403, "client_not_registered");

  // Delete, with the typed confirmation.
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const confirm = page.getByRole("alertdialog", { name: `Delete M2M account ${accountName}?` });
  const deleteButton = confirm.getByRole("button", { name: "Delete account" });
  await expect(deleteButton).toBeDisabled();
  await confirm.getByLabel(`Type ${accountName} to confirm`).fill(`${accountName}x`);
  await expect(deleteButton).toBeDisabled();
  await confirm.getByLabel(`Type ${accountName} to confirm`).fill(accountName);
  await deleteButton.click();
  await page.waitForURL((url) => url.pathname === "/settings/iam/m2m-accounts");
  await expect(page.getByRole("status").filter({ hasText: `Deleted ${accountName}` })).toBeVisible();
  await expect(page.getByRole("link", { name: accountName, exact: true })).toHaveCount(0);
  expect(await findM2mAccountsNamed(adminApi, accountName)).toEqual([]);
  await expectError(await machine.get("/api/servers"), 403, "client_not_registered");
});

test("linking an app that is already linked shows the conflict on the client id field", async ({
  page,
  adminApi,
  cleanup,
  browserErrors,
}) => {
  // A made-up app id: this test never needs a token, and it must not collide with the demo apps.
  const clientId = randomUUID();
  const existing = await createM2mAccount(adminApi, {
    tenantId: DEMO_TENANT,
    clientId,
    name: uniqueName("e2e-ui-linked"),
  });
  cleanup(() => deleteM2mAccountsNamed(adminApi, existing.name));
  const secondName = uniqueName("e2e-ui-again");
  cleanup(() => deleteM2mAccountsNamed(adminApi, secondName));
  browserErrors.expectFailedResponse(409, /\/api\/iam\/m2m-accounts$/);

  await page.goto("/settings/iam/m2m-accounts");
  await page.getByRole("button", { name: "Link Entra app" }).click();
  const dialog = page.getByRole("dialog", { name: "Link Entra app" });
  await dialog.getByLabel("Client id").fill(clientId);
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(secondName);
  const link = page.waitForResponse(
    (response) =>
      response.request().method() === "POST" && new URL(response.url()).pathname === "/api/iam/m2m-accounts",
  );
  await dialog.getByRole("button", { name: "Link app" }).click();
  expect((await link).status()).toBe(409);

  const clientIdField = dialog.getByLabel("Client id");
  await expect(clientIdField).toHaveAttribute("aria-invalid", "true");
  await expect(clientIdField).toHaveAccessibleDescription(
    new RegExp(`already linked as M2M account "${existing.name}"`),
  );
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("textbox", { name: "Name", exact: true })).not.toHaveAttribute("aria-invalid", "true");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await findM2mAccountsNamed(adminApi, secondName)).toEqual([]);
});

test("View access lists only what an app can use, never calls tools/call access read-only, and a disabled account sees nothing", async ({
  page,
  adminApi,
  cleanup,
}) => {
  const group = uniqueName("e2e-ui-callers");
  await createGroup(adminApi, {
    name: group,
    permissions: ["tokens:create", "audit:read"],
    serverAccess: [{ server: "github", methods: ["tools/list", "tools/call"], tools: ["search_issues"] }],
  });
  cleanup(() => deleteGroup(adminApi, group));
  const account = await createM2mAccount(adminApi, {
    tenantId: DEMO_TENANT,
    clientId: randomUUID(),
    name: uniqueName("e2e-ui-caller"),
    groups: [group],
  });
  cleanup(() => deleteM2mAccountsNamed(adminApi, account.name));

  await page.goto(`/settings/iam/m2m-accounts/${account.id}`);
  const card = page.getByRole("region", { name: "View access" });
  const permissions = card.getByRole("definition").filter({ hasText: "audit:read" });
  await expect(permissions.getByText("audit:read", { exact: true })).toBeVisible();
  await expect(permissions.getByText("tokens:create", { exact: true })).toHaveCount(0);
  await expect(permissions).toContainText(
    "tokens:create (via " + group + ") does not apply: only people hold API tokens.",
  );
  await expect(card).not.toContainText(/read-only/i);
  await expect(card.getByRole("table", { name: "Servers this account can see" }).getByRole("rowheader")).toHaveText([
    /GitHub/,
  ]);

  expect((await adminApi.patch(`/api/iam/m2m-accounts/${account.id}`, { data: { enabled: false } })).status()).toBe(
    200,
  );
  await page.reload();
  await expect(card).toContainText("Disabled: sees nothing.");
  await expect(card.getByRole("table")).toHaveCount(0);
});
