import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { SCREENSHOTS_DIR } from "../fixtures";
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
 * Every screen, as the admin, at a laptop (1280 px) and a phone (390 px) width: the page never
 * scrolls sideways, and at 1280 px no table needs its own scroll box either (a cut-off "Revoke"
 * button once hid behind one). Full-page screenshots go to artifacts/screenshots/<name>-<width>.png
 * to be looked at.
 */
test.use({ storageState: DEMO_USERS.admin.storageState });

interface Fixture {
  group: string;
  account: { id: string; name: string };
  userId: string;
}

interface Screen {
  name: string;
  path: (fixture: Fixture) => string;
  /** What must be visible before measuring (the screen's real content, not a skeleton). */
  ready: (page: Page, fixture: Fixture) => Promise<void>;
}

const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
};

const SCREENS: Screen[] = [
  {
    name: "catalog",
    path: () => "/",
    ready: async (page) => {
      await heading("Catalog")(page);
      await expect(page.getByRole("link", { name: /GitHub/ }).first()).toBeVisible();
    },
  },
  { name: "server", path: () => "/servers/github", ready: heading(/GitHub/) },
  {
    name: "users",
    path: () => "/settings/iam/users",
    ready: async (page) => {
      await heading("Users")(page);
      await expect(page.getByRole("table", { name: "Users" }).getByText(DEMO_USERS.admin.displayName)).toBeVisible();
    },
  },
  {
    name: "user-detail",
    path: (f) => `/settings/iam/users/${f.userId}`,
    ready: heading(DEMO_USERS.regular.displayName),
  },
  {
    name: "groups",
    path: () => "/settings/iam/groups",
    ready: async (page) => {
      await heading("Groups")(page);
      await expect(page.getByRole("link", { name: "registry-admins" })).toBeVisible();
    },
  },
  {
    name: "group-detail",
    path: (f) => `/settings/iam/groups/${f.group}`,
    ready: async (page, f) => {
      await heading(f.group)(page);
      await expect(page.getByRole("listitem", { name: "Rule 1" })).toBeVisible();
    },
  },
  { name: "group-new", path: () => "/settings/iam/groups/new", ready: heading("New group") },
  {
    name: "m2m-accounts",
    path: () => "/settings/iam/m2m-accounts",
    ready: async (page, f) => {
      await heading("M2M Accounts")(page);
      await expect(page.getByRole("link", { name: f.account.name })).toBeVisible();
    },
  },
  {
    name: "m2m-account-detail",
    path: (f) => `/settings/iam/m2m-accounts/${f.account.id}`,
    ready: async (page, f) => {
      await heading(f.account.name)(page);
      await expect(page.getByRole("heading", { name: "How to call the API" })).toBeVisible();
    },
  },
  {
    name: "tokens",
    path: () => "/settings/tokens",
    ready: async (page) => {
      await heading("API Tokens")(page);
      await expect(page.getByRole("table", { name: "Your API tokens" })).toBeVisible();
    },
  },
  { name: "access-explorer", path: () => "/settings/access-explorer", ready: heading("Access Explorer") },
  {
    name: "audit",
    path: () => "/settings/audit",
    ready: async (page) => {
      await heading("Audit log")(page);
      await expect(
        page.getByRole("table", { name: "Audit events, newest first" }).getByRole("row").nth(1),
      ).toBeVisible();
    },
  },
  {
    name: "usage",
    path: () => "/settings/usage",
    // Rows exist only when a spec has called a tool through the gateway; the filters and the table or its empty state always do.
    ready: async (page) => {
      await heading("Gateway usage")(page);
      await expect(page.getByRole("form", { name: "Filter gateway usage" })).toBeVisible();
    },
  },
];

async function arrange(adminApi: APIRequestContext, cleanup: (step: () => Promise<unknown>) => void): Promise<Fixture> {
  const group = uniqueName("e2e-layout-group");
  await createGroup(adminApi, {
    name: group,
    description: "Layout fixture: read GitHub issues, everything on Jira.",
    serverAccess: [
      { server: "github", methods: ["tools/list", "tools/call"], tools: ["search_issues", "create_issue"] },
      { server: "jira", methods: ["*"], tools: ["*"] },
    ],
  });
  cleanup(() => deleteGroup(adminApi, group));
  const account = await createM2mAccount(adminApi, {
    tenantId: DEMO_TENANT,
    clientId: randomUUID(),
    name: uniqueName("e2e-layout-agent"),
    description: "Layout fixture.",
    groups: [group],
  });
  cleanup(() => deleteM2mAccountsNamed(adminApi, account.name));
  // Two tokens with long names, one of them revoked, so the token table shows its widest rows.
  const tokens = [uniqueName("e2e-layout-token-with-a-rather-long-name"), uniqueName("e2e-layout-revoked")];
  cleanup(() => revokeTokensNamed(adminApi, tokens));
  for (const data of [
    { name: tokens[0], permissions: ["iam:read"] },
    { name: tokens[1], servers: ["github", "jira"] },
  ]) {
    const created = await adminApi.post("/api/tokens", { data: { expiresInHours: 168, ...data } });
    expect(created.status(), await created.text()).toBe(201);
  }
  await revokeTokensNamed(adminApi, [tokens[1]!]);
  const users = await adminApi.get(`/api/iam/users?q=${encodeURIComponent(DEMO_USERS.regular.displayName)}`);
  expect(users.status()).toBe(200);
  const user = ((await users.json()) as { items: { id: string; displayName: string }[] }).items.find(
    (u) => u.displayName === DEMO_USERS.regular.displayName,
  );
  expect(user).toBeDefined();
  return { group, account, userId: user!.id };
}

/** The innermost elements reaching past the right edge of the viewport, to say what to fix. */
async function stickingOut(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const clipped = (el: HTMLElement) => {
      for (let parent = el.parentElement; parent; parent = parent.parentElement)
        if (getComputedStyle(parent).overflowX !== "visible") return true;
      return false;
    };
    const wide = [...document.querySelectorAll<HTMLElement>("body *")].filter(
      (el) =>
        el.getBoundingClientRect().right > window.innerWidth + 1 && el.getClientRects().length > 0 && !clipped(el),
    );
    const innermost = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
    return innermost
      .slice(0, 4)
      .map((el) => `<${el.tagName.toLowerCase()}> ${(el.textContent ?? "").trim().slice(0, 40)}`);
  });
}

/** Scroll boxes (overflow-x: auto/scroll) whose content is wider than the box. */
async function overflowingScrollBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("main *")]
      .filter(
        (el) =>
          ["auto", "scroll"].includes(getComputedStyle(el).overflowX) &&
          el.scrollWidth > el.clientWidth + 1 &&
          el.tagName !== "PRE",
      )
      .map(
        (el) =>
          `${el.querySelector("caption")?.textContent ?? el.tagName.toLowerCase()}: ${el.scrollWidth}px in ${el.clientWidth}px`,
      ),
  );
}

for (const width of [1280, 390]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width === 1280 ? 800 : 844 } });

    test("no screen scrolls sideways", async ({ page, adminApi, cleanup }) => {
      test.setTimeout(120_000);
      const fixture = await arrange(adminApi, cleanup);
      await mkdir(SCREENSHOTS_DIR, { recursive: true });
      const problems: string[] = [];
      for (const screen of SCREENS) {
        await page.goto(screen.path(fixture));
        await screen.ready(page, fixture);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > width)
          problems.push(
            `${screen.name}: the page is ${scrollWidth}px wide; sticking out: ${(await stickingOut(page)).join(", ")}`,
          );
        if (width === 1280)
          problems.push(...(await overflowingScrollBoxes(page)).map((box) => `${screen.name}: ${box}`));
        // Sticky bars would be drawn where the viewport put them, across the full-page capture.
        await page.addStyleTag({ content: ".sticky { position: static !important; }" });
        await page.screenshot({ path: join(SCREENSHOTS_DIR, `${screen.name}-${width}.png`), fullPage: true });
      }
      expect(problems).toEqual([]);
    });
  });
}

test("at 390 px the header keeps every link and Sign out in view, and settings sections scroll in their own row", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/settings/tokens");
  await expect(page.getByRole("heading", { level: 1, name: "API Tokens" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport({ ratio: 1 });
  const main = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Catalog", "Settings"])
    await expect(main.getByRole("link", { name })).toBeInViewport({ ratio: 1 });
  const audit = page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Audit Log" });
  await audit.scrollIntoViewIfNeeded();
  await expect(audit).toBeInViewport({ ratio: 1 });
  await audit.click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
