import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";

/**
 * Small API helpers for UI tests: they create exactly what a test needs, and remove it, over
 * the same HTTP API an admin script would use.
 */

/** A name no other test (or earlier run) uses; valid as a group name (`[a-z0-9][a-z0-9-]{0,62}`). */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
}

export interface ServerAccessRule {
  server: string;
  methods: string[];
  tools: string[];
}

export async function createGroup(
  admin: APIRequestContext,
  body: { name: string; description?: string; serverAccess?: ServerAccessRule[]; permissions?: string[] },
): Promise<{ name: string; version: number }> {
  const response = await admin.post("/api/iam/groups", { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

/** Deletes a group; absent already (the test deleted it) is fine. */
export async function deleteGroup(admin: APIRequestContext, name: string): Promise<void> {
  const response = await admin.delete(`/api/iam/groups/${encodeURIComponent(name)}`);
  expect([204, 404], `DELETE group ${name}: ${response.status()}`).toContain(response.status());
}

export async function createM2mAccount(
  admin: APIRequestContext,
  body: { tenantId: string; clientId: string; name: string; description?: string; groups?: string[] },
): Promise<{ id: string; name: string; version: number }> {
  const response = await admin.post("/api/iam/m2m-accounts", { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

/** The M2M accounts named exactly `name` (a test may have created one in the UI). */
export async function findM2mAccountsNamed(
  admin: APIRequestContext,
  name: string,
): Promise<{ id: string; name: string; clientId: string; enabled: boolean }[]> {
  const response = await admin.get(`/api/iam/m2m-accounts?q=${encodeURIComponent(name)}&limit=200`);
  expect(response.status()).toBe(200);
  const page = (await response.json()) as { items: { id: string; name: string; clientId: string; enabled: boolean }[] };
  return page.items.filter((account) => account.name === name);
}

export async function deleteM2mAccountsNamed(admin: APIRequestContext, name: string): Promise<void> {
  for (const account of await findM2mAccountsNamed(admin, name)) {
    const response = await admin.delete(`/api/iam/m2m-accounts/${account.id}`);
    expect([204, 404]).toContain(response.status());
  }
}

/** Slugs of `GET /api/servers` for this caller, failing with the body when it is not a 200. */
export async function visibleServers(client: APIRequestContext): Promise<string[]> {
  const response = await client.get("/api/servers?limit=200");
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { items: { slug: string }[] }).items.map((server) => server.slug);
}

export async function visibleTools(client: APIRequestContext, slug: string): Promise<string[]> {
  const response = await client.get(`/api/servers/${slug}/tools`);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { items: { name: string }[] }).items.map((tool) => tool.name);
}

/** The SPEC §6 error code of a refused request, after checking its status. */
export async function expectError(
  response: Awaited<ReturnType<APIRequestContext["get"]>>,
  status: number,
  code: string,
): Promise<void> {
  expect(response.status(), await response.text()).toBe(status);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
}

/** Revokes the caller's usable tokens with these names (tokens are revoked, never deleted). */
export async function revokeTokensNamed(owner: APIRequestContext, names: string[]): Promise<void> {
  const response = await owner.get("/api/tokens?limit=200");
  expect(response.status()).toBe(200);
  const tokens = ((await response.json()) as { items: { id: string; name: string; revokedAt: string | null }[] }).items;
  for (const token of tokens.filter((t) => names.includes(t.name) && t.revokedAt === null)) {
    const revoked = await owner.delete(`/api/tokens/${token.id}`);
    expect([204, 404]).toContain(revoked.status());
  }
}
