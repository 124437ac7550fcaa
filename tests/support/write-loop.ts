// Child process for the crash-safety test: creates servers through lib/ forever, printing each
// slug only after its transaction committed. The parent kills it with SIGKILL.
import { dbReady, getDb } from "@/lib/db";
import { createServer } from "@/lib/servers/create-server";
import { systemContext } from "@/lib/system-context";

async function main() {
  const db = getDb();
  await dbReady();
  const ctx = { principal: null, requestId: "crash-test", system: true };
  for (let i = 0; ; i++) {
    const slug = `crash-${i}`;
    await createServer(systemContext(db, ctx.requestId), {
      slug,
      name: `Crash ${i}`,
      description: "",
      url: "https://example.test/mcp",
      transport: "streamable-http",
      tags: ["crash"],
      version: "",
      enabled: true,
      tools: [{ name: "t", description: "", inputSchema: { type: "object" } }],
    });
    process.stdout.write(`${slug}\n`);
  }
}

void main();
