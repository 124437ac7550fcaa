import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { SSEServerTransport } from "@modelcontextprotocol/sdk/server/sse.js";
import { z } from "zod";

export interface OddUpstream {
  url: string;
  close(): Promise<void>;
}

async function listen(server: Server, host = "127.0.0.1"): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as AddressInfo).port;
}

function closer(server: Server): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

/** Answers every request with `status` and an HTML page: a web site, not an MCP server. */
export async function startHtmlSite(status = 200): Promise<OddUpstream> {
  const server = createHttpServer((_request, response) => {
    response.writeHead(status, { "Content-Type": "text/html" });
    response.end("<!doctype html><title>Not MCP</title>");
  });
  return { url: `http://127.0.0.1:${await listen(server)}/mcp`, close: closer(server) };
}

/** Accepts connections and never answers. */
export async function startSilentServer(): Promise<OddUpstream> {
  const server = createHttpServer(() => {});
  return { url: `http://127.0.0.1:${await listen(server)}/mcp`, close: closer(server) };
}

/** A port nothing listens on (bound, then closed). */
export async function closedPortUrl(): Promise<string> {
  const server = createHttpServer();
  const port = await listen(server);
  await closer(server)();
  return `http://127.0.0.1:${port}/mcp`;
}

/**
 * HTTPS with the test certificate (valid for localhost and 127.0.0.1 only), reached as
 * 127.0.0.2: a certificate that does not match the host.
 */
export async function startMismatchedTls(): Promise<OddUpstream> {
  const server = createHttpsServer(
    { cert: readFileSync(".test-data/tls/cert.pem"), key: readFileSync(".test-data/tls/key.pem") },
    (_request, response) => response.end("{}"),
  );
  const port = await listen(server, "127.0.0.2");
  return { url: `https://127.0.0.2:${port}/mcp`, close: closer(server) };
}

/** The legacy HTTP+SSE transport (GET /sse, POST /messages) with the SDK's McpServer and two tools. */
export async function startLegacySseUpstream(requireHeader: {
  name: string;
  value: string;
}): Promise<OddUpstream & { seenHeaders: string[] }> {
  const transports = new Map<string, SSEServerTransport>();
  const seenHeaders: string[] = [];
  const server = createHttpServer(async (request, response) => {
    const value = request.headers[requireHeader.name];
    seenHeaders.push(String(value));
    if (value !== requireHeader.value) {
      response.writeHead(401).end();
      return;
    }
    const url = new URL(request.url ?? "/", "http://localhost");
    if (request.method === "GET" && url.pathname === "/sse") {
      const mcp = new McpServer({ name: "legacy-upstream", version: "1.0.0" });
      mcp.registerTool("ping", { description: "Answers pong." }, async () => ({
        content: [{ type: "text", text: "pong" }],
      }));
      mcp.registerTool("greet", { description: "Greets.", inputSchema: { name: z.string() } }, async ({ name }) => ({
        content: [{ type: "text", text: `hi ${name}` }],
      }));
      const transport = new SSEServerTransport("/messages", response);
      transports.set(transport.sessionId, transport);
      response.on("close", () => transports.delete(transport.sessionId));
      await mcp.connect(transport);
      return;
    }
    const transport = transports.get(url.searchParams.get("sessionId") ?? "");
    if (request.method === "POST" && url.pathname === "/messages" && transport) {
      await transport.handlePostMessage(request, response);
      return;
    }
    response.writeHead(404).end();
  });
  return { url: `http://127.0.0.1:${await listen(server)}/sse`, seenHeaders, close: closer(server) };
}
