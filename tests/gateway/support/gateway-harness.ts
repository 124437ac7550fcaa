import { randomBytes } from "node:crypto";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { createSession } from "@/lib/auth/sessions";
import { getConfig } from "@/lib/config";
import { dbReady, getDb, type Db } from "@/lib/db";
import { handleMcpRequest } from "@/lib/gateway/handle-mcp-request";
import { nodeIncoming } from "@/lib/http/node-incoming";
import { createGroup } from "@/lib/iam/groups/create-group";
import { ensureBuiltIns } from "@/lib/iam/ensure-built-ins";
import { createM2mAccount } from "@/lib/iam/m2m-accounts/create-m2m-account";
import { createUser } from "@/lib/iam/users/create-user";
import { createServer } from "@/lib/servers/create-server";
import { systemContext } from "@/lib/system-context";
import { createServerSchema } from "@/lib/servers/schemas";
import { M2M_APPS, REGISTRY_APP, TENANT_ID, msalClient, startTestEmulator } from "../../entra-emulator/helpers";
import { flushGatewayUsage } from "@/lib/usage/record-gateway-usage";
import { useTestRegistry } from "../../support/registry-env";
import { startTestUpstream, type TestUpstream } from "./upstream-server";

export const SYSTEM = { principal: null, requestId: "gateway-test-setup", system: true };
export const GRANTED_TOOLS = ["echo", "add", "fail", "progress"];
export const UPSTREAM_SECRET = "Bearer upstream-secret-9f8e7d";

export interface GatewayHarness {
  db: Db;
  /** `http://127.0.0.1:PORT`: the gateway, serving /mcp/{slug} through handleMcpRequest. */
  origin: string;
  json: TestUpstream;
  sse: TestUpstream;
  /** Client-credentials tokens from the bundled Entra emulator, obtained with MSAL. */
  tokens: { caller: string; reader: string; unlinked: string };
  /** A browser session of a user in the callers' group. */
  session: string;
  /** An MCP SDK client connected through the gateway. */
  connect(
    slug: string,
    token: string,
    headers?: Record<string, string>,
  ): Promise<{ client: Client; transport: StreamableHTTPClientTransport }>;
  close(): Promise<void>;
}

async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A port that accepts connections and never answers (for the timeout). */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<import("node:net").Socket>();
  const server = createNetServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * The Entra emulator, a fresh registry database, two real upstream MCP servers (JSON and SSE
 * answers) and the gateway on a local port. Principals:
 * - caller (payments-ci-pipeline app): tools/list + tools/call of echo, add, fail, progress on gw-json, gw-sse, gw-down, gw-slow, gw-disabled;
 * - reader (catalog-sync-job app, via its Registry.Read app role): tools/list of echo on gw-json only;
 * - gw-hidden exists but nobody is granted it.
 */
export async function startGatewayHarness(): Promise<GatewayHarness> {
  const emulator = await startTestEmulator();
  const registry = await useTestRegistry({
    ENTRA_AUTHORITY_HOST: emulator.url,
    REGISTRY_SECRETS_KEY: randomBytes(32).toString("base64"),
    REGISTRY_GATEWAY_TIMEOUT_MS: "1500",
  });
  await dbReady();
  const db = getDb();
  await ensureBuiltIns(db, getConfig(), SYSTEM);

  const [json, sse, silent] = await Promise.all([startTestUpstream("json"), startTestUpstream("sse"), silentServer()]);
  const server = (slug: string, url: string, extra: Record<string, unknown> = {}) =>
    createServer(systemContext(db, SYSTEM.requestId), createServerSchema.parse({ slug, name: slug, url, ...extra }));
  await server("gw-json", json.url);
  await server("gw-sse", sse.url);
  await server("gw-hidden", json.url);
  await server("gw-disabled", json.url, { enabled: false });
  await server("gw-down", `http://127.0.0.1:${await closedPort()}/mcp`);
  await server("gw-slow", `http://127.0.0.1:${silent.port}/mcp`);

  const calls = { methods: ["tools/list", "tools/call"], tools: GRANTED_TOOLS };
  await createGroup(systemContext(db, SYSTEM.requestId), {
    name: "gw-callers",
    description: "",
    entraMappings: { groups: [], appRoles: [] },
    serverAccess: ["gw-json", "gw-sse", "gw-down", "gw-slow", "gw-disabled"].map((slug) => ({
      server: slug,
      ...calls,
    })),
    permissions: [],
  });
  await createGroup(systemContext(db, SYSTEM.requestId), {
    name: "gw-readers",
    description: "",
    entraMappings: { groups: [], appRoles: ["Registry.Read"] },
    serverAccess: [{ server: "gw-json", methods: ["tools/list"], tools: ["echo"] }],
    permissions: [],
  });
  // Gina creates her own API tokens in the tests (createToken checks tokens:create itself).
  await createGroup(systemContext(db, SYSTEM.requestId), {
    name: "gw-token-makers",
    description: "",
    entraMappings: { groups: [], appRoles: [] },
    serverAccess: [],
    permissions: ["tokens:create"],
  });
  await createM2mAccount(systemContext(db, SYSTEM.requestId), {
    tenantId: TENANT_ID,
    clientId: M2M_APPS.paymentsCi.clientId,
    name: "gateway caller",
    description: "",
    groups: ["gw-callers"],
    enabled: true,
  });
  await createM2mAccount(systemContext(db, SYSTEM.requestId), {
    tenantId: TENANT_ID,
    clientId: M2M_APPS.catalogSync.clientId,
    name: "gateway reader",
    description: "",
    groups: [],
    enabled: true,
  });
  const user = await createUser(systemContext(db, SYSTEM.requestId), {
    tenantId: TENANT_ID,
    objectId: "5b0c2f6e-9a41-4c7e-8d3b-2e1f0a9c8b7d",
    displayName: "Gina Gateway",
    groups: ["gw-callers", "gw-token-makers"],
    enabled: true,
  });
  const session = (await createSession(db, user.id, 8)).sessionId;

  // Mounted the way the API application mounts it: a Hono route handing over the raw Request and the Node one.
  const app = new Hono();
  app.all("/mcp/:slug", (c) => handleMcpRequest(c.req.raw, c.req.param("slug"), nodeIncoming(c.env)));
  const gateway = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve) => {
    // overrideGlobalObjects: false, as in production (scripts/serve.ts): the platform Request/Response.
    const s = serve(
      { fetch: app.fetch, port: 0, hostname: "127.0.0.1", overrideGlobalObjects: false },
      (info: AddressInfo) => resolve({ server: s, port: info.port }),
    );
  });
  const origin = `http://127.0.0.1:${gateway.port}`;

  const token = async (app: { clientId: string; secret: string }) => {
    const result = await msalClient(emulator, app).acquireTokenByClientCredential({
      scopes: [`api://${REGISTRY_APP.clientId}/.default`],
      skipCache: true,
    });
    if (!result?.accessToken) throw new Error("the emulator returned no access token");
    return result.accessToken;
  };
  const tokens = {
    caller: await token(M2M_APPS.paymentsCi),
    reader: await token(M2M_APPS.catalogSync),
    unlinked: await token(M2M_APPS.unlinkedAgent),
  };
  const clients: Client[] = [];

  return {
    db,
    origin,
    json,
    sse,
    tokens,
    session,
    async connect(slug, bearer, headers = {}) {
      const transport = new StreamableHTTPClientTransport(new URL(`${origin}/mcp/${slug}`), {
        requestInit: { headers: { Authorization: `Bearer ${bearer}`, ...headers } },
      });
      const client = new Client({ name: "gateway-test", version: "1.0.0" });
      clients.push(client);
      await client.connect(transport);
      return { client, transport };
    },
    async close() {
      await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
      (gateway.server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) => gateway.server.close(() => resolve()));
      await Promise.all([json.close(), sse.close(), silent.close(), emulator.close()]);
      await registry.close();
    },
  };
}

/** A raw JSON-RPC POST through the gateway (for batches and exact answers). */
export async function rpcPost(
  origin: string,
  slug: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Headers; json: any; text: string }> {
  const response = await fetch(`${origin}/mcp/${slug}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

/** The usage rows matching `where` once this process's queued rows are written (exactly `count`). */
export async function waitForUsage(
  db: Db,
  where: Record<string, unknown>,
  count: number,
): Promise<Awaited<ReturnType<Db["gatewayUsage"]["findMany"]>>> {
  await flushGatewayUsage();
  const rows = await db.gatewayUsage.findMany({ where, orderBy: { at: "asc" } });
  if (rows.length !== count)
    throw new Error(`expected ${count} usage rows for ${JSON.stringify(where)}, found ${rows.length}`);
  return rows;
}
