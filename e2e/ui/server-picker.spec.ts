import { createGroup, deleteGroup, uniqueName } from "../support/registry-api";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/**
 * Issue: typing a filter and pressing Enter selected "All servers (*)" — in an IAM tool that
 * silently grants everything. The wildcard must never be the default match.
 */
test.use({ storageState: DEMO_USERS.admin.storageState });

test("the server picker: Enter takes the matching server or the typed slug, never the wildcard; choosing the wildcard is explicit and warned", async ({
  page,
  adminApi,
  cleanup,
  browserErrors,
}) => {
  const group = uniqueName("e2e-ui-picker");
  await createGroup(adminApi, {
    name: group,
    serverAccess: [{ server: "slack", methods: ["tools/list"], tools: ["post_message"] }],
  });
  cleanup(() => deleteGroup(adminApi, group));

  await page.goto(`/settings/iam/groups/${group}`);
  await expect(page.getByRole("heading", { level: 1, name: group })).toBeVisible();
  await page.getByRole("button", { name: "Add rule" }).click();
  const rule = page.getByRole("listitem", { name: "Rule 2" });
  const picker = rule.getByRole("combobox", { name: "Rule 2: server" });

  await picker.fill("jir");
  await expect(rule.getByRole("option", { name: /^jira\b/ })).toBeVisible();
  await picker.press("Enter");
  await expect(picker).toHaveValue("jira");
  await expect(rule.getByText("Every server, including servers registered later.")).toBeHidden();

  // A filter that matches nothing: Enter keeps the typed slug (a rule may precede its server);
  // the tool picker then looks the server up and shows that it is not registered.
  browserErrors.expectFailedResponse(404, "/api/servers/not-registered-yet/tools");
  await picker.fill("not-registered-yet");
  await expect(rule.getByText("No matching servers; a typed slug is kept.")).toBeVisible();
  await picker.press("Enter");
  await expect(picker).toHaveValue("not-registered-yet");

  // Enter right after typing, before the search for the new text has answered: the options on
  // screen belong to the previous search, so none of them may be taken (the typed slug is).
  await picker.fill("");
  await expect(rule.getByRole("option")).not.toHaveCount(1);
  const firstListed = (await rule.getByRole("option").nth(1).textContent()) ?? "";
  expect(firstListed.startsWith("slack")).toBe(false);
  await picker.fill("slack");
  await picker.press("Enter");
  await expect(picker).toHaveValue("slack");

  // The wildcard: an explicit click, then a visible warning.
  await picker.fill("");
  await rule.getByRole("option", { name: /All servers \(\*\)/ }).click();
  await expect(picker).toHaveValue("*");
  await expect(rule.getByText("Every server, including servers registered later.")).toBeVisible();
});
