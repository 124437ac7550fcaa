// The upstream for the gateway rows of `npm run bench`: a minimal MCP Streamable HTTP server
// (JSON responses, stateless) on node:http, so the difference between calling it directly and
// through /mcp/{slug} is the gateway's own cost. Prints its port.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { BENCH_UPSTREAM_TOOLS } from "./upstream-tools";

const TOOLS = BENCH_UPSTREAM_TOOLS.map((name) => ({
  name,
  description: `Bench tool ${name}`,
  inputSchema: { type: "object", properties: { query: { type: "string" } } },
}));

function answer(message: { id?: unknown; method?: string }): unknown {
  switch (message.method) {
    case "initialize":
      return {
        protocolVersion: "2025-06-18",
        capabilities: { tools: {} },
        serverInfo: { name: "bench-upstream", version: "1.0.0" },
      };
    case "tools/list":
      return { tools: TOOLS };
    case "tools/call":
      return { content: [{ type: "text", text: "ok" }] };
    default:
      return {};
  }
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    if (req.method !== "POST") return void res.writeHead(405).end();
    const message = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { id?: unknown; method?: string };
    if (message.id === undefined) return void res.writeHead(202).end();
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ jsonrpc: "2.0", id: message.id, result: answer(message) }));
  });
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
