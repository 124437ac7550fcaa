import { randomUUID } from "node:crypto";
import { createGroup, deleteGroup, deleteM2mAccountsNamed, uniqueName } from "../support/registry-api";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/**
 * How forms tell people what is wrong (issue #11): limits are counted and refused, never cut;
 * errors wait until a field was typed in or the form was sent and read as sentences; a duplicate
 * is shown on the field that holds it; a rule for a server that does not exist is a warning.
 */
test.use({ storageState: DEMO_USERS.admin.storageState });

test("a token name over 100 characters is counted and refused with a message, not cut", async ({ page }) => {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/tokens") posts.push(request.url());
  });
  await page.goto("/settings/tokens");
  await page.getByRole("button", { name: "Create token", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Create API token" });
  const name = dialog.getByRole("textbox", { name: "Name", exact: true });
  await expect(dialog.getByTestId("character-count")).toHaveText("0/100");
  const long = "x".repeat(101);
  await name.fill(long);
  await expect(name).toHaveValue(long);
  await expect(dialog.getByTestId("character-count")).toHaveText("101/100");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription(/At most 100 characters: this is 101/);
  await dialog.getByRole("button", { name: "Create token" }).click();
  await expect(dialog).toBeVisible();
  expect(posts).toEqual([]);
  await name.fill("x".repeat(100));
  await expect(name).not.toHaveAttribute("aria-invalid", "true");
  await dialog.getByRole("button", { name: "Cancel" }).click();
});

test("Link Entra app: no error before typing; then a sentence, not a field code", async ({
  page,
  adminApi,
  cleanup,
}) => {
  const name = uniqueName("e2e-ui-touched");
  cleanup(() => deleteM2mAccountsNamed(adminApi, name));
  await page.goto("/settings/iam/m2m-accounts");
  await page.getByRole("button", { name: "Link Entra app" }).click();
  const dialog = page.getByRole("dialog", { name: "Link Entra app" });
  const clientId = dialog.getByLabel("Client id");
  await clientId.focus();
  await dialog.getByRole("textbox", { name: "Name", exact: true }).focus();
  await expect(clientId).not.toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText(/must be/)).toHaveCount(0);

  await clientId.fill("not-a-guid");
  await dialog.getByRole("textbox", { name: "Name", exact: true }).focus();
  await expect(clientId).toHaveAccessibleDescription(
    /^Client id must be a GUID like 00000000-0000-0000-0000-000000000000/,
  );
  // Sending the form checks every field, typed in or not.
  await dialog.getByRole("button", { name: "Link app" }).click();
  await expect(dialog.getByRole("textbox", { name: "Name", exact: true })).toHaveAccessibleDescription(
    /^Name is required/,
  );
  await clientId.fill(randomUUID());
  await expect(clientId).not.toHaveAttribute("aria-invalid", "true");
  await dialog.getByRole("button", { name: "Cancel" }).click();
});

test("creating a group with a taken name shows the error on the name field", async ({
  page,
  adminApi,
  cleanup,
  browserErrors,
}) => {
  const taken = uniqueName("e2e-ui-taken");
  await createGroup(adminApi, { name: taken });
  cleanup(() => deleteGroup(adminApi, taken));
  browserErrors.expectFailedResponse(409, /\/api\/iam\/groups$/);

  await page.goto("/settings/iam/groups/new");
  const name = page.getByRole("textbox", { name: "Name" });
  await name.fill(taken);
  await page.getByRole("button", { name: "Create group" }).click();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription(new RegExp(`^A group named ${taken} already exists\\.`));
  await expect(page.getByText("The group was not created")).toHaveCount(0);
});

test("a rule for a server that does not exist is saved with a warning, in the editor and on save", async ({
  page,
  adminApi,
  cleanup,
  browserErrors,
}) => {
  const group = uniqueName("e2e-ui-early-rule");
  const slug = uniqueName("e2e-later-server");
  await createGroup(adminApi, {
    name: group,
    description: "Kept.",
    serverAccess: [{ server: "github", methods: ["tools/list"], tools: ["search_issues"] }],
  });
  cleanup(() => deleteGroup(adminApi, group));
  browserErrors.expectFailedResponse(404, `/api/servers/${slug}/tools`);

  await page.goto(`/settings/iam/groups/${group}`);
  await expect(page.getByRole("listitem", { name: "Rule 1" }).getByText(/is registered \(yet\)/)).toHaveCount(0);
  await page.getByRole("button", { name: "Add rule" }).click();
  const rule = page.getByRole("listitem", { name: "Rule 2" });
  const picker = rule.getByRole("combobox", { name: "Rule 2: server" });
  // Ids stay unique after a rule is added (they once came from a counter that differs between server and browser).
  expect(
    await page.evaluate(() => {
      const ids = [...document.querySelectorAll("[id]")].map((el) => el.id);
      return ids.filter((id, index) => ids.indexOf(id) !== index);
    }),
  ).toEqual([]);
  await picker.fill(slug);
  await picker.press("Enter");
  await expect(
    rule.getByText(`No server ${slug} is registered (yet). The rule is kept and applies once it is.`),
  ).toBeVisible();
  await rule.getByRole("checkbox", { name: "All tools (*)" }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Group saved" })).toContainText(
    `Warning: no server ${slug} is registered yet`,
  );
  const saved = (await (await adminApi.get(`/api/iam/groups/${group}`)).json()) as {
    serverAccess: { server: string }[];
  };
  expect(saved.serverAccess.map((r) => r.server)).toEqual(["github", slug]);
});

test("Import JSON keeps what the JSON leaves out and says what it imported", async ({ page, adminApi, cleanup }) => {
  const group = uniqueName("e2e-ui-import");
  await createGroup(adminApi, { name: group, description: "Written by hand.", permissions: ["audit:read"] });
  cleanup(() => deleteGroup(adminApi, group));

  await page.goto(`/settings/iam/groups/${group}`);
  await page.getByRole("button", { name: "Import JSON" }).click();
  const dialog = page.getByRole("dialog", { name: "Import group JSON" });
  const json = dialog.getByLabel("Group JSON");
  // A refused part is named, with what to fix, and nothing is filled in.
  await json.fill(JSON.stringify({ permissions: ["root"] }));
  await dialog.getByRole("button", { name: "Fill the form" }).click();
  const refusal = dialog.getByRole("alert");
  await expect(refusal).toContainText("The JSON does not describe a valid group. Fix these and paste it again:");
  await expect(refusal.getByRole("listitem")).toHaveText([/^permissions\.0: Invalid option: expected one of/]);
  await expect(json).toHaveAttribute("aria-invalid", "true");
  await json.fill(JSON.stringify({ serverAccess: [{ server: "jira", methods: ["*"], tools: ["*"] }] }));
  await expect(refusal).toBeHidden();
  await dialog.getByRole("button", { name: "Fill the form" }).click();
  await expect(page.getByRole("status").filter({ hasText: "JSON imported into the form" })).toContainText(
    "Imported serverAccess. Kept the form's description, entraMappings, permissions.",
  );
  await expect(page.getByRole("textbox", { name: "Description" })).toHaveValue("Written by hand.");
  await expect(page.getByRole("checkbox", { name: /audit:read/ })).toBeChecked();
  await expect(page.getByRole("listitem", { name: "Rule 1" }).getByRole("combobox")).toHaveValue("jira");
});
