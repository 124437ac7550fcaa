import { randomUUID } from "node:crypto";
import { DEMO_TENANT } from "../support/entra-client";
import { expectNoHorizontalOverflow } from "../support/no-overflow";
import {
  createGroup,
  createM2mAccount,
  deleteGroup,
  deleteM2mAccountsNamed,
  uniqueName,
} from "../support/registry-api";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/**
 * Issue #11: lists sort on the server from their column headers, page forward and back, and
 * keep search, filters, sort and position in the URL, so a view can be shared.
 */
test.use({ storageState: DEMO_USERS.admin.storageState });

test("M2M accounts: filter by group and status, sort by a header, page next and previous — all in the URL, keyboard only", async ({
  page,
  adminApi,
  cleanup,
}) => {
  const group = uniqueName("e2e-lists");
  await createGroup(adminApi, { name: group });
  cleanup(() => deleteGroup(adminApi, group));
  const names = ["a", "b", "c"].map((letter) => `${group}-${letter}`);
  for (const name of names) {
    await createM2mAccount(adminApi, { tenantId: DEMO_TENANT, clientId: randomUUID(), name, groups: [group] });
    cleanup(() => deleteM2mAccountsNamed(adminApi, name));
  }

  // A shared link opens exactly this view: group filter, descending name, 50 per page.
  await page.goto(`/settings/iam/m2m-accounts?group=${group}&sort=-name`);
  const table = page.getByRole("table", { name: "M2M accounts" });
  const nameCells = table.getByRole("rowheader");
  await expect(nameCells).toHaveText([names[2]!, names[1]!, names[0]!].map((n) => new RegExp(n)));
  await expect(table.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "descending");

  // The header toggles the direction (Enter on the focused link).
  await table.getByRole("link", { name: /^Name/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=name(&|$)/);
  await expect(page).toHaveURL(new RegExp(`group=${group}`));
  await expect(nameCells).toHaveText(names.map((n) => new RegExp(n)));

  // The status filter is a GET form: choose with the keyboard, submit with Enter.
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByRole("combobox", { name: "Status" }).focus();
  await page.keyboard.type("Disabled");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(filters.getByRole("button", { name: "Apply" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/enabled=false/);
  await expect(page.getByText("No M2M accounts match these filters")).toBeVisible();
  await page.getByRole("link", { name: "Clear search and filters" }).click();
  await expect(page).toHaveURL(/\/settings\/iam\/m2m-accounts$/);

  // Paging by 2 (the page size is part of the URL too): Next, then Previous, keeping the view.
  await page.goto(`/settings/iam/m2m-accounts?group=${group}&limit=2`);
  await expect(nameCells).toHaveText(names.slice(0, 2).map((n) => new RegExp(n)));
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await pagination.getByRole("link", { name: "Next →" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/cursor=/);
  await expect(nameCells).toHaveText([new RegExp(names[2]!)]);
  await expect(pagination.getByText("Next →")).toHaveAttribute("aria-disabled", "true");
  const secondPage = page.url();
  await pagination.getByRole("link", { name: "← Previous" }).click();
  await expect(nameCells).toHaveText(names.slice(0, 2).map((n) => new RegExp(n)));
  await expect(page).not.toHaveURL(/cursor=/);
  // The second page's URL alone opens the second page.
  await page.goto(secondPage);
  await expect(nameCells).toHaveText([new RegExp(names[2]!)]);
});

test("users: a sort from the URL marks its header, and a cursor from another sort falls back to the first page", async ({
  page,
}) => {
  await page.goto("/settings/iam/users?sort=-name");
  const table = page.getByRole("table", { name: "Users" });
  await expect(table.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "descending");
  // A cursor issued under another sort: the page shows the first page of the default view rather than failing.
  await page.goto("/settings/iam/users?sort=-name&cursor=WyJuYW1lIiwiWiIsIjAiXQ");
  await expect(table).toBeVisible();
});

test("groups: the Name header and the Sort select order the list on the server, keep the search, and page under the sort", async ({
  page,
  adminApi,
  cleanup,
}) => {
  const prefix = uniqueName("e2e-gsort");
  const names = ["a", "b", "c"].map((letter) => `${prefix}-${letter}`);
  for (const name of names) {
    await createGroup(adminApi, { name });
    cleanup(() => deleteGroup(adminApi, name));
  }
  // Touch "a" last, so "Recently updated" puts it first.
  const touched = await adminApi.patch(`/api/iam/groups/${names[0]}`, { data: { description: "touched" } });
  expect(touched.status(), await touched.text()).toBe(200);

  await page.goto(`/settings/iam/groups?q=${prefix}`);
  const table = page.getByRole("table", { name: "Groups" });
  const nameCells = table.getByRole("rowheader");
  await expect(nameCells).toHaveText(names.map((n) => new RegExp(n)));
  await table.getByRole("link", { name: /^Name/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=-name/);
  await expect(page).toHaveURL(new RegExp(`q=${prefix}`));
  await expect(table.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "descending");
  await expect(nameCells).toHaveText([...names].reverse().map((n) => new RegExp(n)));

  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByRole("combobox", { name: "Sort" }).selectOption({ label: "Recently updated" });
  await filters.getByRole("button", { name: "Apply" }).press("Enter");
  await expect(page).toHaveURL(/sort=-updatedAt/);
  await expect(nameCells.first()).toHaveText(new RegExp(names[0]!));

  // Paging by 2 under a descending name sort: the second page holds the rest, in order.
  await page.goto(`/settings/iam/groups?q=${prefix}&sort=-name&limit=2`);
  await expect(nameCells).toHaveText([names[2]!, names[1]!].map((n) => new RegExp(n)));
  await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Next →" }).click();
  await expect(nameCells).toHaveText([new RegExp(names[0]!)]);
});

test("audit log: sorting by Action keeps the filters, and a cursor from another sort shows the first page", async ({
  page,
  adminApi,
  cleanup,
}) => {
  // Three events by one actor with three actions: create, update and delete of one group.
  const group = uniqueName("e2e-asort");
  await createGroup(adminApi, { name: group });
  cleanup(() => deleteGroup(adminApi, group));
  const updated = await adminApi.patch(`/api/iam/groups/${group}`, { data: { description: "sort probe" } });
  expect(updated.status(), await updated.text()).toBe(200);
  await deleteGroup(adminApi, group);

  await page.goto(`/settings/audit?target=${group}`);
  const table = page.getByRole("table", { name: /Audit events/ });
  const actions = table.getByRole("rowheader");
  await expect(actions).toHaveText(["group.delete", "group.update", "group.create"]);
  await table.getByRole("link", { name: /^Action/ }).click();
  await expect(page).toHaveURL(/sort=action/);
  await expect(page).toHaveURL(new RegExp(`target=${group}`));
  await expect(actions).toHaveText(["group.create", "group.delete", "group.update"]);
  await table.getByRole("link", { name: /^Action/ }).click();
  await expect(page).toHaveURL(/sort=-action/);
  await expect(actions).toHaveText(["group.update", "group.delete", "group.create"]);
  // Applying a filter keeps the sort.
  await page.getByRole("form", { name: "Filter audit events" }).getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/sort=-action/);
  await expect(actions).toHaveText(["group.update", "group.delete", "group.create"]);
  // A newest-first cursor under the action sort: the first page of this view, not an error.
  const first = await adminApi.get(`/api/audit?target=${group}&targetType=group&limit=1`);
  const { nextCursor } = (await first.json()) as { nextCursor: string };
  await page.goto(`/settings/audit?target=${group}&sort=action&cursor=${nextCursor}`);
  await expect(page.getByText("Some filters were ignored")).toBeVisible();
  await expect(actions).toHaveText(["group.create", "group.delete", "group.update"]);
});

for (const width of [1280, 390]) {
  test(`the users, groups and M2M lists with their filters fit ${width} px without horizontal overflow`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const path of [
      "/settings/iam/users?sort=-lastSignInAt",
      "/settings/iam/m2m-accounts?enabled=true",
      "/settings/iam/groups",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("table")).toBeVisible();
      await expectNoHorizontalOverflow(page, path);
    }
  });
}

test("all users' tokens: an admin finds a token by status and search, revokes it with the keyboard, and it is refused on its next request", async ({
  page,
  adminApi,
  bearerApi,
}) => {
  const name = uniqueName("e2e-admin-tokens");
  const created = await adminApi.post("/api/tokens", { data: { name, expiresInHours: 1 } });
  expect(created.status()).toBe(201);
  const { token } = await created.json();
  const machine = await bearerApi(token);
  expect((await machine.get("/api/servers")).status()).toBe(200);

  await page.goto(`/settings/tokens/all?status=active&q=${name}`);
  const table = page.getByRole("table", { name: "All API tokens" });
  await expect(table.getByRole("rowheader")).toHaveText([new RegExp(name)]);
  await expect(table).toContainText(DEMO_USERS.admin.displayName);
  await table.getByRole("button", { name: `Revoke ${name} of ${DEMO_USERS.admin.displayName}` }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog", { name: `Revoke ${DEMO_USERS.admin.displayName}'s token ${name}?` });
  await dialog.getByRole("button", { name: "Revoke token" }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByText("No tokens match this view")).toBeVisible();
  expect((await machine.get("/api/servers")).status()).toBe(401);

  await page.goto(`/settings/tokens/all?status=revoked&q=${name}`);
  await expect(table.getByRole("rowheader")).toHaveText([new RegExp(name)]);
  await expectNoHorizontalOverflow(page, "all tokens");
});
