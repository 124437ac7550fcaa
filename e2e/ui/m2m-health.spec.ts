import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { clientCredentialsToken, DEMO_APPS, DEMO_TENANT } from "../support/entra-client";
import { createM2mAccount, deleteM2mAccountsNamed, uniqueName } from "../support/registry-api";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/**
 * Linked-app health on Settings > IAM > M2M Accounts (credential badges from the emulator's
 * Microsoft Graph, the URL filters) and "View access" as of the app's last token.
 */
test.use({ storageState: DEMO_USERS.admin.storageState });

const BASE = "/settings/iam/m2m-accounts";

async function expectNoHorizontalScroll(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

const rowOf = (page: Page, name: string) =>
  page
    .getByRole("table", { name: "M2M accounts" })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name, exact: true }) });

for (const width of [1280, 390]) {
  test(`at ${width} px: credential badges, the expiring and unused filters, and catalog-sync-job's access as of its last token`, async ({
    page,
    adminApi,
    bearerApi,
    cleanup,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    // A linked app that has never called: the "not used in 30 days" filter must list it.
    const idle = uniqueName("e2e-idle-app");
    cleanup(() => deleteM2mAccountsNamed(adminApi, idle));
    await createM2mAccount(adminApi, { tenantId: DEMO_TENANT, clientId: randomUUID(), name: idle });
    // catalog-sync-job calls once, so its token (roles: Registry.Read) is recorded.
    const machine = await bearerApi(await clientCredentialsToken(DEMO_APPS.catalogSync));
    expect((await machine.get("/api/me")).status()).toBe(200);

    await page.goto(BASE);
    await expect(page.getByRole("heading", { level: 1, name: "M2M Accounts" })).toBeVisible();
    await expect(rowOf(page, "payments-ci-pipeline").getByText(/Expired \d+ d ago/)).toBeVisible();
    await expect(rowOf(page, "catalog-sync-job").getByText(/Expires in \d+ d/)).toBeVisible();
    await expect(rowOf(page, "catalog-sync-job").getByText("v2.0")).toBeVisible();
    await expectNoHorizontalScroll(page, width);

    const filters = page.getByRole("navigation", { name: "Filters" });
    await filters.getByRole("link", { name: "Credentials expiring soon" }).click();
    await expect(page).toHaveURL(/[?&]expiring=1/);
    await expect(rowOf(page, "catalog-sync-job")).toBeVisible();
    await expect(rowOf(page, "payments-ci-pipeline")).toBeVisible();
    await expect(rowOf(page, idle)).toHaveCount(0);

    // The active filter's link turns it off again.
    await filters.getByRole("link", { name: "Credentials expiring soon" }).click();
    await expect(page).not.toHaveURL(/expiring=1/);
    await filters.getByRole("link", { name: "Not used in 30 days" }).click();
    await expect(page).toHaveURL(/[?&]unused=1/);
    await expect(rowOf(page, idle)).toBeVisible();
    await expect(rowOf(page, "catalog-sync-job")).toHaveCount(0);
    await expectNoHorizontalScroll(page, width);

    await page.goto(BASE);
    await rowOf(page, "catalog-sync-job").getByRole("link", { name: "catalog-sync-job", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: /catalog-sync-job/ })).toBeVisible();
    const health = page.getByRole("region", { name: "Linked app health" });
    await expect(
      health
        .getByRole("listitem")
        .filter({ hasText: "Secret" })
        .getByText(/Expires in \d+ d/),
    ).toBeVisible();
    await expect(health.getByText("v2.0")).toBeVisible();
    const view = page.getByRole("region", { name: "View access" });
    await expect(view.getByTestId("last-token")).toContainText("as of the last token at");
    await expect(view.getByTestId("last-token")).toContainText("app roles: Registry.Read");
    await expect(view.getByText("app role Registry.Read").first()).toBeVisible();
    const servers = view.getByRole("table", { name: "Servers this account can see" });
    await expect(servers.getByRole("row", { name: /GitHub/ })).toBeVisible();
    await expect(servers.getByRole("row", { name: /Slack/ })).toBeVisible();
    await expectNoHorizontalScroll(page, width);

    await page.goto(`${BASE}?unused=1`);
    await rowOf(page, idle).getByRole("link", { name: idle, exact: true }).click();
    await expect(page.getByRole("region", { name: "View access" }).getByTestId("last-token")).toContainText(
      "Never called",
    );
  });
}
