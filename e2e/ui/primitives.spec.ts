import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { APIRequestContext, Locator, Page, Route } from "@playwright/test";
import { SCREENSHOTS_DIR } from "../fixtures";
import { DEMO_TENANT } from "../support/entra-client";
import { expectNoHorizontalOverflow } from "../support/no-overflow";
import {
  createGroup,
  createM2mAccount,
  deleteGroup,
  deleteM2mAccountsNamed,
  revokeTokensNamed,
  uniqueName,
} from "../support/registry-api";
import { expect, test, type Cleanup } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/**
 * Keyboard and screen-reader behaviour of the UI primitives (components/ui) that a change of
 * their implementation could break: dialog focus trap, Esc and focus return; confirmations;
 * the combobox keys and its wildcard rule; tabs; switch; toasts announced as status.
 */
test.use({ storageState: DEMO_USERS.admin.storageState });

/**
 * Tabs, then Shift+Tabs, once more than the dialog has stops; a focus listener in the page
 * records every element that took focus, and none may be outside the dialog.
 */
async function expectFocusTrapped(page: Page, dialog: Locator) {
  const stops = await dialog.evaluate((element) => {
    const record = window as unknown as { focusedOutside: string[] };
    record.focusedOutside = [];
    document.addEventListener("focusin", (event) => {
      const target = event.target as HTMLElement;
      if (!element.contains(target)) record.focusedOutside.push(target.outerHTML.slice(0, 80));
    });
    return element.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), textarea, [tabindex="0"]')
      .length;
  });
  expect(stops).toBeGreaterThan(1);
  for (const key of ["Tab", "Shift+Tab"]) {
    for (let step = 0; step <= stops; step += 1) await page.keyboard.press(key);
  }
  expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { focusedOutside: string[] }).focusedOutside)).toEqual([]);
}

async function screenshotAt(page: Page, name: string, dialog: Locator) {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await expect(dialog).toBeVisible();
    await expectNoHorizontalOverflow(page, `${name} at ${width}px`);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("dialog: focus starts inside and is trapped, Esc closes and returns focus", async ({ page }) => {
  await page.goto("/settings/tokens");
  await expect(page.getByRole("heading", { level: 1, name: "API Tokens" })).toBeVisible();

  const opener = page.getByRole("button", { name: "Create token" });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "Create API token" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute("aria-modal", "true");
  // The first field of the body, not the close button.
  await expect(dialog.getByRole("textbox", { name: "Name", exact: true })).toBeFocused();
  await expectFocusTrapped(page, dialog);
  await screenshotAt(page, "dialog-create-token", dialog);

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test("the shown-once secret dialog traps focus and ignores Esc and outside clicks", async ({
  page,
  adminApi,
  cleanup,
}) => {
  const name = uniqueName("e2e-ui-primitive-token");
  cleanup(() => revokeTokensNamed(adminApi, [name]));
  await page.goto("/settings/tokens");
  const opener = page.getByRole("button", { name: "Create token" });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "Create API token" });
  await expect(dialog.getByRole("textbox", { name: "Name", exact: true })).toHaveValue("");
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await dialog.getByRole("button", { name: "Create token" }).click();

  const secretDialog = page.getByRole("dialog", { name: `Token ${name} created` });
  await expect(secretDialog).toHaveAccessibleDescription(/You will not be able to see it again/);
  await expect(secretDialog.getByRole("textbox", { name: "New API token" })).toHaveValue(/^mcpr_/);
  await expectFocusTrapped(page, secretDialog);
  await screenshotAt(page, "dialog-secret-reveal", secretDialog);
  // Esc and a click outside must not throw the secret away.
  await page.keyboard.press("Escape");
  await page.mouse.click(5, 5);
  await expect(secretDialog).toBeVisible();
  await secretDialog.getByRole("button", { name: "I have copied the token" }).click();
  await expect(secretDialog).toBeHidden();
});

test("confirmation: an alertdialog with a description; a typed confirmation takes focus and gates the action; Esc returns focus", async ({
  page,
  adminApi,
  cleanup,
}) => {
  const group = uniqueName("e2e-ui-primitive-confirm");
  await createGroup(adminApi, { name: group });
  cleanup(() => deleteGroup(adminApi, group));

  await page.goto(`/settings/iam/groups/${group}`);
  await expect(page.getByRole("heading", { level: 1, name: group })).toBeVisible();
  const deleteGroupButton = page.getByRole("button", { name: "Delete group" });
  await deleteGroupButton.click();
  const groupConfirm = page.getByRole("alertdialog", { name: `Delete group ${group}?` });
  await expect(groupConfirm).toHaveAccessibleDescription("This cannot be undone.");
  // Typed confirmation: its field takes focus, and the action waits for the exact text.
  const typed = groupConfirm.getByRole("textbox", { name: `Type ${group} to confirm` });
  await expect(typed).toBeFocused();
  await expect(groupConfirm.getByRole("button", { name: "Delete group" })).toBeDisabled();
  await typed.fill(group.slice(0, -1));
  await expect(groupConfirm.getByRole("button", { name: "Delete group" })).toBeDisabled();
  await page.keyboard.press("Escape");
  await expect(groupConfirm).toBeHidden();
  await expect(deleteGroupButton).toBeFocused();
  await deleteGroupButton.click();
  await expect(typed).toHaveValue("");
});

test("confirmation dialogs trap focus", async ({ page, adminApi, cleanup }) => {
  const accountName = uniqueName("e2e-ui-primitive-agent");
  const account = await createM2mAccount(adminApi, {
    tenantId: DEMO_TENANT,
    clientId: randomUUID(),
    name: accountName,
  });
  cleanup(() => deleteM2mAccountsNamed(adminApi, accountName));
  await page.goto(`/settings/iam/m2m-accounts/${account.id}`);
  await expect(page.getByRole("heading", { level: 1, name: accountName })).toBeVisible();
  const deleteAccount = page.getByRole("button", { name: "Delete", exact: true });
  await deleteAccount.click();
  const confirm = page.getByRole("alertdialog", { name: `Delete M2M account ${accountName}?` });
  await expectFocusTrapped(page, confirm);
  await screenshotAt(page, "dialog-confirm-typed", confirm);
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(deleteAccount).toBeFocused();
});

test("confirmation without typed text focuses Cancel", async ({ page, adminApi }) => {
  const displayName = uniqueName("E2E Primitive");
  const created = await adminApi.post("/api/iam/users", {
    data: { tenantId: DEMO_TENANT, objectId: randomUUID(), displayName },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/settings/iam/users/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: displayName })).toBeVisible();
  const opener = page.getByRole("button", { name: "Sign out everywhere" });
  await opener.click();
  const dialog = page.getByRole("alertdialog", { name: `Sign ${displayName} out everywhere?` });
  await expect(dialog).toHaveAccessibleDescription("Every browser session of this user ends at once.");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await screenshotAt(page, "dialog-confirm", dialog);
  // An alertdialog is not dismissed by a click outside it.
  await page.mouse.click(5, 5);
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

/** A new enabled M2M account, deleted after the test: its page has the Enabled switch. */
async function enabledAccount(adminApi: APIRequestContext, cleanup: Cleanup, prefix: string) {
  const account = await createM2mAccount(adminApi, {
    tenantId: DEMO_TENANT,
    clientId: randomUUID(),
    name: uniqueName(prefix),
  });
  cleanup(() => deleteM2mAccountsNamed(adminApi, account.name));
  return account;
}

test("switch: Space toggles it, the result is announced as a status toast that can be dismissed", async ({
  page,
  adminApi,
  cleanup,
}) => {
  const account = await enabledAccount(adminApi, cleanup, "e2e-ui-primitive-switch");
  const accountName = account.name;
  await page.goto(`/settings/iam/m2m-accounts/${account.id}`);
  const enabled = page.getByRole("switch", { name: "Enabled" });
  await expect(enabled).toBeChecked();
  await enabled.focus();
  await page.keyboard.press("Space");
  const disabledToast = page.getByRole("status").filter({ hasText: `${accountName} disabled` });
  await expect(disabledToast).toBeVisible();
  // The pointer resting on the toasts pauses their timers (also those that open meanwhile), so a
  // slow machine cannot let them close before the checks below.
  await disabledToast.hover();
  await expect(disabledToast).toContainText("client_not_registered");
  await expect(enabled).not.toBeChecked();
  await expect(enabled).toBeFocused();

  await page.keyboard.press("Space");
  await expect(page.getByRole("status").filter({ hasText: `${accountName} enabled` })).toBeVisible();
  await expect(enabled).toBeChecked();

  await page
    .getByRole("listitem")
    .filter({ has: disabledToast })
    .getByRole("button", { name: "Dismiss notification" })
    .click();
  await expect(disabledToast).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `${accountName} enabled` })).toBeVisible();
});

test("switch: a second change before the page has refreshed is not refused as a conflict with the first", async ({
  page,
  adminApi,
  cleanup,
}) => {
  const account = await enabledAccount(adminApi, cleanup, "e2e-ui-primitive-switch-twice");
  const accountName = account.name;
  await page.goto(`/settings/iam/m2m-accounts/${account.id}`);
  // Hold the refresh each change asks for, so the page keeps the version it was rendered with.
  const held: Route[] = [];
  await page.route(
    (url) => url.pathname === `/settings/iam/m2m-accounts/${account.id}` && url.searchParams.has("_rsc"),
    (route) => void held.push(route),
  );

  const enabled = page.getByRole("switch", { name: "Enabled" });
  await enabled.focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("status").filter({ hasText: `${accountName} disabled` })).toBeVisible();
  await expect(enabled).not.toBeChecked();
  await expect(enabled).toBeEnabled();
  await page.keyboard.press("Space");
  await expect(page.getByRole("status").filter({ hasText: `${accountName} enabled` })).toBeVisible();
  await expect(enabled).toBeChecked();
  await expect(page.getByRole("status").filter({ hasText: "Could not change the status" })).toHaveCount(0);
  expect(held.length, "the refreshes were held").toBeGreaterThan(0);

  const stored = await adminApi.get(`/api/iam/m2m-accounts/${account.id}`);
  expect(await stored.json()).toMatchObject({ enabled: true, version: account.version + 2 });
  await page.unrouteAll({ behavior: "ignoreErrors" });
});

test("tabs: arrow keys, Home and End move focus and selection; panels follow", async ({ page, adminApi, cleanup }) => {
  const group = uniqueName("e2e-ui-primitive-tabs");
  await createGroup(adminApi, { name: group });
  cleanup(() => deleteGroup(adminApi, group));
  await page.goto(`/settings/iam/groups/${group}`);
  const tablist = page.getByRole("tablist", { name: "Group views" });
  const settings = tablist.getByRole("tab", { name: "Settings" });
  const json = tablist.getByRole("tab", { name: "JSON" });
  const last = tablist.getByRole("tab").last();
  await expect(settings).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel", { name: "Settings" })).toBeVisible();

  await settings.focus();
  await page.keyboard.press("ArrowRight");
  await expect(json).toBeFocused();
  await expect(json).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel", { name: "JSON" })).toBeVisible();
  await expect(page.getByRole("tabpanel", { name: "Settings" })).toBeHidden();
  // Only the selected tab is a Tab stop.
  await expect(settings).toHaveAttribute("tabindex", "-1");

  await page.keyboard.press("End");
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Home");
  await expect(settings).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute("aria-selected", "true");
});

test("combobox: arrows, Home/End, Enter and Esc; Enter never picks the wildcard unless the user moved onto it", async ({
  page,
  adminApi,
  cleanup,
}) => {
  const group = uniqueName("e2e-ui-primitive-combobox");
  await createGroup(adminApi, {
    name: group,
    serverAccess: [{ server: "slack", methods: ["tools/list"], tools: ["post_message"] }],
  });
  cleanup(() => deleteGroup(adminApi, group));
  await page.goto(`/settings/iam/groups/${group}`);
  await page.getByRole("button", { name: "Add rule" }).click();
  const rule = page.getByRole("listitem", { name: "Rule 2" });
  const picker = rule.getByRole("combobox", { name: "Rule 2: server" });
  const list = rule.getByRole("listbox", { name: "Servers" });
  const wildcard = list.getByRole("option", { name: /All servers \(\*\)/ });
  const warning = rule.getByText("Every server, including servers registered later.");
  const selected = list.getByRole("option", { selected: true });

  await picker.focus();
  await expect(picker).toHaveAttribute("aria-expanded", "true");
  await expect(list.getByRole("option", { name: /^jira\b/ })).toBeVisible();
  // The default highlight is the first real server, and it is what aria-activedescendant names.
  await expect(wildcard).toHaveAttribute("aria-selected", "false");
  await expect(list.getByRole("option").nth(1)).toHaveAttribute("aria-selected", "true");
  const activeId = await picker.getAttribute("aria-activedescendant");
  expect(activeId).toBe(await list.getByRole("option").nth(1).getAttribute("id"));

  await page.keyboard.press("End");
  await expect(list.getByRole("option").last()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Home");
  await expect(wildcard).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowDown");
  await expect(list.getByRole("option").nth(1)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(list.getByRole("option").last()).toHaveAttribute("aria-selected", "true");

  // Esc closes the list and keeps the (empty) value; ArrowDown opens it again.
  await page.keyboard.press("Escape");
  await expect(list).toBeHidden();
  await expect(picker).toHaveAttribute("aria-expanded", "false");
  await expect(picker).not.toHaveAttribute("aria-activedescendant");
  await expect(picker).toHaveValue("");
  await page.keyboard.press("ArrowDown");
  await expect(list).toBeVisible();

  // Typing resets the highlight to the first match, never to the wildcard.
  await page.keyboard.press("Home");
  await expect(wildcard).toHaveAttribute("aria-selected", "true");
  await page.keyboard.type("jir");
  await expect(selected).toHaveAccessibleName(/^jira\b/);
  await expect(wildcard).toHaveAttribute("aria-selected", "false");
  await page.keyboard.press("Enter");
  await expect(picker).toHaveValue("jira");
  await expect(warning).toBeHidden();

  // Choosing the wildcard by keyboard takes an explicit move onto it; it is then warned about.
  await picker.fill("");
  // The unfiltered list has arrived (a late list would reset the highlight).
  await expect(list.getByRole("option", { name: /^slack\b/ })).toBeVisible();
  await page.keyboard.press("Home");
  await expect(wildcard).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(picker).toHaveValue("*");
  await expect(warning).toBeVisible();
});
