import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { DEMO_TENANT } from "../support/entra-client";
import {
  createGroup,
  createM2mAccount,
  deleteGroup,
  deleteM2mAccountsNamed,
  revokeTokensNamed,
  uniqueName,
} from "../support/registry-api";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/**
 * Screenshots of every main screen at a laptop viewport, saved to artifacts/screenshots/ for
 * review (they are looked at, not compared). Each test first waits for the screen's content,
 * so a screenshot never shows a half-loaded page.
 */
test.use({ viewport: { width: 1280, height: 800 } });
test.describe.configure({ mode: "parallel" });

async function heading(page: Page, name: string | RegExp) {
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

/** Nothing may widen the page past the viewport (a stray absolutely positioned label did once). */
async function expectNoHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
}

test.describe("signed in as the admin", () => {
  test.use({ storageState: DEMO_USERS.admin.storageState });

  test("catalog and server detail", async ({ page, saveScreenshot }) => {
    await page.goto("/");
    await heading(page, "Catalog");
    await expect(
      page.getByRole("table", { name: "Visible MCP servers" }).getByRole("link", { name: /GitHub/ }),
    ).toBeVisible();
    await expectNoHorizontalScroll(page);
    await saveScreenshot("catalog");

    await page.goto("/servers/github");
    await heading(page, /GitHub/);
    await expect(page.getByRole("heading", { name: "Connect" })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await saveScreenshot("server-detail");
  });

  test("IAM: users, groups, group edit", async ({ page, adminApi, cleanup, saveScreenshot }) => {
    const group = uniqueName("e2e-shot-group");
    await createGroup(adminApi, {
      name: group,
      description: "Screenshot fixture: read GitHub issues, everything on Jira.",
      permissions: ["tokens:create"],
      serverAccess: [
        { server: "github", methods: ["tools/list", "tools/call"], tools: ["search_issues", "create_issue"] },
        { server: "jira", methods: ["*"], tools: ["*"] },
      ],
    });
    cleanup(() => deleteGroup(adminApi, group));

    await page.goto("/settings/iam/users");
    await heading(page, "Users");
    await expect(page.getByRole("table", { name: "Users" }).getByText("Adele Vance")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await saveScreenshot("iam-users");

    await page.goto("/settings/iam/groups");
    await heading(page, "Groups");
    await expect(
      page.getByRole("table", { name: "Groups" }).getByRole("link", { name: "registry-admins" }),
    ).toBeVisible();
    await expectNoHorizontalScroll(page);
    await saveScreenshot("iam-groups");

    await page.goto(`/settings/iam/groups/${group}`);
    await heading(page, group);
    await expect(
      page.getByRole("listitem", { name: "Rule 1" }).getByRole("checkbox", { name: "search_issues" }),
    ).toBeChecked();
    // A full-page capture draws sticky bars where the 800px viewport would put them (the save
    // bar across a card); let them sit in the flow for this capture only.
    await page.addStyleTag({ content: ".sticky { position: static !important; }" });
    await expectNoHorizontalScroll(page);
    await saveScreenshot("iam-group-edit");
  });

  test("IAM: M2M accounts, account detail, link dialog", async ({ page, adminApi, cleanup, saveScreenshot }) => {
    const group = uniqueName("e2e-shot-agents");
    await createGroup(adminApi, {
      name: group,
      serverAccess: [
        { server: "slack", methods: ["tools/list", "tools/call"], tools: ["post_message"] },
        { server: "sentry", methods: ["*"], tools: ["*"] },
      ],
    });
    cleanup(() => deleteGroup(adminApi, group));
    const account = await createM2mAccount(adminApi, {
      tenantId: DEMO_TENANT,
      clientId: randomUUID(),
      name: uniqueName("e2e-shot-agent"),
      description: "Screenshot fixture: an on-call agent.",
      groups: [group],
    });
    cleanup(() => deleteM2mAccountsNamed(adminApi, account.name));

    await page.goto("/settings/iam/m2m-accounts");
    await heading(page, "M2M Accounts");
    await expect(page.getByRole("link", { name: account.name })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await saveScreenshot("iam-m2m-accounts");

    await page.getByRole("button", { name: "Link Entra app" }).click();
    const dialog = page.getByRole("dialog", { name: "Link Entra app" });
    await dialog.getByLabel("Client id").fill(randomUUID());
    await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("deploy-pipeline");
    await expectNoHorizontalScroll(page);
    await saveScreenshot("iam-link-entra-app-dialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();

    await page.goto(`/settings/iam/m2m-accounts/${account.id}`);
    await heading(page, account.name);
    await expect(page.getByRole("heading", { name: "How to call the API" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Servers this account can see" }).getByRole("rowheader")).toHaveCount(
      2,
    );
    await expectNoHorizontalScroll(page);
    await saveScreenshot("iam-m2m-account-detail");
  });

  test("API tokens list and the secret dialog", async ({ page, adminApi, cleanup, saveScreenshot }) => {
    const listedName = uniqueName("e2e-shot-ci");
    const name = uniqueName("e2e-shot-token");
    // Tokens are revoked, never deleted: leave none usable behind.
    cleanup(() => revokeTokensNamed(adminApi, [listedName, name]));
    expect(
      (
        await adminApi.post("/api/tokens", { data: { name: listedName, expiresInHours: 168, servers: ["github"] } })
      ).status(),
    ).toBe(201);

    await page.goto("/settings/tokens");
    await heading(page, "API Tokens");
    await expectNoHorizontalScroll(page);
    await saveScreenshot("api-tokens");

    await page.getByRole("button", { name: "Create token" }).click();
    const createDialog = page.getByRole("dialog", { name: "Create API token" });
    await createDialog.getByRole("textbox", { name: "Name", exact: true }).fill(name);
    await createDialog
      .getByRole("group", { name: /^Permissions/ })
      .getByRole("checkbox", { name: "iam:read" })
      .check();
    await expect(createDialog.getByRole("region", { name: "What this token can do" })).toContainText("(iam:read)");
    await saveScreenshot("api-token-create-dialog");
    await createDialog
      .getByRole("group", { name: /^Permissions/ })
      .getByRole("checkbox", { name: "iam:read" })
      .uncheck();
    await createDialog.getByRole("button", { name: "Create token" }).click();
    const secretDialog = page.getByRole("dialog", { name: `Token ${name} created` });
    await expect(secretDialog.getByRole("textbox", { name: "New API token" })).toHaveValue(/^mcpr_/);
    await expectNoHorizontalScroll(page);
    await saveScreenshot("api-token-secret-dialog");
    await secretDialog.getByRole("button", { name: "I have copied the token" }).click();
    await expect(secretDialog).toBeHidden();
  });

  test("audit log", async ({ page, saveScreenshot }) => {
    await page.goto("/settings/audit");
    await heading(page, "Audit log");
    await expect(page.getByRole("table", { name: "Audit events, newest first" }).getByRole("row").nth(1)).toBeVisible();
    await expectNoHorizontalScroll(page);
    await saveScreenshot("audit-log");
  });
});

test("sign-in page", async ({ page, saveScreenshot }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("link", { name: "Sign in with Microsoft" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await saveScreenshot("sign-in-page");
});
