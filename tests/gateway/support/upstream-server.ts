import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { z } from "zod";

/** What an upstream saw: every request's method, headers and (for POST) JSON-RPC methods. */
export interface SeenRequest {
  method: string;
  headers: Record<string, string>;
  rpcMethods: string[];
  /** The raw POST body. */
  body?: string;
}

export interface TestUpstream {
  url: string;
  seen: SeenRequest[];
  /** Tool name → how many times its handler ran. */
  toolRuns: Map<string, number>;
  closedSessions: string[];
  openSessions(): string[];
  /** Lets every waiting `progress` tool call finish. */
  release(): void;
  /** Sends notifications/tools/list_changed to one session (on its GET stream). */
  notifyToolListChanged(sessionId: string): Promise<void>;
  close(): Promise<void>;
}

export const UPSTREAM_TOOLS = ["echo", "add", "fail", "progress", "admin_reset"] as const;

function buildServer(toolRuns: Map<string, number>, gate: () => Promise<void>): McpServer {
  const server = new McpServer({ name: "test-upstream", version: "1.0.0" });
  const ran = (name: string) => toolRuns.set(name, (toolRuns.get(name) ?? 0) + 1);
  server.registerTool(
    "echo",
    { description: "Echo the text.", inputSchema: { text: z.string() } },
    async ({ text }) => {
      ran("echo");
      return { content: [{ type: "text", text }] };
    },
  );
  server.registerTool(
    "add",
    { description: "Add two numbers.", inputSchema: { a: z.number(), b: z.number() } },
    async ({ a, b }) => {
      ran("add");
      return { content: [{ type: "text", text: String(a + b) }] };
    },
  );
  server.registerTool("fail", { description: "Always reports an error." }, async () => {
    ran("fail");
    return { content: [{ type: "text", text: "it failed" }], isError: true };
  });
  server.registerTool(
    "progress",
    { description: "Reports progress, then waits until the test releases it." },
    async (extra) => {
      ran("progress");
      const progressToken = extra._meta?.progressToken;
      if (progressToken !== undefined)
        await extra.sendNotification({
          method: "notifications/progress",
          params: { progressToken, progress: 1, total: 2 },
        });
      await gate();
      return { content: [{ type: "text", text: "done" }] };
    },
  );
  server.registerTool("admin_reset", { description: "Nobody but admins." }, async () => {
    ran("admin_reset");
    return { content: [{ type: "text", text: "reset" }] };
  });
  return server;
}

/**
 * A real MCP server (the SDK's McpServer over Streamable HTTP, stateful sessions) on a local
 * port: JSON answers (`json`) or SSE answers (`sse`). It records what reached it, and answers 401
 * to any request without every one of `requireHeaders` (an upstream that wants its credentials).
 */
export async function startTestUpstream(
  mode: "json" | "sse",
  options: { requireHeaders?: Record<string, string> } = {},
): Promise<TestUpstream> {
  const seen: SeenRequest[] = [];
  const toolRuns = new Map<string, number>();
  const closedSessions: string[] = [];
  const transports = new Map<string, WebStandardStreamableHTTPServerTransport>();
  const servers = new Map<string, McpServer>();
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));

  const fetch = async (request: Request): Promise<Response> => {
    let rpcMethods: string[] = [];
    let text: string | undefined;
    if (request.method === "POST") {
      text = await request.clone().text();
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        // recorded as is
      }
      rpcMethods = (Array.isArray(body) ? body : [body]).map(
        (m) => (m as { method?: string } | null)?.method ?? "(response)",
      );
    }
    seen.push({ method: request.method, headers: Object.fromEntries(request.headers), rpcMethods, body: text });
    for (const [name, value] of Object.entries(options.requireHeaders ?? {})) {
      if (request.headers.get(name) !== value) return Response.json({ error: "unauthorized" }, { status: 401 });
    }
    const sessionId = request.headers.get("mcp-session-id");
    if (sessionId) {
      const transport = transports.get(sessionId);
      return transport
        ? transport.handleRequest(request)
        : Response.json(
            { jsonrpc: "2.0", id: null, error: { code: -32001, message: "Session not found" } },
            { status: 404 },
          );
    }
    const server = buildServer(toolRuns, () => opened);
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      enableJsonResponse: mode === "json",
      onsessioninitialized: (id) => {
        transports.set(id, transport);
        servers.set(id, server);
      },
      onsessionclosed: (id) => {
        transports.delete(id);
        closedSessions.push(id);
      },
    });
    await server.connect(transport);
    return transport.handleRequest(request);
  };

  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve) => {
    const s = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
      resolve({ server: s, port: info.port }),
    );
  });
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    seen,
    toolRuns,
    closedSessions,
    openSessions: () => [...transports.keys()],
    release: () => open(),
    notifyToolListChanged: async (sessionId) => servers.get(sessionId)?.sendToolListChanged(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const transport of transports.values()) void transport.close();
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
