import { readFile } from "node:fs/promises";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, type APIRequestContext } from "@playwright/test";
import { DEMO_USERS, type SignedInRole } from "./users";

/**
 * Real tools/calls through the registry's MCP gateway (`/mcp/{slug}`), as an MCP client sends
 * them, so the usage records a test reads were written by the gateway itself.
 */

/** The `Cookie` header of a demo user's signed-in browser session (from the setup project). */
export async function sessionCookieHeader(role: SignedInRole): Promise<string> {
  const state = JSON.parse(await readFile(DEMO_USERS[role].storageState, "utf8")) as {
    cookies: { name: string; value: string }[];
  };
  return state.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

/** An MCP client connected through the gateway with the given headers (a bearer token or a session cookie). */
export async function connectGateway(baseURL: string, slug: string, headers: Record<string, string>): Promise<Client> {
  const client = new Client({ name: "e2e-usage", version: "1.0.0" });
  // A cookie-authenticated POST must be same-origin (CSRF), as from the registry's own pages.
  const transport = new StreamableHTTPClientTransport(new URL(`/mcp/${slug}`, baseURL), {
    requestInit: { headers: { Origin: new URL(baseURL).origin, ...headers } },
  });
  await client.connect(transport);
  return client;
}

/** Waits until the gateway's (unawaited) usage writes for `server` reach `count`, read over the API. */
export async function waitForUsageCount(admin: APIRequestContext, server: string, count: number): Promise<void> {
  await expect
    .poll(async () => {
      const response = await admin.get(`/api/usage?server=${encodeURIComponent(server)}&limit=1000`);
      expect(response.status()).toBe(200);
      return ((await response.json()) as { items: unknown[] }).items.length;
    })
    .toBe(count);
}
