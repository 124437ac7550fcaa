import { createGroup, deleteGroup, uniqueName } from "../support/registry-api";
import { expectNoHorizontalOverflow } from "../support/no-overflow";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/**
 * Issue #11: "can X call tool Y on server Z?" in the Access Explorer, keyboard only, with the
 * whole question in the URL (so a reload or a shared link asks it again).
 */
test.use({ storageState: DEMO_USERS.admin.storageState });

test("asks whether a group can call a tool: yes with the grant chain, no with the missing link, every query in the URL", async ({
  page,
  adminApi,
  cleanup,
}) => {
  const group = uniqueName("e2e-explorer");
  await createGroup(adminApi, {
    name: group,
    serverAccess: [{ server: "github", methods: ["tools/list", "tools/call"], tools: ["search_issues"] }],
  });
  cleanup(() => deleteGroup(adminApi, group));

  await page.goto("/settings/access-explorer");
  const form = page.getByRole("form", { name: "Explain access" });
  await form.getByLabel("View as").focus();
  await page.keyboard.type("Group");
  await expect(form.getByLabel("View as")).toHaveValue("group");
  await page.keyboard.press("Tab");
  await page.keyboard.type(group);
  await expect(form.getByRole("combobox", { name: "Group" })).toHaveValue(group);
  await page.keyboard.press("Tab");
  await expect(form.getByRole("textbox", { name: "Server" })).toBeFocused();
  await page.keyboard.type("github");
  await page.keyboard.press("Tab");
  await page.keyboard.type("search_issues");
  await page.keyboard.press("Enter");

  const answer = page.getByTestId("call-answer");
  await expect(answer.getByRole("heading", { name: `Can ${group} call tool search_issues on github?` })).toBeVisible();
  await expect(answer).toContainText("Yes");
  await expect(answer).toContainText(`rule 1 (server github) ← group ${group} ← assigned`);
  await expect(page).toHaveURL(new RegExp(`groupName=${group}.*server=github.*tool=search_issues`));

  const tool = form.getByRole("textbox", { name: "Tool" });
  await tool.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("merge_pull_request");
  await page.keyboard.press("Enter");
  await expect(
    answer.getByRole("heading", { name: `Can ${group} call tool merge_pull_request on github?` }),
  ).toBeVisible();
  await expect(answer).toContainText("No");
  await expect(answer).toContainText(
    "missing: tool merge_pull_request is not listed in any rule for github; listed: search_issues",
  );
  await expect(page).toHaveURL(/tool=merge_pull_request/);

  // The URL alone asks the question again.
  await page.reload();
  await expect(answer).toContainText("missing: tool merge_pull_request is not listed");

  // A method the group lacks, on a server it has no rule for.
  await page.goto(`/settings/access-explorer?groupName=${group}&server=slack&method=tools%2Flist`);
  await expect(answer).toContainText(`missing: no rule for server slack`);
});

for (const width of [1280, 390]) {
  test(`the explorer with an answer fits ${width} px without horizontal overflow`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/settings/access-explorer?groupName=team-payments&server=github&tool=search_issues");
    await expect(page.getByTestId("call-answer")).toContainText("Yes");
    await expectNoHorizontalOverflow(page, "access explorer with an answer");
  });
}
