import { expectError } from "../support/registry-api";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/**
 * Who may open what (SPEC §3, §7): hiding a link is convenience only, so each page and each API
 * route is checked as well. 404 for pages (not revealed), 403 for the API (you may not).
 */
const ADMIN_PAGES = [
  "/settings/iam/users",
  "/settings/iam/groups",
  "/settings/iam/groups/new",
  "/settings/iam/groups/registry-admins",
  "/settings/iam/m2m-accounts",
  "/settings/audit",
  "/settings/usage",
];

test.describe("a regular user (Alex Wilber)", () => {
  test.use({ storageState: DEMO_USERS.regular.storageState });

  test("sees no IAM, Audit or Gateway Usage links in Settings", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await page.waitForURL((url) => url.pathname === "/settings/tokens");
    const settingsNav = page.getByRole("navigation", { name: "Settings" });
    await expect(settingsNav.getByRole("link")).toHaveText(["API Tokens"]);
    await expect(settingsNav.getByText("IAM", { exact: true })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /Users|Groups|M2M Accounts|Audit Log|Gateway Usage/ })).toHaveCount(0);
  });

  test("gets a 404 page from the IAM, audit and gateway usage pages", async ({ page, browserErrors }) => {
    for (const path of ADMIN_PAGES) browserErrors.expectFailedResponse(404, path);
    for (const path of ADMIN_PAGES) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByText("This page does not exist, or you do not have access to it.")).toBeVisible();
      await expect(page.getByRole("link", { name: "Back to the catalog" })).toBeVisible();
      await expect(
        page.getByRole("heading", { name: /Users|Groups|M2M Accounts|Audit log|Gateway usage/ }),
      ).toHaveCount(0);
    }
  });

  test("gets 403 forbidden from every /api/iam route and the audit and usage APIs", async ({ page, baseURL }) => {
    // Same-origin Origin, as the app's own pages send: the refusal must come from the permission check, not CSRF.
    const headers = { Origin: new URL(baseURL!).origin };
    const refused = [
      await page.request.get("/api/iam/users"),
      await page.request.get("/api/iam/groups"),
      await page.request.get("/api/iam/groups/team-payments"),
      await page.request.get("/api/iam/m2m-accounts"),
      await page.request.post("/api/iam/groups", { headers, data: { name: "alex-was-here" } }),
      await page.request.post("/api/iam/m2m-accounts", {
        headers,
        data: {
          tenantId: "77ac5383-74a0-4b68-ae2c-83504351a44e",
          clientId: "137dc353-fada-4dee-96a1-0db0898bbdc4",
          name: "alex",
        },
      }),
      await page.request.post("/api/iam/explain", { headers, data: { groupName: "registry-admins" } }),
      await page.request.get("/api/audit"),
      await page.request.get("/api/usage?format=csv"),
    ];
    for (const response of refused) {
      await expectError(response, 403, "forbidden");
      expect((await response.json()).error.message).toMatch(/needs the (iam|audit):(read|write) permission/);
    }
    // The UI and the API agree on who Alex is: signed in, just not an admin.
    expect((await page.request.get("/api/me")).status()).toBe(200);
  });
});

test.describe("a signed-out visitor", () => {
  test("is sent to sign in from an IAM page, with the way back kept", async ({ page, anonymousApi }) => {
    await page.goto("/settings/iam/m2m-accounts");
    await page.waitForURL(
      (url) => url.pathname === "/sign-in" && url.searchParams.get("returnTo") === "/settings/iam/m2m-accounts",
    );
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign in with Microsoft" })).toBeVisible();
    await expect(page.getByText("M2M Accounts")).toHaveCount(0);
    await expectError(await anonymousApi.get("/api/iam/m2m-accounts"), 401, "unauthorized");
  });
});
